import type { MigrationInterface, QueryRunner } from 'typeorm';

const CONFIGS = ['english', 'finnish', 'swedish', 'simple'].map((c) => `'pg_catalog.${c}'`);

/** A byte of UTF-8 text that is an ASCII letter, digit or underscore (a word's), as a condition on `b`. */
const WORD_BYTE = (b: string) =>
  `(${b} BETWEEN 48 AND 57 OR ${b} BETWEEN 65 AND 90 OR ${b} BETWEEN 97 AND 122 OR ${b} = 95)`;

/**
 * What a search's snippets need of its query, once per statement: for each configuration the tsquery, the
 * lexemes a matching word starts with (the words as typed and their stems, the shortest of those that start
 * alike, as contract_snippet_forms had them), the regular expression for them, and the words as typed in lower,
 * title and upper case. PL/pgSQL keeps its statements' plans for the connection; the SQL function it replaces was
 * planned again by every search (0.8 ms a search on the bench database, against 0.3).
 */
const SNIPPET_PLAN = `contract_snippet_plan(p_q text) RETURNS jsonb
      LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
      DECLARE
        -- Negated words and OR are no words to show (as in contract_snippet_forms).
        v_words text[] := ARRAY(
          SELECT DISTINCT w
            FROM regexp_split_to_table(
                   regexp_replace(lower(coalesce(p_q, '')), '(^|\\s)-\\S+|\\mor\\M', ' ', 'g'), '[^[:alnum:]]+') AS w
           WHERE w <> '');
        v_config regconfig;
        v_word text;
        v_stem text;
        v_stems text[];
        v_typed text[];
        v_plan jsonb := '{}';
      BEGIN
        FOREACH v_config IN ARRAY ARRAY[${CONFIGS.join(', ')}]::regconfig[] LOOP
          v_stems := '{}';
          v_typed := '{}';
          FOREACH v_word IN ARRAY v_words LOOP
            v_stem := (tsvector_to_array(to_tsvector(v_config, v_word)))[1];
            -- A stop word has no lexeme: nothing to find.
            IF v_stem IS NOT NULL THEN
              v_stems := v_stems || ARRAY[v_word, v_stem];
              v_typed := v_typed || ARRAY[v_word, initcap(v_word), upper(v_word)];
            END IF;
          END LOOP;
          v_stems := ARRAY(SELECT DISTINCT a FROM unnest(v_stems) AS a
                            WHERE NOT EXISTS (SELECT 1 FROM unnest(v_stems) AS b
                                               WHERE b <> a AND left(a, length(b)) = b));
          v_plan := v_plan || jsonb_build_object(v_config::text, jsonb_build_object(
            'query', websearch_to_tsquery(v_config, p_q)::text,
            'lexemes', v_stems::text,
            'typed', ARRAY(SELECT DISTINCT t FROM unnest(v_typed) AS t)::text,
            'pattern', CASE WHEN cardinality(v_stems) > 0
                            THEN '\\m((?:' || array_to_string(v_stems, '|') || ')\\w*)' END,
            'any', CASE WHEN cardinality(v_stems) > 0 THEN array_to_string(v_stems, ' | ') END));
        END LOOP;
        RETURN v_plan;
      END $$`;

/**
 * Whether the character holding byte p_at (from 0) of UTF-8 text is a letter, digit or underscore: the word
 * boundary check for the bytes that are not ASCII (ä, ö, å, and the typographic quotes and dashes). STABLE, as
 * convert_from is.
 */
const WORD_CHAR_AT = `contract_snippet_word_char(p_bytes bytea, p_at int) RETURNS boolean
      LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
      DECLARE
        v_from int := p_at;
        v_to int := p_at + 1;
      BEGIN
        IF p_at < 0 OR p_at >= length(p_bytes) THEN RETURN false; END IF;
        WHILE v_from > 0 AND get_byte(p_bytes, v_from) BETWEEN 128 AND 191 LOOP v_from := v_from - 1; END LOOP;
        WHILE v_to < length(p_bytes) AND get_byte(p_bytes, v_to) BETWEEN 128 AND 191 LOOP v_to := v_to + 1; END LOOP;
        -- convert_from's result has the collation of its encoding's name, "C", under which no letter but ASCII's
        -- is a word character.
        RETURN convert_from(substring(p_bytes FROM v_from + 1 FOR v_to - v_from), 'UTF8') COLLATE "default" ~ '^\\w$';
      END $$`;

/**
 * The snippet of one contract: the text around the first whole-word use of a query word as typed, found by
 * byte offset, highlighted by ts_headline (a window of 200 bytes before the word and 600 after, as the 800
 * characters before for English text); when the text holds the query's words only in other forms, the first
 * word whose lexeme is the query's (the regular expression over the text, as before).
 */
