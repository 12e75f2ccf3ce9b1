import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14 item 2: an undecided notice deadline that has passed is escalated once to the tenant's owners and
 * admins. Escalations are alert rows with channel 'escalation' (an e-mail), under the same unique alert key as
 * every alert (exactly once per recipient, whichever worker or tick records it first); the partial index answers
 * "was this deadline escalated already" for the scan.
 */
export class AlertEscalations1796260000000 implements MigrationInterface {
  name = 'AlertEscalations1796260000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE alerts DROP CONSTRAINT IF EXISTS alerts_channel_check`);
    await q.query(
      `ALTER TABLE alerts ADD CONSTRAINT alerts_channel_check CHECK (channel IN ('email','webhook','escalation'))`,
    );
    await q.query(
      `CREATE INDEX alerts_escalation_idx ON alerts (tenant_id, contract_id, deadline) WHERE channel = 'escalation'`,
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX IF EXISTS alerts_escalation_idx`);
    await q.query(`DELETE FROM alerts WHERE channel = 'escalation'`);
    await q.query(`ALTER TABLE alerts DROP CONSTRAINT IF EXISTS alerts_channel_check`);
    await q.query(
      `ALTER TABLE alerts ADD CONSTRAINT alerts_channel_check CHECK (channel IN ('email','webhook'))`,
    );
  }
}
