import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search snippets at the cost of a window, not of the whole text (issue 16, item 6: common words stay fast).
 *
 * `ts_headline` parses all the text it is given: 20,000 characters per row of the page cost about 3 ms of
 * PostgreSQL CPU each, so a page of 25 hits of a common word cost most of the common-word search's 31 ms.
 * `contract_snippet` (the matched words wrapped in `**`) first finds where the query's words first occur in the
 * text, then asks `ts_headline` for the 800 characters from 200 before the first of them. The forms looked
 * for (`contract_snippet_forms`: for each configuration, each word's stem and the word as typed, in lower case,
 * capitalised and upper case; stop words, `-word` and `or` left out) are computed once per query, not per row.
 * When none is found (a stem that is not a prefix of the written word), or the window's headline highlights
 * nothing (a form found inside another word), it falls back to the headline of the first 20,000 characters, as
 * before: the snippet is never worse.
 *
 * `contract_search` checks each row's language before its words: `@@` reads (detoasts) the row's tsvector, and
 * with the check after it a row not matching was read once for each of the four configurations (4.4 to 7.7 ms
 * for a common word in a tenant of 100 contracts, 1.3 to 2.4 ms with the check first; 36 against 22 ms in a
 * tenant of 5,000).
 */
export class SearchCost1796300000000 implements MigrationInterface {
  name = 'SearchCost1796300000000';

  async up(q: QueryRunner): Promise<void> {
    // Per configuration, each word's stem and the word itself (none for a stop word), in three cases; a form
    // that starts with another form is left out (the shorter one is found at the same place or earlier).
    await q.query(`CREATE FUNCTION contract_snippet_forms(p_config regconfig, p_q text) RETURNS text[]
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        WITH words AS (
          SELECT w, (SELECT l FROM unnest(tsvector_to_array(to_tsvector(p_config, w))) AS l LIMIT 1) AS stem
            FROM regexp_split_to_table(
                   regexp_replace(lower(coalesce(p_q, '')), '(^|\\s)-\\S+|\\mor\\M', ' ', 'g'),
                   '[^[:alnum:]]+') AS w
           WHERE w <> ''
        ), stems AS (
          SELECT DISTINCT s FROM words CROSS JOIN LATERAL unnest(ARRAY[w, stem]) AS s WHERE stem IS NOT NULL
        )
        SELECT coalesce(array_agg(DISTINCT f), '{}') FROM stems a
         CROSS JOIN LATERAL unnest(ARRAY[a.s, initcap(a.s), upper(a.s)]) AS f
         WHERE NOT EXISTS (SELECT 1 FROM stems b WHERE b.s <> a.s AND left(a.s, length(b.s)) = b.s)
      $$`);
    // The forms of each configuration contract_search_config answers, keyed by its name (one call per query).
    await q.query(`CREATE FUNCTION contract_snippet_forms(p_q text) RETURNS jsonb
      LANGUAGE sql STABLE PARALLEL SAFE AS $$
        SELECT jsonb_object_agg(config::text, to_jsonb(contract_snippet_forms(config, p_q)))
          FROM unnest(ARRAY['pg_catalog.english', 'pg_catalog.finnish', 'pg_catalog.swedish',
                            'pg_catalog.simple']::regconfig[]) AS config
      $$`);
    await q.query(`CREATE FUNCTION ${SNIPPET_V1}`);
    await q.query(contractSearch(true));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(contractSearch(false));
    await q.query(`DROP FUNCTION IF EXISTS contract_snippet(regconfig, text, text, jsonb)`);
    await q.query(`DROP FUNCTION IF EXISTS contract_snippet_forms(text)`);
    await q.query(`DROP FUNCTION IF EXISTS contract_snippet_forms(regconfig, text)`);
  }
}

/** contract_snippet as this migration creates it (the SearchIndexPerTenant migration's down restores it). */
export const SNIPPET_V1 = `contract_snippet(p_config regconfig, p_text text, p_q text, p_forms jsonb)
      RETURNS text LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
      DECLARE
        v_text text := left(coalesce(p_text, ''), 200000);
        v_query tsquery := websearch_to_tsquery(p_config, p_q);
        v_form text;
        v_at int;
        v_first int := 0;
        v_snippet text;
        -- The matched words wrapped in ** (plain text: never markup a client would have to escape).
        v_options text := 'StartSel=**, StopSel=**, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "';
      BEGIN
        FOR v_form IN SELECT jsonb_array_elements_text(p_forms -> p_config::text) LOOP
          v_at := strpos(v_text, v_form);
          IF v_at > 0 AND (v_first = 0 OR v_at < v_first) THEN v_first := v_at; END IF;
        END LOOP;
        IF v_first > 0 THEN
          v_snippet := ts_headline(p_config, substr(v_text, greatest(1, v_first - 200), 800), v_query, v_options);
          IF strpos(v_snippet, '**') > 0 THEN RETURN v_snippet; END IF;
        END IF;
        RETURN ts_headline(p_config, left(v_text, 20000), v_query, v_options);
      END $$`;

/** The search function of the ContractSearch migration, with each row's language checked first (or after). */
export function contractSearch(languageFirst: boolean): string {
  const matches = ['english', 'finnish', 'swedish', 'simple']
    .map((config) => {
      const words = `c.search @@ websearch_to_tsquery('pg_catalog.${config}', p_q)`;
      const language = `contract_search_config(c.language) = 'pg_catalog.${config}'::regconfig`;
      return languageFirst ? `(${language} AND ${words})` : `(${words} AND ${language})`;
    })
    .join('\n             OR ');
  return `CREATE OR REPLACE FUNCTION contract_search(p_q text) RETURNS TABLE (id uuid)
      LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_catalog AS $$
        SELECT c.id FROM contracts c
         WHERE c.tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid
           AND (${matches})
        UNION
        SELECT c.id FROM contracts c
         WHERE c.tenant_id = NULLIF(current_setting('app.tenant_id', true), '')::uuid
           AND length(contract_search_words(p_q)) >= 4
           AND contract_search_words(p_q) <% c.search_names
      $$`;
}
