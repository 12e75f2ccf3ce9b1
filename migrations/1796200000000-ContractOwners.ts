import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Contract owners (issue 14 item 1): a contract may have an owner, a user of the same tenant (the composite key
 * keeps it in the tenant). Removing the user clears it (the remove-user path does so itself and stamps
 * owner_removed_at, so alerts fall back to the admins until someone takes the contract; the FK's SET NULL is the
 * second wall).
 */
export class ContractOwners1796200000000 implements MigrationInterface {
  name = 'ContractOwners1796200000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE UNIQUE INDEX users_tenant_id_key ON users (tenant_id, id)`);
    await q.query(`ALTER TABLE contracts
      ADD COLUMN owner_id uuid,
      ADD COLUMN owner_removed_at timestamptz,
      ADD CONSTRAINT contracts_owner_fk FOREIGN KEY (tenant_id, owner_id)
        REFERENCES users (tenant_id, id) ON DELETE SET NULL (owner_id)`);
    await q.query(
      `CREATE INDEX contracts_owner_idx ON contracts (tenant_id, owner_id) WHERE owner_id IS NOT NULL`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS contracts_owner_idx`);
    await q.query(`ALTER TABLE contracts
      DROP CONSTRAINT IF EXISTS contracts_owner_fk,
      DROP COLUMN IF EXISTS owner_removed_at,
      DROP COLUMN IF EXISTS owner_id`);
    await q.query(`DROP INDEX IF EXISTS users_tenant_id_key`);
  }
}
