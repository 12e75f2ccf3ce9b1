import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import type { QueryRunner } from 'typeorm';
import { addDays, addDuration, parseIsoDuration, subtractDuration } from '@cb/domain';
import { createTestDatabase, type TestDatabase } from '../../../test/support/database';
import { AlertEscalations1796260000000 } from '../../../migrations/1796260000000-AlertEscalations';

/**
 * The escalation migration on data written before it: a contract whose notice period is longer than its term
 * answers decisions at the next stoppable notice deadline (so it is not listed undecided or escalated for a
 * renewal that was never stoppable); every other contract keeps its decision deadline. Escalation rows are
 * accepted after it and refused before it.
 */
describe('migration AlertEscalations: decision deadlines stored before it', () => {
  let db: TestDatabase;
  let client: Client;
  const migration = new AlertEscalations1796260000000();
  const runner = () => ({ query: (sql: string) => client.query(sql) }) as unknown as QueryRunner;

  beforeAll(async () => {
    db = await createTestDatabase();
    client = new Client({ connectionString: db.url });
    await client.connect();
    await migration.down(runner());
  });
  afterAll(async () => {
    await client?.end();
    await db?.drop();
  });

  it('moves the decision deadline of a notice period longer than the term to the next stoppable one, only', async () => {
    const { rows } = await client.query<{ today: string }>(
      `SELECT to_char(CURRENT_DATE, 'YYYY-MM-DD') AS today`,
    );
    const today = rows[0]!.today;
    const tenantId = randomUUID();
    await client.query(`INSERT INTO tenants (id, name) VALUES ($1, 'Vanha Oy')`, [tenantId]);
    // A contract whose current term ends in 10 days, stored as RecomputeDeadlines did before.
    const termEnd = addDays(today, 10);
    const insert = async (
      renewal: string,
      notice: string,
      noticeDeadline: string,
      ending = false,
    ) => {
      const id = randomUUID();
      const n = parseIsoDuration(notice)!;
      await client.query(
        `INSERT INTO contracts (id, tenant_id, status, file_name, file_size, file_sha256, media_type, storage_key,
           terms, notice_deadline, next_renewal_date, decision_deadline, ending_on)
         VALUES ($1, $2, 'parsed', 'c.pdf', 1, $3, 'application/pdf', $4, $5, $6, $7, $8, $9)`,
        [
          id,
          tenantId,
          'a'.repeat(64),
          `k/${id}`,
          { autoRenewal: true, renewalTerm: renewal, noticePeriod: notice },
          noticeDeadline,
          addDays(termEnd, 1),
          subtractDuration(termEnd, n),
          ending ? termEnd : null,
        ],
      );
      return id;
    };
    const nextNotice = (renewal: string, notice: string, terms: number) =>
      subtractDuration(
        addDays(addDuration(addDays(termEnd, 1), parseIsoDuration(renewal)!, terms), -1),
        parseIsoDuration(notice)!,
      );
    const monthly = await insert('P1M', 'P3M', nextNotice('P1M', 'P3M', 3));
    const yearly = await insert('P1Y', 'P3M', nextNotice('P1Y', 'P3M', 1));
    const sameLength = await insert('P1M', 'P1M', nextNotice('P1M', 'P1M', 1));
    const ending = await insert('P1M', 'P3M', nextNotice('P1M', 'P3M', 3), true);
    const unreadable = await insert('one month', 'P3M', nextNotice('P1M', 'P3M', 3));

    await migration.up(runner());

    const after = new Map(
      (
        await client.query<{ id: string; decision: string; notice: string }>(
          `SELECT id, to_char(decision_deadline, 'YYYY-MM-DD') AS decision, to_char(notice_deadline, 'YYYY-MM-DD') AS notice
             FROM contracts WHERE tenant_id = $1`,
          [tenantId],
        )
      ).rows.map((r) => [r.id, r]),
    );
    expect(after.get(monthly)!.decision).toBe(after.get(monthly)!.notice);
    for (const id of [yearly, sameLength, ending, unreadable])
      expect(after.get(id)!.decision).not.toBe(after.get(id)!.notice);
    expect(after.get(yearly)!.decision).toBe(subtractDuration(termEnd, parseIsoDuration('P3M')!));
  });

  it("accepts the 'escalation' channel after it, and only known channels", async () => {
    const tenantId = randomUUID();
    await client.query(`INSERT INTO tenants (id, name) VALUES ($1, 'Uusi Oy')`, [tenantId]);
    const insert = (channel: string) =>
      client.query(
        `INSERT INTO alerts (tenant_id, alert_key, contract_id, kind, deadline, lead_days, channel, recipient)
         VALUES ($1, $2, $3, 'notice', '2026-10-30', -1, $4, 'a@example.com')`,
        [tenantId, randomUUID(), randomUUID(), channel],
      );
    await expect(insert('escalation')).resolves.toBeDefined();
    await expect(insert('pigeon')).rejects.toThrow(/alerts_channel_check/);
  });
});