const SNIPPET_V6 = `contract_snippet(p_config regconfig, p_text text, p_plan jsonb)
      RETURNS text LANGUAGE plpgsql STABLE PARALLEL SAFE AS $$
      DECLARE
        v_text text := CASE WHEN octet_length(p_text) > 200000 THEN left(p_text, 200000)
                              ELSE coalesce(p_text, '') || '' END;
        v_bytes bytea := convert_to(v_text, 'UTF8');
        v_len int := length(v_bytes);
        v_cfg jsonb := p_plan -> p_config::text;
        v_query tsquery := (v_cfg ->> 'query')::tsquery;
        v_lexemes text[] := (v_cfg ->> 'lexemes')::text[];
        v_typed text[] := (v_cfg ->> 'typed')::text[];
        v_pattern text := v_cfg ->> 'pattern';
        v_piece text;
        v_word text;
        v_first int := 0;
        v_at int;
        v_end int;
        v_done int;
        v_b int;
        v_snippet text;
        v_window text;
        -- The matched words wrapped in ** (plain text: never markup a client would have to escape).
        v_options text := 'StartSel=**, StopSel=**, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=" … "';
      BEGIN
        IF v_pattern IS NOT NULL THEN
          -- Each form's first whole-word use, earliest of all. split_part finds a form as strpos does (without a
          -- regular expression over the text), and the length of what is before it is its byte offset: no
          -- character before it is counted, which for 25 KB of text cost more than finding it.
          FOREACH v_word IN ARRAY v_typed LOOP
            v_done := 0;
            FOR k IN 1 .. 5 LOOP
              v_piece := split_part(v_text, v_word, k);
              EXIT WHEN v_done + octet_length(v_piece) >= v_len;
              v_at := v_done + octet_length(v_piece) + 1;
              EXIT WHEN v_first > 0 AND v_at >= v_first;
              v_end := v_at + octet_length(v_word) - 1;
              v_b := CASE WHEN v_at > 1 THEN get_byte(v_bytes, v_at - 2) ELSE 32 END;
              IF NOT (${WORD_BYTE('v_b')} OR (v_b >= 128 AND contract_snippet_word_char(v_bytes, v_at - 2))) THEN
                v_b := CASE WHEN v_end < v_len THEN get_byte(v_bytes, v_end) ELSE 32 END;
                IF NOT (${WORD_BYTE('v_b')} OR (v_b >= 128 AND contract_snippet_word_char(v_bytes, v_end))) THEN
                  v_first := v_at;
                  EXIT;
                END IF;
              END IF;
              v_done := v_end;
            END LOOP;
          END LOOP;
          IF v_first > 0 THEN
            -- The window in bytes, its ends moved off the middle of a character.
            v_at := greatest(0, v_first - 201);
            v_end := least(v_len, v_first + 599);
            WHILE v_at < v_len AND get_byte(v_bytes, v_at) BETWEEN 128 AND 191 LOOP v_at := v_at + 1; END LOOP;
            WHILE v_end < v_len AND get_byte(v_bytes, v_end) BETWEEN 128 AND 191 LOOP v_end := v_end + 1; END LOOP;
            v_window := convert_from(substring(v_bytes FROM v_at + 1 FOR v_end - v_at), 'UTF8');
          ELSE
            -- The query's words only in other forms ("terminate" for "termination"): the first word starting with
            -- a lexeme whose own lexeme is one of them.
            v_word := (regexp_match(v_text, v_pattern, 'i'))[1];
            IF v_word IS NOT NULL
               AND NOT coalesce((tsvector_to_array(to_tsvector(p_config, v_word)))[1] = ANY (v_lexemes), false) THEN
              SELECT m[1] INTO v_word
                FROM regexp_matches(v_text, v_pattern, 'gi') AS m
               WHERE (tsvector_to_array(to_tsvector(p_config, m[1])))[1] = ANY (v_lexemes)
               LIMIT 1;
            END IF;
            IF v_word IS NOT NULL THEN
              v_first := regexp_instr(v_text, '\\m' || v_word || '\\M');
              v_window := substr(v_text, greatest(1, v_first - 200), 800);
            END IF;
          END IF;
        END IF;
        IF v_window IS NOT NULL THEN
          v_snippet := ts_headline(p_config, v_window, v_query, v_options);
          IF strpos(v_snippet, '**') > 0 THEN RETURN v_snippet; END IF;
          -- No cover of the whole query in the window: its words where they are.
          v_snippet := ts_headline(p_config, v_window, to_tsquery(p_config, v_cfg ->> 'any'), v_options);
          IF strpos(v_snippet, '**') > 0 THEN RETURN v_snippet; END IF;
        END IF;
        RETURN ts_headline(p_config, left(v_text, 20000), v_query, v_options);
      END $$`;

/**
 * Snippets placed by byte offset, and their query read once per search (issue 16: the common-word search at
 * 200 requests/s). On the bench database the snippets were most of a common word's page: 26 of them about
 * 0.75 ms each, of which placing the window took half. `strpos` and `substr` count the characters of the text
 * before the place they answer or start at, and a regular expression first converts the whole text to wide
 * characters; over 25 KB of text either costs more than finding the word. The word as typed is now found with
 * `split_part`, whose prefix's `octet_length` is its byte offset, and the window is cut from the text's bytes.
 * Measured there (200 hits of "indemnification" in the tenant of 5,000, the two functions in turn): 102 -> 46 ms
 * and 117 -> 60 ms for the 200 snippets, the snippets the same; the query's plan 0.8 -> 0.3 ms a search.
 *
 * What differs: the window is placed at the first whole-word use of a word as typed (in lower, title or upper
 * case) where there is one, not at the first word with one of the query's lexemes ("Government" before
 * "governing"): both match the query. contract_snippet(regconfig, text, text, jsonb) and contract_snippet_forms
 * stay for the build before this one.
 */
export class SnippetByteOffsets1796370000000 implements MigrationInterface {
  name = 'SnippetByteOffsets1796370000000';

  async up(q: QueryRunner): Promise<void> {
    for (const fn of [SNIPPET_PLAN, WORD_CHAR_AT, SNIPPET_V6])
      await q.query(`CREATE OR REPLACE FUNCTION ${fn}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP FUNCTION IF EXISTS contract_snippet(regconfig, text, jsonb)`);
    await q.query(`DROP FUNCTION IF EXISTS contract_snippet_word_char(bytea, int)`);
    await q.query(`DROP FUNCTION IF EXISTS contract_snippet_plan(text)`);
  }
}
