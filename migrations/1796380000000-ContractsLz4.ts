import type { MigrationInterface, QueryRunner } from 'typeorm';

/** The contract's columns that grow past PostgreSQL's 2 KB TOAST threshold: its text and its JSON documents. */
const COLUMNS = ['text', 'evidence', 'extracted_terms', 'user_terms', 'terms', 'candidates'];

/**
 * Contracts' large values compressed with lz4, not pglz (issue 16: the common-word search). A search's snippets
 * read each hit's whole text; on the bench database (CUAD text, 27 KB a contract) decompressing a text took 55 to
 * 60 µs with pglz and 20 to 30 µs with lz4, about a fifth of a snippet; the stored text is 16 % larger (13.0
 * against 11.2 KB). Only values written from now on are compressed so: rows keep what they have until their
 * text or terms are written again (a new parse or a review). A server built without lz4 keeps pglz (the change
 * is skipped with a notice, as it changes no result).
 */
export class ContractsLz41796380000000 implements MigrationInterface {
  name = 'ContractsLz41796380000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(setCompression('lz4'));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(setCompression('pglz'));
  }
}

function setCompression(method: 'lz4' | 'pglz'): string {
  const alter = COLUMNS.map((c) => `ALTER COLUMN ${c} SET COMPRESSION ${method}`).join(', ');
  return `DO $$
    BEGIN
      ALTER TABLE contracts ${alter};
    EXCEPTION WHEN feature_not_supported THEN
      RAISE NOTICE 'contracts keep their compression: %', SQLERRM;
    END $$`;
}
