import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Snoozes on notice deadlines (issue 14, item 5): "snooze a week" hides a contract's current notice deadline
 * from the dashboard's worklist until a day (one snooze per contract and deadline). A snooze never stops
 * alerts; only a decision does.
 */
export class DeadlineSnoozes1796270000000 implements MigrationInterface {
  name = 'DeadlineSnoozes1796270000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE deadline_snoozes (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
      contract_id uuid NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
      deadline date NOT NULL,
      until date NOT NULL,
      actor_type text NOT NULL,
      actor_id uuid,
      snoozed_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT deadline_snoozes_deadline_unique UNIQUE (tenant_id, contract_id, deadline)
    )`);
    const current = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;
    await q.query(`ALTER TABLE deadline_snoozes ENABLE ROW LEVEL SECURITY`);
    await q.query(
      `CREATE POLICY tenant_isolation ON deadline_snoozes USING (tenant_id = ${current}) WITH CHECK (tenant_id = ${current})`,
    );
    await q.query(`GRANT SELECT, INSERT, UPDATE, DELETE ON deadline_snoozes TO contract_bank_app`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS deadline_snoozes`);
  }
}
