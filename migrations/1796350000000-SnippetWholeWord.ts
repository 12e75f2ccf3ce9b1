import type { MigrationInterface, QueryRunner } from 'typeorm';
import { snippetV3 } from './1796330000000-SnippetTextOnce';

const SUBSTRING = `IF v_word IS NOT NULL THEN v_first := strpos(v_text, v_word); END IF;`;
// The word as a whole word (it is letters and digits only: see contract_snippet_forms), case as found.
const WHOLE_WORD = `IF v_word IS NOT NULL THEN v_first := regexp_instr(v_text, '\\m' || v_word || '\\M'); END IF;`;

export function snippetV4(): string {
  const v3 = snippetV3();
  if (!v3.includes(SUBSTRING))
    throw new Error('contract_snippet v3 no longer places its window with strpos as expected');
  return v3.replace(SUBSTRING, WHOLE_WORD);
}

/**
 * The snippet's window is placed at the first use of the matched word as a whole word. `strpos` found the word
 * inside another one first ("law" in "Delaware", "lease" in "please"): the window then held no match, and the
 * snippet fell back to the best passage of the first 20,000 characters, or to none when the word is further
 * in. That fallback was also the slowest path, 2.5 ms a snippet against 0.3 to 0.5 (bench database, "governing
 * law": 4 of a page's 26 snippets took it).
 */
export class SnippetWholeWord1796350000000 implements MigrationInterface {
  name = 'SnippetWholeWord1796350000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION ${snippetV4()}`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`CREATE OR REPLACE FUNCTION ${snippetV3()}`);
  }
}
