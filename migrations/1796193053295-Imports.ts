import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Bulk import: one row per uploaded ZIP (its stored file and the validated metadata CSV rows) and one row per
 * file inside it. An entry's contract is inserted in the same transaction that marks its item, so a worker
 * killed half-way resumes at the first undecided entry: no contract is lost or made twice.
 */
export class Imports1796193053295 implements MigrationInterface {
  name = 'Imports1796193053295';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE imports (
      id uuid PRIMARY KEY,
      tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
      file_name text NOT NULL,
      file_size bigint NOT NULL,
      storage_key text NOT NULL,
      metadata jsonb NOT NULL DEFAULT '[]',
      actor_type text NOT NULL,
      actor_id uuid,
      total integer,
      expanded_at timestamptz,
      error_code text,
      error_message text,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(
      `CREATE INDEX imports_tenant_created_idx ON imports (tenant_id, created_at DESC, id DESC)`,
    );
    await q.query(`CREATE TABLE import_items (
      tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
      import_id uuid NOT NULL REFERENCES imports(id) ON DELETE CASCADE,
      position integer NOT NULL,
      path text NOT NULL,
      outcome text NOT NULL DEFAULT 'pending' CHECK (outcome IN ('pending','created','duplicate','failed')),
      contract_id uuid REFERENCES contracts(id) ON DELETE SET NULL,
      message text,
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (import_id, position),
      CONSTRAINT import_items_path_unique UNIQUE (import_id, path)
    )`);
    await q.query(
      `CREATE INDEX import_items_contract_idx ON import_items (contract_id) WHERE contract_id IS NOT NULL`,
    );
    const current = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;
    for (const table of ['imports', 'import_items']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(
        `CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = ${current}) WITH CHECK (tenant_id = ${current})`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS import_items`);
    await q.query(`DROP TABLE IF EXISTS imports`);
  }
}
