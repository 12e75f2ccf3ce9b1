import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search at customer scale (issue 16, items 5 and 6).
 *
 * - `search` is stored per language: english, finnish or swedish stemming by the contract's detected language,
 *   `simple` (no stemming, no stop words) for any other or none yet. Title and counterparty weigh A, the text B.
 * - `search_names` (title, counterparty and the parties' names, lower case) carries a trigram index, so a typo
 *   in a name still finds the contract ("Rubicn" finds Rubicon).
 * - The GIN indexes are on the column alone: the planner ANDs their bitmap with the tenant's btree index (a GIN
 *   index leading with tenant_id through btree_gin is costed by the tenant's entries and never chosen).
 * - Under row-level security the planner never uses the GIN index for `@@` (ts_match_vq is not LEAKPROOF: it
 *   may not see rows before the policy filters them). `contract_search` therefore runs as the owner and applies
 *   the tenant itself, from the same transaction setting the policies read (`app.tenant_id`); with none set it
 *   finds nothing. It answers ids only; the caller reads the rows under row-level security as before.
 */
export class ContractSearch1796240000000 implements MigrationInterface {
  name = 'ContractSearch1796240000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS pg_trgm`);

    await q.query(`CREATE FUNCTION contract_search_config(p_language text) RETURNS regconfig
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE p_language
          WHEN 'en' THEN 'pg_catalog.english'::regconfig
          WHEN 'fi' THEN 'pg_catalog.finnish'::regconfig
          WHEN 'sv' THEN 'pg_catalog.swedish'::regconfig
          ELSE 'pg_catalog.simple'::regconfig END
      $$`);
    await q.query(`CREATE FUNCTION contract_party_names(p_terms jsonb) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT string_agg(p ->> 'name', ' ')
          FROM jsonb_array_elements(
            CASE WHEN jsonb_typeof(p_terms -> 'parties') = 'array' THEN p_terms -> 'parties' ELSE '[]'::jsonb END
          ) AS p
      $$`);
    // A plain query (no quotes, OR or -word) as the words a name is matched with; null for one with operators,
    // whose meaning a similarity match would not keep.
    await q.query(`CREATE FUNCTION contract_search_words(p_q text) RETURNS text
      LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
        SELECT CASE WHEN p_q ~* '"|(^|\\s)-|\\mor\\M' THEN NULL
                    ELSE btrim(regexp_replace(lower(p_q), '\\s+', ' ', 'g')) END
      $$`);

    await q.query(`ALTER TABLE contracts DROP COLUMN search`);
    await q.query(`ALTER TABLE contracts ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector(contract_search_config(language), coalesce(title, '') || ' ' || coalesce(counterparty, '')), 'A') ||
        setweight(to_tsvector(contract_search_config(language), left(coalesce(text, ''), 900000)), 'B')
      ) STORED`);
    await q.query(`ALTER TABLE contracts ADD COLUMN search_names text GENERATED ALWAYS AS (
        lower(coalesce(title, '') || ' ' || coalesce(counterparty, '') || ' ' || coalesce(contract_party_names(terms), ''))
      ) STORED`);
    await q.query(`CREATE INDEX contracts_search_idx ON contracts USING gin (search)`);
    await q.query(
      `CREATE INDEX contracts_search_names_idx ON contracts USING gin (search_names gin_trgm_ops)`,
    );

    // A query in websearch_to_tsquery syntax (quotes, OR, -word), read with each contract's own configuration
    // (an OR of the four queries would let `-word` through for a contract of another language). One GIN scan per
    // configuration.
    const matches = ['english', 'finnish', 'swedish', 'simple']
      .map(
        (config) =>
          `(c.search @@ websearch_to_tsquery('pg_catalog.${config}', p_q) AND contract_search_config(c.language) = 'pg_catalog.${config}'::regconfig)`,
      )
      .join('\n             OR ');
    await q.query(`CREATE FUNCTION contract_search(p_q text) RETURNS TABLE (id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_catalog AS $$
        SELECT c.id FROM contracts c
         WHERE c.tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid
           AND (${matches})
        UNION
        SELECT c.id FROM contracts c
         WHERE c.tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid
           AND length(contract_search_words(p_q)) >= 4
           AND contract_search_words(p_q) <% c.search_names
      $$`);
    await q.query(`REVOKE ALL ON FUNCTION contract_search(text) FROM PUBLIC`);
    await q.query(`GRANT EXECUTE ON FUNCTION contract_search(text) TO contract_bank_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS contract_search(text)`);
    await q.query(`ALTER TABLE contracts DROP COLUMN search_names`);
    await q.query(`ALTER TABLE contracts DROP COLUMN search`);
    await q.query(`ALTER TABLE contracts ADD COLUMN search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(title, '') || ' ' || coalesce(counterparty, '')), 'A') ||
        setweight(to_tsvector('english', left(coalesce(text, ''), 900000)), 'B')
      ) STORED`);
    await q.query(`CREATE INDEX contracts_search_idx ON contracts USING gin (search)`);
    await q.query(`DROP FUNCTION IF EXISTS contract_search_words(text)`);
    await q.query(`DROP FUNCTION IF EXISTS contract_party_names(jsonb)`);
    await q.query(`DROP FUNCTION IF EXISTS contract_search_config(text)`);
  }
}
