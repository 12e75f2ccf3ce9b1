import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 14 item 2: an undecided notice deadline that has passed is escalated once to the tenant's owners and
 * admins. Escalations are alert rows with channel 'escalation' (an e-mail), under the same unique alert key as
 * every alert (exactly once per recipient, whichever worker or tick records it first); the partial index answers
 * "was this deadline escalated already" for the scan.
 *
 * Existing rows: a contract whose notice period is longer than its term (monthly, three months' notice) had its
 * decision deadline stored as the current term's, long passed, so it would be listed undecided and escalated for
 * a renewal that was never stoppable. Its decision deadline becomes the next stoppable one (notice_deadline), as
 * decisionTarget now computes; the rest is recomputed as usual (a correction, a parse, the roll-forward).
 */
const ISO_DURATION = `'^P(?=\\d)(\\d+Y)?(\\d+M)?(\\d+W)?(\\d+D)?$'`;
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
    // The next term's notice deadline (end of the next term - notice period) has passed too: the notice period
    // is longer than a term. Durations are cast only when they are plain ISO 8601 (never failing the migration).
    await q.query(`UPDATE contracts c SET decision_deadline = c.notice_deadline
      FROM (SELECT id, coalesce(terms->>'renewalTerm', terms->>'initialTerm') AS renewal, terms->>'noticePeriod' AS notice
              FROM contracts) t
     WHERE t.id = c.id AND c.ending_on IS NULL AND c.decision_deadline < c.notice_deadline
       AND c.next_renewal_date IS NOT NULL
       AND t.renewal ~ ${ISO_DURATION} AND t.notice ~ ${ISO_DURATION}
       AND CASE WHEN t.renewal ~ ${ISO_DURATION} AND t.notice ~ ${ISO_DURATION}
                THEN ((c.next_renewal_date + t.renewal::interval - interval '1 day') - t.notice::interval)::date < CURRENT_DATE
                ELSE false END`);
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
