import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Duplicates: every contract already stores the sha256 of its file (file_sha256); this index makes the lookup
 * "does this tenant already hold these bytes" one index probe for an upload, an import entry or an e-mail.
 * Not unique: a person may keep a second copy on purpose (allowDuplicate=true).
 */
export class ContractFileHashes1796191566205 implements MigrationInterface {
  name = 'ContractFileHashes1796191566205';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `CREATE INDEX IF NOT EXISTS contracts_tenant_sha256_idx ON contracts (tenant_id, file_sha256)`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS contracts_tenant_sha256_idx`);
  }
}
