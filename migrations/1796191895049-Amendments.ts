import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Amendments: a contract may name its master agreement (parent_id, same tenant by the composite key; deleting
 * the master leaves its amendments standalone). suggested_parent_id and parent_suggestion hold the master a
 * parse proposes when the document calls itself an amendment to an agreement with the same parties and title,
 * with the sentence that says so, until a person links it.
 */
export class Amendments1796191895049 implements MigrationInterface {
  name = 'Amendments1796191895049';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNIQUE INDEX contracts_tenant_id_key ON contracts (tenant_id, id)`);
    await q.query(`ALTER TABLE contracts
      ADD COLUMN parent_id uuid,
      ADD COLUMN suggested_parent_id uuid,
      ADD COLUMN parent_suggestion jsonb,
      ADD CONSTRAINT contracts_parent_fk FOREIGN KEY (tenant_id, parent_id)
        REFERENCES contracts (tenant_id, id) ON DELETE SET NULL (parent_id),
      ADD CONSTRAINT contracts_suggested_parent_fk FOREIGN KEY (tenant_id, suggested_parent_id)
        REFERENCES contracts (tenant_id, id) ON DELETE SET NULL (suggested_parent_id),
      ADD CONSTRAINT contracts_parent_not_self CHECK (parent_id IS NULL OR parent_id <> id)`);
    await q.query(
      `CREATE INDEX contracts_parent_idx ON contracts (tenant_id, parent_id) WHERE parent_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE contracts
      DROP CONSTRAINT IF EXISTS contracts_parent_not_self,
      DROP CONSTRAINT IF EXISTS contracts_suggested_parent_fk,
      DROP CONSTRAINT IF EXISTS contracts_parent_fk,
      DROP COLUMN IF EXISTS parent_suggestion,
      DROP COLUMN IF EXISTS suggested_parent_id,
      DROP COLUMN IF EXISTS parent_id`);
    await q.query(`DROP INDEX IF EXISTS contracts_tenant_id_key`);
  }
}
