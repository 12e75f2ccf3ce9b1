import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Decisions on notice deadlines (renew, terminate, renegotiate; one per contract and notice deadline).
 * On contracts: the notice deadline decisions answer now (decision_deadline) and, once notice of termination
 * is sent, the day the contract ends (ending_on).
 */
export class ContractDecisions1796210000000 implements MigrationInterface {
  name = 'ContractDecisions1796210000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(
      `ALTER TABLE contracts ADD COLUMN decision_deadline date, ADD COLUMN ending_on date`,
    );
    await q.query(`CREATE TABLE contract_decisions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      tenant_id uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
      contract_id uuid NOT NULL REFERENCES contracts(id) ON DELETE CASCADE,
      deadline date NOT NULL,
      term_end date NOT NULL,
      decision text NOT NULL CHECK (decision IN ('renew','terminate','renegotiate')),
      notice_sent_on date,
      note text,
      actor_type text NOT NULL,
      actor_id uuid,
      decided_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT contract_decisions_deadline_unique UNIQUE (tenant_id, contract_id, deadline)
    )`);
    await q.query(
      `CREATE INDEX contracts_decision_deadline_idx ON contracts (tenant_id, decision_deadline) WHERE decision_deadline IS NOT NULL AND ending_on IS NULL`,
    );
    const current = `NULLIF(current_setting('app.tenant_id', true), '')::uuid`;
    for (const table of ['contract_decisions']) {
      await q.query(`ALTER TABLE ${table} ENABLE ROW LEVEL SECURITY`);
      await q.query(
        `CREATE POLICY tenant_isolation ON ${table} USING (tenant_id = ${current}) WITH CHECK (tenant_id = ${current})`,
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS contract_decisions`);
    await q.query(`DROP INDEX IF EXISTS contracts_decision_deadline_idx`);
    await q.query(
      `ALTER TABLE contracts DROP COLUMN IF EXISTS ending_on, DROP COLUMN IF EXISTS decision_deadline`,
    );
  }
}
