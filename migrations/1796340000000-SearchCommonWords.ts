import type { MigrationInterface, QueryRunner } from 'typeorm';

/** A lexeme in at least this share of all contracts is a common word (the search walks the page instead). */
export const COMMON_WORD_SHARE = 0.2;

/**
 * Common words in big tenants (issue 16: "common words stay fast").
 *
 * `contract_search` answers every id of the tenant that matches, and the page then sorts them: "agreement" in a
 * tenant of 50,000 contracts is 20,961 ids and about 0.6 s, and even in a tenant of 100 the word's GIN entry,
 * which lists every tenant's contracts, costs 29 to 51 ms. For a word that is in a fifth or more of the
 * contracts, walking the tenant's contracts newest first and testing each until the page is full reads about
 * five rows per hit instead (ContractsRepository.list).
 *
 * Which words are common comes from PostgreSQL's own statistics on `contracts.search` (the most common
 * lexemes and their shares, kept by ANALYZE), copied into `search_common_lexemes` by
 * `contract_search_refresh_common_words()`, which the worker's `search.common-words` tick calls every hour.
 * Reading the statistics on each search cost 1.7 ms (pg_statistic) to 7 ms (pg_stats) in the bench database;
 * `contract_search_common` with the table costs 0.2 to 0.4 ms, and the API keeps its answer per query for 10 minutes.
 *
 * The table holds words across all tenants (only those in a fifth or more of every contract in the bank, which
 * no one tenant's name or secret can be unless that tenant holds a fifth of the bank). The application's role
 * can neither read nor write it: `contract_search_common(q)` answers only whether a query is common, which
 * chooses a plan and changes no result; the planner already uses the same statistics for its own choices.
 */
export class SearchCommonWords1796340000000 implements MigrationInterface {
  name = 'SearchCommonWords1796340000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE TABLE search_common_lexemes (lexeme text PRIMARY KEY, share real NOT NULL)`,
    );
    // Not tenant data, and no tenant's to read: no grant, and row-level security with no policy besides (the
    // owner's SECURITY DEFINER functions below are the only readers).
    await q.query(`REVOKE ALL ON search_common_lexemes FROM contract_bank_app`);
    await q.query(`ALTER TABLE search_common_lexemes ENABLE ROW LEVEL SECURITY`);
    await q.query(`CREATE FUNCTION contract_search_refresh_common_words() RETURNS integer
      LANGUAGE plpgsql VOLATILE SECURITY DEFINER SET search_path = public, pg_catalog AS $$
      DECLARE
        v_count integer;
      BEGIN
        -- One refresh at a time (two workers' ticks): the second waits and then replaces the rows again.
        LOCK TABLE search_common_lexemes IN EXCLUSIVE MODE;
        DELETE FROM search_common_lexemes;
        INSERT INTO search_common_lexemes (lexeme, share)
        SELECT DISTINCT ON (u.lexeme) u.lexeme, u.share
          FROM pg_stats s,
               unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) AS u(lexeme, share)
         WHERE s.schemaname = 'public' AND s.tablename = 'contracts' AND s.attname = 'search'
           AND u.lexeme IS NOT NULL AND u.share >= ${COMMON_WORD_SHARE}
         ORDER BY u.lexeme, u.share DESC;
        GET DIAGNOSTICS v_count = ROW_COUNT;
        RETURN v_count;
      END $$`);
    // Common: no OR and no negation (their hits are not "most contracts"), and in one of the configurations every
    // lexeme of the query is a common one.
    await q.query(`CREATE FUNCTION contract_search_common(p_q text) RETURNS boolean
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_catalog AS $$
        SELECT p_q !~* '(^|\\s)-|\\mor\\M' AND EXISTS (
          SELECT 1
            FROM unnest(ARRAY['pg_catalog.english', 'pg_catalog.finnish', 'pg_catalog.swedish',
                              'pg_catalog.simple']::regconfig[]) AS cfg,
                 LATERAL (SELECT tsvector_to_array(to_tsvector(cfg, p_q)) AS lexemes) q
           WHERE cardinality(q.lexemes) > 0
             AND NOT EXISTS (SELECT 1 FROM unnest(q.lexemes) AS l
                              WHERE NOT EXISTS (SELECT 1 FROM search_common_lexemes s WHERE s.lexeme = l)))
      $$`);
    for (const fn of ['contract_search_refresh_common_words()', 'contract_search_common(text)']) {
      await q.query(`REVOKE ALL ON FUNCTION ${fn} FROM PUBLIC`);
      await q.query(`GRANT EXECUTE ON FUNCTION ${fn} TO contract_bank_app`);
    }
    await q.query(`SELECT contract_search_refresh_common_words()`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS contract_search_common(text)`);
    await q.query(`DROP FUNCTION IF EXISTS contract_search_refresh_common_words()`);
    await q.query(`DROP TABLE IF EXISTS search_common_lexemes`);
  }
}
