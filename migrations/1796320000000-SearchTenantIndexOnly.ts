import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The full-text search reaches its rows through the (tenant_id, search) GIN index alone (issue 16, items 5 and 6).
 *
 * `contract_search` is a SQL function, and PostgreSQL plans a SQL function's statements with its argument as a
 * parameter: the plan never sees the words searched for, only a default estimate (525 rows of 100,000). With
 * that estimate the planner preferred the GIN index on `search` alone, ANDed with the tenant's btree index: a
 * bitmap of every tenant's matches (44,033 rows for "indemnification") built to keep a tenant's 42. Without that
 * index the plan takes the (tenant_id, search) index, which reads the word's entries and the tenant's together.
 *
 * Measured on the bench databases (`npm run bench:api`; contract_search alone, warm, mean of 20 calls, ms):
 *
 * | tenant (contracts), words  | before   | after   |
 * |----------------------------|----------|---------|
 * | 100, "indemnification"     | 6.7-11.0 | 1.8-2.6 |
 * | 100, "governing law"       | 13-21    | 3.6-5.1 |
 * | 100, "agreement" (in all)  | 61-101   | 29-51   |
 * | 100, a rare word           | 1.0-1.5  | 1.0-1.5 |
 * | 5,000, "indemnification"   | 6.3-7.2  | 5.9-7.9 |
 * | 5,000, "governing law"     | 60-66    | 67-71   |
 * | 50,000, "indemnification"  | 48       | 32      |
 * | 50,000, "agreement"        | 599      | 551     |
 * | 50,000, "governing law"    | 548      | 694     |
 *
 * A word in most of a tenant of 50,000 contracts stays slow either way: the function returns tens of thousands
 * of ids, which the page then sorts (docs/benchmarks.md).
 *
 * Making the function plan each call with the words (plan_cache_mode or dynamic SQL) was measured too and not
 * taken: 2.5 ms for "indemnification" in a tenant of 100, but a rare word went from 1.0 to 1.7-2.3 ms (planning
 * five statements each call) and "agreement" in the tenant of 50,000 from 0.6 to 2.1 s (the plan then reads
 * every row's tsvector instead of the index). Writes gain too: one GIN index fewer to keep on each insert and
 * each new parse.
 */
export class SearchTenantIndexOnly1796320000000 implements MigrationInterface {
  name = 'SearchTenantIndexOnly1796320000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS contracts_search_idx`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX IF NOT EXISTS contracts_search_idx ON contracts USING gin (search)`,
    );
  }
}
