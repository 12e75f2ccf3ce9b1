import type { MigrationInterface, QueryRunner } from 'typeorm';
import { SNIPPET_V1, contractSearch } from './1796300000000-SearchCost';

/**
 * Search that reads no contract's text to find it, and snippets that rarely read 20,000 characters (issue 16,
 * items 5 and 6: common words stay fast, search flat as a tenant grows).
 *
 * - `contracts_tenant_search_idx`, a GIN index on (tenant_id, search) through btree_gin, beside the one on
 *   `search` alone: for a word most contracts hold, a tenant's matches come out of it directly, instead of a
 *   bitmap of every tenant's matches (70,000 rows for a common word over 100,000 contracts) ANDed with the
 *   tenant's rows. The planner costs it by the tenant's entries, so for a rare word, or where the tenant's
 *   rows are few, it keeps choosing the index on `search` ANDed with the tenant's btree index: both stay.
 * - `contract_search` asks one query per configuration (english, finnish, swedish, simple), each with its
 *   language check beside it, and UNIONs them. With the four ORed in one WHERE (as before) the planner
 *   re-evaluates the whole condition on every row the index found, `@@` included, and `@@` reads (detoasts) the
 *   row's tsvector: 59 tsvectors read for a common word in a tenant of 100 contracts, 2,100 in a tenant of
 *   5,000. Apart, each `@@` is an index condition the GIN index answers exactly (no recheck for a query without
 *   phrases), and only the language, a plain column, is checked per row. Measured on the bench database
 *   (100,000 contracts; EXPLAIN ANALYZE, warm): "indemnification" in a tenant of 100 contracts 2.4 -> 1.4 ms, in
 *   the tenant of 5,000 95.7 -> 4.8 ms; a rare word 0.45 -> 0.39 ms.
 * - `contract_snippet` looks for the first whole word whose lexeme is one of the query's (a regular expression
 *   over the text for the words starting with a form, each checked with `to_tsvector`), not for the first place
 *   a form occurs: "indemnification" (stem `indemnif`) no longer stops at "Indemnified" (stem `indemnifi`), whose
 *   window highlights nothing and sent the row to the 20,000-character headline (3.6 to 5 ms a row). When the
 *   window around that word has no cover of the whole query (the words of "governing law" further apart than
 *   the window), the window is highlighted with any of the query's words before falling back to the long
 *   headline. 59 snippets of "indemnification": 80 -> 35 ms; 100 of "agreement" (in every contract, many times): 33 ms.
 */
export class SearchIndexPerTenant1796310000000 implements MigrationInterface {
  name = 'SearchIndexPerTenant1796310000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gin`);
    await q.query(
      `CREATE INDEX IF NOT EXISTS contracts_tenant_search_idx ON contracts USING gin (tenant_id, search)`,
    );
    await q.query(contractSearchPerConfiguration());
    await q.query(`CREATE OR REPLACE FUNCTION ${SNIPPET_V2}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION ${SNIPPET_V1}`);
    await q.query(contractSearch(true));
    await q.query(`DROP INDEX IF EXISTS contracts_tenant_search_idx`);
  }
}

/** contract_search: one query per configuration, each `@@` an index condition, UNIONed with the name typos. */
function contractSearchPerConfiguration(): string {
  const tenant = `c.tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid`;
  const words = ['english', 'finnish', 'swedish', 'simple']
    .map(
      (config) => `SELECT c.id FROM contracts c
         WHERE ${tenant}
           AND contract_search_config(c.language) = 'pg_catalog.${config}'::regconfig
           AND c.search @@ websearch_to_tsquery('pg_catalog.${config}', p_q)`,
    )
    .join('\n        UNION\n        ');
  return `CREATE OR REPLACE FUNCTION contract_search(p_q text) RETURNS TABLE (id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_catalog AS $$
        ${words}
        UNION
        SELECT c.id FROM contracts c
         WHERE ${tenant}
           AND length(contract_search_words(p_q)) >= 4
           AND contract_search_words(p_q) <% c.search_names
      $$`;
}

// The forms (contract_snippet_forms: stems and words as typed, letters and digits only) are lower-cased into
// the query's lexemes; a regular expression finds the words of the text that start with one of them, and the
// first whose own lexeme is one of them places the window.
export const SNIPPET_V2 = `contract_snippet(p_config regconfig, p_text text, p_q text, p_forms jsonb)
      RETURNS text LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
      DECLARE
        v_text text := left(coalesce(p_text, ''), 200000);
        v_query tsquery := websearch_to_tsquery(p_config, p_q);
        v_lexemes text[] := ARRAY(
          SELECT DISTINCT lower(f) FROM jsonb_array_elements_text(p_forms -> p_config::text) AS f);
        v_pattern text := '\\m((?:' || array_to_string(v_lexemes, '|') || ')\\w*)';
        v_word text;
        v_first int := 0;
        v_snippet text;
        v_window text;
        -- The matched words wrapped in ** (plain text: never markup a client would have to escape).
        v_options text := 'StartSel=**, StopSel=**, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "';
      BEGIN
        IF cardinality(v_lexemes) > 0 THEN
          -- The first word starting with a lexeme is nearly always the one (found without matching the rest of the
          -- text); only when its own lexeme differs ("Indemnified" for "indemnification") are all matches read.
          v_word := (regexp_match(v_text, v_pattern, 'i'))[1];
          IF v_word IS NOT NULL AND NOT coalesce(
               (SELECT l FROM unnest(tsvector_to_array(to_tsvector(p_config, v_word))) AS l LIMIT 1)
               = ANY (v_lexemes), false) THEN
            SELECT m[1] INTO v_word
              FROM regexp_matches(v_text, v_pattern, 'gi') AS m
             WHERE (SELECT l FROM unnest(tsvector_to_array(to_tsvector(p_config, m[1]))) AS l LIMIT 1)
                   = ANY (v_lexemes)
             LIMIT 1;
          END IF;
          IF v_word IS NOT NULL THEN v_first := strpos(v_text, v_word); END IF;
        END IF;
        IF v_first > 0 THEN
          v_window := substr(v_text, greatest(1, v_first - 200), 800);
          v_snippet := ts_headline(p_config, v_window, v_query, v_options);
          IF strpos(v_snippet, '**') > 0 THEN RETURN v_snippet; END IF;
          -- No cover of the whole query in the window: its words where they are.
          v_snippet := ts_headline(p_config, v_window,
                                   to_tsquery(p_config, array_to_string(v_lexemes, ' | ')), v_options);
          IF strpos(v_snippet, '**') > 0 THEN RETURN v_snippet; END IF;
        END IF;
        RETURN ts_headline(p_config, left(v_text, 20000), v_query, v_options);
      END $$`;
