import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Search snippets at the cost of a window, not of the whole text (issue 16, item 6: common words stay fast).
 *
 * `ts_headline` parses all the text it is given: 20,000 characters per row of the page cost about 3 ms of
 * PostgreSQL CPU each, so a page of 20 hits of a common word cost 60 ms, the limit of the common-word search.
 * `contract_snippet` (the matched words wrapped in `**`) first finds where the query's words start in the text (a word-start regular expression per
 * word: its stem, as the contract's configuration stems it, or the word as typed; `-word` and `or` are left
 * out), then asks `ts_headline` for the 1,500 characters from 300 before the first of them. When no word is
 * found that way (a stem that is not a prefix of the written word), or the window's headline highlights nothing,
 * it falls back to the headline of the first 20,000 characters, as before: the snippet is never worse.
 */
export class ContractSnippet1796300000000 implements MigrationInterface {
  name = 'ContractSnippet1796300000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE FUNCTION contract_snippet(p_config regconfig, p_text text, p_q text)
      RETURNS text LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
      DECLARE
        v_text text := left(coalesce(p_text, ''), 200000);
        v_query tsquery := websearch_to_tsquery(p_config, p_q);
        v_words text := regexp_replace(lower(coalesce(p_q, '')), '(^|\\s)-\\S+|\\mor\\M', ' ', 'g');
        v_word text;
        v_stem text;
        v_at int;
        v_first int := 0;
        v_snippet text;
        -- The matched words wrapped in ** (plain text: never markup a client would have to escape).
        v_options text := 'StartSel=**, StopSel=**, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "';
      BEGIN
        FOR v_word IN SELECT w FROM regexp_split_to_table(v_words, '[^[:alnum:]]+') AS w WHERE w <> '' LOOP
          v_stem := (SELECT l FROM unnest(tsvector_to_array(to_tsvector(p_config, v_word))) AS l LIMIT 1);
          CONTINUE WHEN v_stem IS NULL; -- a stop word: never highlighted
          FOREACH v_stem IN ARRAY ARRAY[v_stem, v_word] LOOP
            v_at := regexp_instr(v_text, '\\m' || regexp_replace(v_stem, '([^[:alnum:]])', '\\\\\\1', 'g'), 1, 1, 0, 'i');
            IF v_at > 0 AND (v_first = 0 OR v_at < v_first) THEN v_first := v_at; END IF;
          END LOOP;
        END LOOP;
        IF v_first > 0 THEN
          v_snippet := ts_headline(p_config, substr(v_text, greatest(1, v_first - 300), 1500), v_query, v_options);
          IF strpos(v_snippet, '**') > 0 THEN RETURN v_snippet; END IF;
        END IF;
        RETURN ts_headline(p_config, left(v_text, 20000), v_query, v_options);
      END $$`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS contract_snippet(regconfig, text, text)`);
  }
}
