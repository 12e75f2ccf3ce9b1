import { randomUUID } from 'node:crypto';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  ApplicationModule,
  DecideDeadline,
  ListDeadlines,
  RecomputeDeadlines,
  RecordTenantAlerts,
  ScanAlerts,
  SendAlert,
  SendDigest,
} from '@cb/application';
import { AppConfigModule, type AppConfig } from '@cb/config';
import { QUEUES, redisConnectionOptions, type JobPayloads } from '@cb/jobs';
import { AlertsRepository, ContractsRepository } from '@cb/persistence';
import type { Queue } from 'bullmq';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database';
import { testConfig } from '../../../../test/support/test-config';
import { TestSmtp } from '../../../../test/support/test-smtp';
import { clearRedisPrefix } from '../../../../test/support/test-server';

// "Now": 2026-11-22 10:00 UTC is 12:00 in Helsinki, the default alert time zone.
const NOW = new Date('2026-11-22T10:00:00Z');
const TODAY = '2026-11-22';
const DAY = 24 * 3600_000;

describe('escalation of passed undecided notice deadlines, and decisions racing a send (real PostgreSQL, Redis and SMTP)', () => {
  let db: TestDatabase;
  let config: AppConfig;
  let app: INestApplicationContext;
  let owner: Client;
  let queue: Queue;
  let scanner: ScanAlerts;
  let tenants: RecordTenantAlerts;
  let sender: SendAlert;
  let decide: DecideDeadline;
  const smtp = new TestSmtp();

  beforeAll(async () => {
    await smtp.start();
    db = await createTestDatabase();
    config = testConfig(db, {
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      APP_URL: 'https://app.example.test',
    });
    const moduleRef = await Test.createTestingModule({
      imports: [
        AppConfigModule.forRoot(config),
        ApplicationModule,
        BullModule.forRoot({
          connection: redisConnectionOptions(config.redisUrl),
          prefix: config.queuePrefix,
        }),
        BullModule.registerQueue({ name: QUEUES.alerts }, { name: QUEUES.notifications }),
      ],
    }).compile();
    app = await moduleRef.init();
    scanner = app.get(ScanAlerts);
    tenants = app.get(RecordTenantAlerts);
    sender = app.get(SendAlert);
    decide = app.get(DecideDeadline);
    queue = app.get<Queue>(getQueueToken(QUEUES.notifications));
    owner = new Client({ connectionString: db.url });
    await owner.connect();
  });

  afterAll(async () => {
    await owner?.end();
    await app?.close();
    if (config) await clearRedisPrefix(config);
    await db?.drop();
    await smtp.stop();
  });

  afterEach(() => {
    smtp.onData = null;
  });

  /** A tenant with an owner and an admin; `recipients` is the configured alert list (not the admins). */
  async function createTenant(
    settings: {
      leadDays?: number[];
      recipients?: string[];
      language?: 'en' | 'fi' | 'sv';
    } = {},
  ) {
    const tenantId = randomUUID();
    const ownerEmail = `owner-${tenantId.slice(0, 8)}@example.com`;
    const adminEmail = `admin-${tenantId.slice(0, 8)}@example.com`;
    await owner.query(`INSERT INTO tenants (id, name) VALUES ($1, 'Acme Oy')`, [tenantId]);
    await owner.query(
      `INSERT INTO subscriptions (tenant_id, plan, status, trial_ends_at) VALUES ($1, 'trial', 'trialing', '2026-12-20T10:00:00Z')`,
      [tenantId],
    );
    const { rows } = await owner.query<{ id: string }>(
      `INSERT INTO users (tenant_id, email, name, password_hash, role, email_verified_at)
       VALUES ($1, $2, 'Olivia Owner', 'x', 'owner', now()), ($1, $3, 'Adam Admin', 'x', 'admin', now()) RETURNING id`,
      [tenantId, ownerEmail, adminEmail],
    );
    await owner.query(
      `INSERT INTO alert_settings (tenant_id, lead_days, recipients, timezone, language) VALUES ($1, $2, $3, 'Europe/Helsinki', $4)`,
      [
        tenantId,
        settings.leadDays ?? [90, 30, 7],
        settings.recipients ?? [],
        settings.language ?? 'en',
      ],
    );
    return { tenantId, ownerEmail, adminEmail, userId: rows[0]!.id };
  }

  /** A parsed contract with these terms, its deadlines computed for `now` as the application does. */
  async function createContract(tenantId: string, terms: Record<string, unknown>, now = NOW) {
    const contractId = randomUUID();
    const all = {
      autoRenewal: true,
      renewalTerm: 'P1Y',
      initialTerm: 'P1Y',
      ...terms,
    };
    await owner.query(
      `INSERT INTO contracts (id, tenant_id, title, status, file_name, file_size, file_sha256, media_type, storage_key,
                              extracted_terms, terms)
       VALUES ($1, $2, 'Cleaning Services Agreement', 'parsed', 'c.pdf', 10, 'abc', 'application/pdf', 'k', $3, $3)`,
      [contractId, tenantId, JSON.stringify(all)],
    );
    const contract = await app.get(ContractsRepository).get(tenantId, contractId);
    await app.get(RecomputeDeadlines).execute(tenantId, contract!, {}, {}, now);
    return contractId;
  }

  async function alertsOf(tenantId: string) {
    const { rows } = await owner.query<{
      id: string;
      kind: string;
      channel: string;
      deadline: string;
      lead_days: number;
      recipient: string;
      status: string;
      error: string | null;
    }>(
      `SELECT id, kind, channel, to_char(deadline, 'YYYY-MM-DD') AS deadline, lead_days, recipient, status, error
         FROM alerts WHERE tenant_id = $1 ORDER BY created_at, recipient`,
      [tenantId],
    );
    return rows;
  }

  /** Plays the worker for the tenant's queued send jobs (batches and single sends). */
  async function sendQueued(tenantId: string, now = NOW): Promise<void> {
    const jobs = (await queue.getJobs(['waiting', 'delayed', 'prioritized'])).filter(
      (j) => (j.data as { tenantId: string }).tenantId === tenantId,
    );
    for (const job of jobs) {
      if (job.name === 'alerts.send')
        await sender.executeBatch(job.data as JobPayloads['alerts.send'], { now });
      else if (job.name === 'alert.send')
        await sender.execute(job.data as JobPayloads['alert.send'], { finalAttempt: false, now });
      else continue;
      await job.remove();
    }
  }

  // From 1 May 2026 for a year, renewing yearly, six months' notice: the notice date 30 October 2026 has passed
  // on 22 November undecided, and the renewal on 1 May 2027 can no longer be stopped. Nothing else is within
  // the alert window, so only the escalation brings the tenant into the scan.
  const PASSED = { effectiveDate: '2026-05-01', noticePeriod: 'P6M' };

  it('a passed undecided notice deadline is escalated once to the owners and admins, with two runs at once and later ticks', async () => {
    const t = await createTenant({ recipients: ['legal@example.com'] });
    const contractId = await createContract(t.tenantId, PASSED);

    // The tenant is picked up by the scan only for its escalation.
    const scanned = await scanner.executeForTenant(t.tenantId, NOW);
    expect(scanned.enqueued).toBe(1);

    const runs = await Promise.all([
      tenants.execute({ tenantId: t.tenantId, today: TODAY }),
      tenants.execute({ tenantId: t.tenantId, today: TODAY }),
    ]);
    expect(runs.map((r) => r.created).sort()).toEqual([0, 2]);
    // Later ticks, the same day and the next days, record nothing more; once escalated, the scan skips it.
    await tenants.execute({ tenantId: t.tenantId, today: TODAY });
    await tenants.execute({ tenantId: t.tenantId, today: '2026-11-23' });
    expect(
      (await scanner.executeForTenant(t.tenantId, new Date(NOW.getTime() + DAY))).enqueued,
    ).toBe(0);

    // Two workers sending the same jobs at once.
    await Promise.all([sendQueued(t.tenantId), sendQueued(t.tenantId)]);
    await sendQueued(t.tenantId);

    const log = await alertsOf(t.tenantId);
    expect(
      log.map((a) => [a.kind, a.channel, a.deadline, a.lead_days, a.recipient, a.status]),
    ).toEqual([
      ['notice', 'escalation', '2026-10-30', -23, t.adminEmail, 'sent'],
      ['notice', 'escalation', '2026-10-30', -23, t.ownerEmail, 'sent'],
    ]);
    expect(smtp.to('legal@example.com')).toHaveLength(0); // the alert list is not the escalation's audience
    for (const address of [t.ownerEmail, t.adminEmail]) {
      const mails = smtp.to(address);
      expect(mails).toHaveLength(1);
      expect(mails[0]!.subject).toBe(
        'No decision: notice deadline 2026-10-30 passed – Cleaning Services Agreement',
      );
      expect(mails[0]!.text).toContain(
        'The notice deadline 2026-10-30 passed 23 days ago with no decision recorded.',
      );
      expect(mails[0]!.text).toContain(
        'The renewal can no longer be stopped: the contract renews on 2027-05-01 for 1 year.',
      );
      expect(mails[0]!.text).toContain(
        'The next notice deadline is 2027-10-30 (it stops the renewal on 2028-05-01).',
      );
      expect(mails[0]!.text).toContain(`https://app.example.test/contracts/${contractId}`);
    }

    // The alert log (GET /v1/alerts reads this) shows the escalations with their channel.
    const listed = await app.get(AlertsRepository).list(t.tenantId, 10);
    expect(listed.rows.map((r) => r.channel)).toEqual(['escalation', 'escalation']);
  });

  it('a decided deadline is not escalated; a decision made before the send cancels a recorded escalation', async () => {
    const t = await createTenant();
    const decidedId = await createContract(t.tenantId, PASSED);
    await decide.execute(
      {
        tenantId: t.tenantId,
        actor: { type: 'user', id: t.userId },
        contractId: decidedId,
        decision: 'renew',
      },
      NOW,
    );
    const laterId = await createContract(t.tenantId, PASSED);
    await tenants.execute({ tenantId: t.tenantId, today: TODAY });
    let log = await alertsOf(t.tenantId);
    expect(log).toHaveLength(2); // the later contract only, for the owner and the admin
    await decide.execute(
      {
        tenantId: t.tenantId,
        actor: { type: 'user', id: t.userId },
        contractId: laterId,
        decision: 'renegotiate',
      },
      NOW,
    );
    await sendQueued(t.tenantId);
    log = await alertsOf(t.tenantId);
    expect(log.map((a) => [a.status, a.error])).toEqual([
      ['canceled', 'deadline decided before the escalation was sent'],
      ['canceled', 'deadline decided before the escalation was sent'],
    ]);
    expect(smtp.to(t.ownerEmail)).toHaveLength(0);
  });

  it('the escalation is written in the tenant language (Finnish) and is never made for a monthly contract with a longer notice period', async () => {
    const t = await createTenant({ language: 'fi' });
    await createContract(t.tenantId, PASSED);
    // Monthly, three months' notice: no notice date is ever passed undecided for a renewal still to decide.
    const monthly = await createContract(t.tenantId, {
      effectiveDate: '2026-01-01',
      initialTerm: 'P1M',
      renewalTerm: 'P1M',
      noticePeriod: 'P3M',
    });
    const undecided = await app
      .get(ListDeadlines)
      .execute({ tenantId: t.tenantId, undecided: true }, NOW);
    expect(undecided.map((d) => d.date)).toEqual(['2026-10-30']);
    expect(undecided.some((d) => d.contractId === monthly)).toBe(false);
    await tenants.execute({ tenantId: t.tenantId, today: TODAY });
    await sendQueued(t.tenantId);
    expect((await alertsOf(t.tenantId)).filter((a) => a.channel === 'escalation')).toHaveLength(2);
    // The monthly contract gets its ordinary notice alert (by 28.11.2026, for the renewal on 1.3.2027), no escalation.
    const mails = smtp.to(t.ownerEmail);
    expect(mails.filter((m) => m.subject?.startsWith('Ei päätöstä'))).toHaveLength(1);
    const mail = mails.find((m) => m.subject?.startsWith('Ei päätöstä'));
    expect(mail!.subject).toBe(
      'Ei päätöstä: irtisanomisen määräpäivä 30.10.2026 meni ohi – Cleaning Services Agreement',
    );
    expect(mail!.text).toContain(
      'Uusiutumista ei voi enää estää: sopimus uusiutuu 1.5.2027 (jatkokausi 1 vuosi).',
    );
  });

  it('a decision that lands while a notice alert is being sent: one e-mail, and no later lead alert for that deadline', async () => {
    const t = await createTenant({ leadDays: [30, 7] });
    // From 12 January 2026, yearly, 30 days' notice: the notice date is 12 December 2026, 20 days ahead.
    const contractId = await createContract(t.tenantId, {
      effectiveDate: '2026-01-12',
      noticePeriod: 'P30D',
    });
    await tenants.execute({ tenantId: t.tenantId, today: TODAY });
    const notices = (await alertsOf(t.tenantId)).filter((a) => a.kind === 'notice');
    expect(notices.map((a) => [a.deadline, a.lead_days])).toEqual([
      ['2026-12-12', 30],
      ['2026-12-12', 30],
    ]);

    // The first send has locked its row and passed every check; the SMTP server holds the message until the
    // decision has committed. "renew" keeps the notice deadline in place, so only the decision can stop its
    // later alerts.
    let decided = false;
    smtp.onData = async () => {
      if (!decided) {
        decided = true;
        await decide.execute(
          {
            tenantId: t.tenantId,
            actor: { type: 'user', id: t.userId },
            contractId,
            decision: 'renew',
          },
          NOW,
        );
      }
      return null;
    };
    const first = await sender.execute(
      { tenantId: t.tenantId, alertId: notices[0]!.id },
      { finalAttempt: false, now: NOW },
    );
    expect(first.result).toBe('sent');
    expect(decided).toBe(true);
    // The same alert again (a stalled job handed out twice), and the other recipient's alert after the decision.
    expect(
      (
        await sender.execute(
          { tenantId: t.tenantId, alertId: notices[0]!.id },
          { finalAttempt: false, now: NOW },
        )
      ).result,
    ).toBe('skipped');
    expect(
      (
        await sender.execute(
          { tenantId: t.tenantId, alertId: notices[1]!.id },
          { finalAttempt: false, now: NOW },
        )
      ).result,
    ).toBe('canceled');
    await sendQueued(t.tenantId);

    // The 7-day lead falls due on 5 December: nothing is recorded for the decided deadline, nor escalated once
    // it has passed.
    for (const today of ['2026-12-05', '2026-12-12', '2026-12-13', '2027-01-05']) {
      await tenants.execute({ tenantId: t.tenantId, today });
      await sendQueued(t.tenantId, new Date(`${today}T10:00:00Z`));
    }
    const log = (await alertsOf(t.tenantId)).filter((a) => a.deadline === '2026-12-12');
    expect(log.map((a) => [a.lead_days, a.channel, a.status])).toEqual([
      [30, 'email', 'sent'],
      [30, 'email', 'canceled'],
    ]);
    const noticeMails = [...smtp.to(t.ownerEmail), ...smtp.to(t.adminEmail)].filter((m) =>
      m.subject?.startsWith('Notice deadline'),
    );
    expect(noticeMails).toHaveLength(1);
  });

  it('the weekly digest lists the notice deadlines that passed with no decision first, then the coming ones', async () => {
    const t = await createTenant({ leadDays: [7], recipients: ['digest@example.com'] });
    // A coming deadline (the notice date 12 December) makes this week's digest; the passed one leads it.
    await createContract(t.tenantId, { effectiveDate: '2026-01-12', noticePeriod: 'P30D' });
    const passedId = await createContract(t.tenantId, PASSED);
    const decidedId = await createContract(t.tenantId, PASSED);
    await decide.execute(
      {
        tenantId: t.tenantId,
        actor: { type: 'user', id: t.userId },
        contractId: decidedId,
        decision: 'renew',
      },
      NOW,
    );
    expect((await tenants.execute({ tenantId: t.tenantId, today: TODAY })).digests).toBe(1);
    const jobs = (await queue.getJobs(['waiting', 'delayed', 'prioritized'])).filter(
      (j) => j.name === 'digest.send' && (j.data as { tenantId: string }).tenantId === t.tenantId,
    );
    expect(jobs).toHaveLength(1);
    await app
      .get(SendDigest)
      .execute(jobs[0]!.data as JobPayloads['digest.send'], { finalAttempt: false, now: NOW });
    await jobs[0]!.remove();
    const [mail, ...rest] = smtp.to('digest@example.com');
    expect(rest).toHaveLength(0);
    expect(mail!.subject).toBe(
      'Deadlines in the next 30 days: 2 deadlines (1 passed with no decision)',
    );
    const text = mail!.text!;
    expect(text).toContain(
      'Notice deadline passed, no decision recorded (renew, terminate or renegotiate):\n- 2026-10-30 (passed 23 days ago)  Notice deadline: Cleaning Services Agreement',
    );
    expect(text).toContain(`https://app.example.test/contracts/${passedId}`);
    expect(text).not.toContain(`https://app.example.test/contracts/${decidedId}`); // decided, and nothing due
    expect(text.indexOf('2026-10-30')).toBeLessThan(text.indexOf('Other deadlines:'));
    expect(text.indexOf('Other deadlines:')).toBeLessThan(text.indexOf('2026-12-12 (in 20 days)'));
  });
});
