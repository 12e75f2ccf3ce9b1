import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { BullModule, getQueueToken } from '@nestjs/bullmq';
import type { INestApplicationContext } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import {
  ApplicationModule,
  DeliverWebhook,
  PublishContractEvent,
  RecordTenantAlerts,
  RecoverWebhookDeliveries,
  ScanAlerts,
  SendAlert,
  SendDigest,
  SweepContractEvents,
} from '@cb/application';
import { AppConfigModule, type AppConfig } from '@cb/config';
import { weekStart } from '@cb/domain';
import { JOBS, QUEUES, redisConnectionOptions, type JobPayloads } from '@cb/jobs';
import { generateWebhookSecret, verifyWebhook } from '@cb/notifications';
import type { Queue } from 'bullmq';
import { Client } from 'pg';
import { createTestDatabase, type TestDatabase } from '../../../../test/support/database';
import { testConfig } from '../../../../test/support/test-config';
import { TestSmtp } from '../../../../test/support/test-smtp';
import { clearRedisPrefix } from '../../../../test/support/test-server';
import { WorkerSchedule } from '../scheduler/worker.schedule';

// "Now" for every test: 2026-11-22 10:00 UTC is 12:00 in Helsinki, the default alert time zone.
const NOW = new Date('2026-11-22T10:00:00Z');
const TODAY = '2026-11-22';

describe('deadline alerts arrive exactly once (real PostgreSQL, Redis and SMTP)', () => {
  let db: TestDatabase;
  let config: AppConfig;
  let app: INestApplicationContext;
  let owner: Client;
  let queue: Queue;
  let alertsQueue: Queue;
  let scanner: ScanAlerts;
  let tenants: RecordTenantAlerts;
  let sender: SendAlert;
  let digests: SendDigest;
  let deliverer: DeliverWebhook;
  let webhookQueue: Queue;
  let eventsQueue: Queue;
  const smtp = new TestSmtp();

  beforeAll(async () => {
    await smtp.start();
    db = await createTestDatabase();
    config = testConfig(db, {
      SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      APP_URL: 'https://app.example.test',
      WEBHOOK_ALLOW_PRIVATE_URLS: 'true',
    });
    const moduleRef = await Test.createTestingModule({
      imports: [
        AppConfigModule.forRoot(config),
        ApplicationModule,
        // Handles on the queues, to look at what the use cases enqueued.
        BullModule.forRoot({
          connection: redisConnectionOptions(config.redisUrl),
          prefix: config.queuePrefix,
        }),
        BullModule.registerQueue(
          { name: QUEUES.alerts },
          { name: QUEUES.notifications },
          { name: QUEUES.webhooks },
          { name: QUEUES.contractEvents },
        ),
      ],
      // The use cases without the processors: the test plays the worker and calls them directly.
      providers: [WorkerSchedule],
    }).compile();
    app = await moduleRef.init();
    scanner = app.get(ScanAlerts);
    tenants = app.get(RecordTenantAlerts);
    sender = app.get(SendAlert);
    digests = app.get(SendDigest);
    deliverer = app.get(DeliverWebhook);
    webhookQueue = app.get<Queue>(getQueueToken(QUEUES.webhooks));
    eventsQueue = app.get<Queue>(getQueueToken(QUEUES.contractEvents));
    queue = app.get<Queue>(getQueueToken(QUEUES.notifications));
    alertsQueue = app.get<Queue>(getQueueToken(QUEUES.alerts));
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

  // ---------- seeding (as the table owner, like a migration would) ----------

  async function createTenant(
    settings?: {
      leadDays: number[];
      timezone?: string;
      recipients?: string[];
      language?: 'en' | 'fi' | 'sv';
    },
    trialEndsAt = '2026-12-06T10:00:00Z',
  ) {
    const tenantId = randomUUID();
    const email = `owner-${tenantId.slice(0, 8)}@example.com`;
    await owner.query(`INSERT INTO tenants (id, name) VALUES ($1, 'Acme Oy')`, [tenantId]);
    await owner.query(
      `INSERT INTO subscriptions (tenant_id, plan, status, trial_ends_at) VALUES ($1, 'trial', 'trialing', $2)`,
      [tenantId, trialEndsAt],
    );
    await owner.query(
      // A confirmed address, like every account before e-mail verification (alerts skip unconfirmed users).
      `INSERT INTO users (tenant_id, email, name, password_hash, role, email_verified_at) VALUES ($1, $2, 'Olivia Owner', 'x', 'owner', now())`,
      [tenantId, email],
    );
    if (settings) {
      await owner.query(
        `INSERT INTO alert_settings (tenant_id, lead_days, recipients, timezone) VALUES ($1, $2, $3, $4)`,
        [
          tenantId,
          settings.leadDays,
          settings.recipients ?? [],
          settings.timezone ?? 'Europe/Helsinki',
        ],
      );
      // Only when asked for: every other tenant keeps the column's default, as a tenant that never chose does.
      if (settings.language)
        await owner.query(`UPDATE alert_settings SET language = $2 WHERE tenant_id = $1`, [
          tenantId,
          settings.language,
        ]);
    }
    return { tenantId, email };
  }

  async function createContract(
    tenantId: string,
    deadlines: { kind: string; date: string }[],
    title = 'Cleaning Services Agreement',
  ) {
    const contractId = randomUUID();
    const notice = deadlines.find((d) => d.kind === 'notice')?.date ?? null;
    const renewal = deadlines.find((d) => d.kind === 'renewal')?.date ?? null;
    await owner.query(
      `INSERT INTO contracts (id, tenant_id, title, status, file_name, file_size, file_sha256, media_type, storage_key,
                              terms, evidence, notice_deadline, next_renewal_date)
       VALUES ($1, $2, $3, 'parsed', 'c.pdf', 10, 'abc', 'application/pdf', 'k', $4, $5, $6, $7)`,
      [
        contractId,
        tenantId,
        title,
        JSON.stringify({ autoRenewal: true, renewalTerm: 'P1Y', noticePeriod: 'P30D' }),
        JSON.stringify({
          noticePeriod: [
            {
              page: 3,
              start: 0,
              end: 10,
              text: 'Either party may terminate by giving thirty (30) days written notice before the end of the term.',
            },
          ],
        }),
        notice,
        renewal,
      ],
    );
    for (const d of deadlines) {
      await owner.query(
        `INSERT INTO deadlines (tenant_id, contract_id, kind, date) VALUES ($1, $2, $3, $4)`,
        [tenantId, contractId, d.kind, d.date],
      );
    }
    return contractId;
  }

  async function alertsOf(tenantId: string) {
    const { rows } = await owner.query(
      `SELECT id, contract_id, kind, to_char(deadline, 'YYYY-MM-DD') AS deadline, lead_days, recipient, status, error, sent_at
         FROM alerts WHERE tenant_id = $1 ORDER BY created_at`,
      [tenantId],
    );
    return rows as {
      id: string;
      contract_id: string;
      kind: string;
      deadline: string;
      lead_days: number;
      recipient: string;
      status: string;
      error: string | null;
      sent_at: Date | null;
    }[];
  }

  /**
   * Plays the worker for the tenant's queued jobs of one kind: runs each job's handler once and removes the
   * job. Returns how many jobs ran; for 'alert.send', how many alerts they carried (batches and single sends).
   */
  async function runQueued(
    name: 'alerts.tenant' | 'alert.send' | 'digest.send',
    tenantId: string,
    now = NOW,
  ): Promise<number> {
    const names = name === 'alert.send' ? ['alert.send', 'alerts.send'] : [name];
    const jobs = (
      await (name === 'alerts.tenant' ? alertsQueue : queue).getJobs([
        'waiting',
        'delayed',
        'prioritized',
      ])
    ).filter(
      (j) => names.includes(j.name) && (j.data as { tenantId: string }).tenantId === tenantId,
    );
    let count = 0;
    for (const job of jobs) {
      if (job.name === 'alerts.tenant')
        await tenants.execute(job.data as JobPayloads['alerts.tenant']);
      else if (job.name === 'digest.send')
        await digests.execute(job.data as JobPayloads['digest.send'], { finalAttempt: false, now });
      else if (job.name === 'alerts.send') {
        await sender.executeBatch(job.data as JobPayloads['alerts.send'], { now });
        count += (job.data as JobPayloads['alerts.send']).alertIds.length - 1;
      } else
        await sender.execute(job.data as JobPayloads['alert.send'], { finalAttempt: false, now });
      count++;
      await job.remove();
    }
    return count;
  }

  it('a scan that runs twice sends each alert once, with subject, consequence, evidence and links', async () => {
    const { tenantId, email } = await createTenant();
    // Notice deadline in 20 days: the 30-day lead (of 90/30/7) is due.
    const contractId = await createContract(tenantId, [
      { kind: 'notice', date: '2026-12-12' },
      { kind: 'renewal', date: '2027-01-11' },
    ]);

    await scanner.execute(NOW);
    await scanner.execute(NOW); // the same job id while the first is queued: one tenant job
    expect(await runQueued('alerts.tenant', tenantId)).toBe(1);
    await scanner.execute(NOW); // after the tenant job ran: a second tenant job, which must add nothing
    expect(await runQueued('alerts.tenant', tenantId)).toBe(1);
    expect(await runQueued('alert.send', tenantId)).toBe(2); // the notice (lead 30) and the renewal (lead 90)
    await scanner.execute(NOW);
    await runQueued('alerts.tenant', tenantId);
    expect(await runQueued('alert.send', tenantId)).toBe(0);

    const log = await alertsOf(tenantId);
    expect(log.map((a) => [a.kind, a.deadline, a.lead_days, a.status])).toEqual(
      expect.arrayContaining([
        ['notice', '2026-12-12', 30, 'sent'],
        ['renewal', '2027-01-11', 90, 'sent'],
      ]),
    );
    expect(log).toHaveLength(2);
    const mails = smtp.to(email);
    expect(mails).toHaveLength(2);
    const notice = mails.find((m) => m.subject?.startsWith('Notice deadline'))!;
    expect(notice.subject).toBe('Notice deadline in 20 days: Cleaning Services Agreement');
    expect(notice.text).toContain(
      'Give notice by 2026-12-12 to stop the renewal on 2027-01-11 (renews for 1 year)',
    );
    expect(notice.text).toContain('thirty (30) days written notice');
    expect(notice.text).toContain(`https://app.example.test/contracts/${contractId}`);
    expect(notice.text).toContain('https://app.example.test/settings/alerts');
    expect(notice.html).toContain(`href="https://app.example.test/contracts/${contractId}"`);
    expect(notice.html).toContain('thirty (30) days written notice');
  });

  it('two concurrent per-tenant jobs and duplicate send jobs send once', async () => {
    const { tenantId, email } = await createTenant({
      leadDays: [30],
      recipients: ['legal@example.com', 'cfo@example.com'],
    });
    await createContract(tenantId, [{ kind: 'notice', date: '2026-12-01' }]);

    const runs = await Promise.all([
      tenants.execute({ tenantId, today: TODAY }),
      tenants.execute({ tenantId, today: TODAY }),
    ]);
    // Exactly one of the racing runs created each row.
    expect(runs.map((r) => r.created).sort()).toEqual([0, 2]);
    const log = await alertsOf(tenantId);
    expect(log).toHaveLength(2);
    // Two workers holding the same send job at once (e.g. a stalled job handed out again).
    const results = await Promise.all(
      log.flatMap((a) => [
        sender.execute({ tenantId, alertId: a.id }, { finalAttempt: false, now: NOW }),
        sender.execute({ tenantId, alertId: a.id }, { finalAttempt: false, now: NOW }),
      ]),
    );
    expect(results.filter((r) => r.result === 'sent')).toHaveLength(2);
    expect(results.filter((r) => r.result === 'skipped')).toHaveLength(2);
    await runQueued('alert.send', tenantId); // the queued copies find nothing left to do
    expect(smtp.to('legal@example.com')).toHaveLength(1);
    expect(smtp.to('cfo@example.com')).toHaveLength(1);
    expect(smtp.to(email)).toHaveLength(0); // explicit recipients replace the owner default
    expect((await alertsOf(tenantId)).every((a) => a.status === 'sent' && a.sent_at)).toBe(true);
  });

  it('a contract deleted before the send gets no alert (canceled in the log)', async () => {
    const { tenantId, email } = await createTenant();
    const contractId = await createContract(tenantId, [{ kind: 'notice', date: '2026-11-29' }]);
    await scanner.execute(NOW);
    await runQueued('alerts.tenant', tenantId);
    expect(await alertsOf(tenantId)).toHaveLength(1);

    await owner.query(`DELETE FROM contracts WHERE id = $1`, [contractId]);
    expect(await runQueued('alert.send', tenantId)).toBe(1);
    expect(smtp.to(email)).toHaveLength(0);
    const [alert] = await alertsOf(tenantId);
    expect(alert!.status).toBe('canceled');
    expect(alert!.error).toMatch(/contract deleted/);
  });

  it('a deadline corrected before the send gets no stale alert; the corrected one is alerted', async () => {
    const { tenantId, email } = await createTenant();
    const contractId = await createContract(tenantId, [{ kind: 'notice', date: '2026-11-29' }]);
    await tenants.execute({ tenantId, today: TODAY });
    // A person corrects the notice deadline (deadlines are recomputed: delete and insert).
    await owner.query(`UPDATE deadlines SET date = '2026-12-02' WHERE contract_id = $1`, [
      contractId,
    ]);
    expect(await runQueued('alert.send', tenantId)).toBe(1);
    expect(smtp.to(email)).toHaveLength(0);
    expect((await alertsOf(tenantId))[0]).toMatchObject({
      deadline: '2026-11-29',
      status: 'canceled',
    });

    // The next run alerts the corrected date (lead 30 is due for 2026-12-02), once.
    await tenants.execute({ tenantId, today: TODAY });
    await tenants.execute({ tenantId, today: TODAY });
    expect(await runQueued('alert.send', tenantId)).toBe(1);
    const mails = smtp.to(email);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe('Notice deadline in 10 days: Cleaning Services Agreement');
  });

  it('several leads due at once (missed runs): only the nearest is sent, and later runs do not repeat it', async () => {
    const { tenantId, email } = await createTenant();
    // 5 days away: leads 90, 30 and 7 are all due; only 7 is sent.
    await createContract(tenantId, [{ kind: 'notice', date: '2026-11-27' }]);
    await tenants.execute({ tenantId, today: TODAY });
    expect(await runQueued('alert.send', tenantId)).toBe(1);
    const log = await alertsOf(tenantId);
    expect(log.map((a) => [a.lead_days, a.status])).toEqual([[7, 'sent']]);
    // The next day the same lead is still due: no second e-mail.
    await tenants.execute({ tenantId, today: '2026-11-23' });
    expect(await runQueued('alert.send', tenantId)).toBe(0);
    expect(smtp.to(email)).toHaveLength(1);
    expect(smtp.to(email)[0]!.subject).toBe(
      'Notice deadline in 5 days: Cleaning Services Agreement',
    );
  });

  it('alerts and the digest name the contract "Counterparty – Title", the all-caps title in normal case', async () => {
    const { tenantId, email } = await createTenant({ leadDays: [30] });
    const contractId = await createContract(
      tenantId,
      [{ kind: 'notice', date: '2026-12-10' }],
      'MASTER SERVICES AGREEMENT',
    );
    await owner.query(`UPDATE contracts SET counterparty = 'Acme Oy' WHERE id = $1`, [contractId]);
    await tenants.execute({ tenantId, today: TODAY });
    expect(await runQueued('alert.send', tenantId)).toBe(1);
    const [alert] = smtp.to(email).filter((m) => m.subject?.startsWith('Notice deadline'));
    expect(alert!.subject).toBe('Notice deadline in 18 days: Acme Oy – Master Services Agreement');
    expect(alert!.text).toContain('Acme Oy – Master Services Agreement');
    expect(alert!.text).not.toContain('MASTER SERVICES AGREEMENT');
    await runQueued('digest.send', tenantId);
    const digest = smtp.to(email).find((m) => m.subject?.startsWith('Deadlines in the next'));
    expect(digest!.text).toContain('Notice deadline: Acme Oy – Master Services Agreement');
  });

  it('a crash between recording and enqueueing is recovered: the pending alert is enqueued again, sent once', async () => {
    const { tenantId, email } = await createTenant({ leadDays: [30] });
    await createContract(tenantId, [{ kind: 'notice', date: '2026-12-10' }]);
    await tenants.execute({ tenantId, today: TODAY });
    // Simulate the lost enqueue: drop the send jobs and age the rows past the re-enqueue threshold.
    for (const job of await queue.getJobs(['waiting', 'delayed']))
      if (job.data.tenantId === tenantId) await job.remove();
    await owner.query(
      `UPDATE alerts SET created_at = now() - interval '15 minutes' WHERE tenant_id = $1`,
      [tenantId],
    );
    const again = await tenants.execute({ tenantId, today: TODAY });
    expect(again).toMatchObject({ created: 0, requeued: 1 });
    expect(await runQueued('alert.send', tenantId)).toBe(1);
    expect(smtp.to(email)).toHaveLength(1);
  });

  it('a worker killed mid-send (its transaction dies before the mail is accepted) leaves the alert pending; the retry sends it once', async () => {
    const { tenantId } = await createTenant({ leadDays: [30], recipients: ['killed@example.com'] });
    await createContract(tenantId, [{ kind: 'notice', date: '2026-12-10' }]);
    await tenants.execute({ tenantId, today: TODAY });
    const [alert] = await alertsOf(tenantId);
    let release!: (code: number | null) => void;
    const arrived = new Promise<void>((resolve) => {
      smtp.onData = () => {
        resolve();
        return new Promise((r) => (release = r));
      };
    });
    try {
      const first = sender
        .execute({ tenantId, alertId: alert!.id }, { finalAttempt: false, now: NOW })
        .catch((err: Error) => err);
      await arrived;
      // "Kill" the worker: end the database session that holds the alert's row lock, mid-send.
      const { rows } = await owner.query(
        `SELECT DISTINCT l.pid FROM pg_locks l JOIN pg_class c ON c.oid = l.relation
          WHERE c.relname = 'alerts' AND l.pid <> pg_backend_pid() AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      expect(rows).toHaveLength(1);
      await owner.query('SELECT pg_terminate_backend($1)', [rows[0].pid]);
      release(451); // the half-sent message is not accepted
      expect(await first).toBeInstanceOf(Error); // the job fails and BullMQ retries it
    } finally {
      smtp.onData = null;
    }
    expect((await alertsOf(tenantId))[0]).toMatchObject({ status: 'pending', sent_at: null });
    expect(smtp.to('killed@example.com')).toHaveLength(0);
    expect(
      await sender.execute({ tenantId, alertId: alert!.id }, { finalAttempt: false, now: NOW }),
    ).toEqual({ result: 'sent' });
    expect(
      await sender.execute({ tenantId, alertId: alert!.id }, { finalAttempt: false, now: NOW }),
    ).toMatchObject({ result: 'skipped' });
    expect(smtp.to('killed@example.com')).toHaveLength(1);
  });

  it('a permanent SMTP refusal is recorded on the alert with its reason; a transient error is retried', async () => {
    const { tenantId } = await createTenant({
      leadDays: [30],
      recipients: ['bounce@example.com', 'ok@example.com'],
    });
    smtp.reject.add('bounce@example.com');
    await createContract(tenantId, [{ kind: 'notice', date: '2026-12-10' }]);
    await tenants.execute({ tenantId, today: TODAY });
    await runQueued('alert.send', tenantId);
    const log = await alertsOf(tenantId);
    const bounced = log.find((a) => a.recipient === 'bounce@example.com')!;
    expect(bounced.status).toBe('failed');
    expect(bounced.error).toMatch(/550/);
    expect(log.find((a) => a.recipient === 'ok@example.com')!.status).toBe('sent');
  });

  it('an unreachable SMTP server leaves the alert pending for a retry, then failed on the last attempt', async () => {
    const { tenantId } = await createTenant({ leadDays: [30], recipients: ['later@example.com'] });
    await createContract(tenantId, [{ kind: 'notice', date: '2026-12-10' }]);
    await tenants.execute({ tenantId, today: TODAY });
    const [alert] = await alertsOf(tenantId);
    const downConfig = testConfig(db, { SMTP_URL: 'smtp://127.0.0.1:1' });
    const moduleRef = await Test.createTestingModule({
      imports: [AppConfigModule.forRoot(downConfig), ApplicationModule],
    }).compile();
    const down = await moduleRef.init();
    try {
      const downSender = down.get(SendAlert);
      const first = await downSender.execute(
        { tenantId, alertId: alert!.id },
        { finalAttempt: false, now: NOW },
      );
      expect(first.result).toBe('retry');
      expect((await alertsOf(tenantId))[0]).toMatchObject({ status: 'pending' });
      const last = await downSender.execute(
        { tenantId, alertId: alert!.id },
        { finalAttempt: true, now: NOW },
      );
      expect(last.result).toBe('failed');
      const [row] = await alertsOf(tenantId);
      expect(row!.status).toBe('failed');
      expect(row!.error).toMatch(/SMTP error/);
    } finally {
      await down.close();
    }
    expect(smtp.to('later@example.com')).toHaveLength(0);
  });

  it('a tenant job pages through its deadlines (keyset on date and id): every due deadline once, across page boundaries', async () => {
    const { tenantId } = await createTenant({ leadDays: [30], recipients: ['pages@example.com'] });
    // Seven deadlines, two of them on the same date, all within 30 days; one outside the window.
    const dates = [
      '2026-11-25',
      '2026-11-25',
      '2026-11-30',
      '2026-12-03',
      '2026-12-08',
      '2026-12-15',
      '2026-12-20',
      '2027-02-01',
    ];
    for (const date of dates) await createContract(tenantId, [{ kind: 'expiration', date }]);
    const result = await tenants.execute({ tenantId, today: TODAY }, 2);
    expect(result.created).toBe(7);
    const log = await alertsOf(tenantId);
    expect(log.map((a) => a.deadline).sort()).toEqual(dates.slice(0, 7).sort());
    expect(new Set(log.map((a) => a.contract_id)).size).toBe(7);
    expect((await tenants.execute({ tenantId, today: TODAY }, 3)).created).toBe(0);
  });

  it('the scan pages through tenants and enqueues only tenants with a deadline in their window', async () => {
    const due: string[] = [];
    for (let i = 0; i < 5; i++) {
      const t = await createTenant();
      await createContract(t.tenantId, [{ kind: 'expiration', date: '2027-01-15' }]);
      due.push(t.tenantId);
    }
    const far = await createTenant({ leadDays: [7] });
    await createContract(far.tenantId, [{ kind: 'expiration', date: '2027-01-15' }]); // beyond its 7-day window
    const none = await createTenant();
    await alertsQueue.obliterate({ force: true });
    const result = await scanner.execute(NOW, 2); // pages of 2 tenants
    const queued = (await alertsQueue.getJobs(['waiting']))
      .filter((j) => j.name === 'alerts.tenant')
      .map((j) => j.data.tenantId as string);
    for (const t of due) expect(queued).toContain(t);
    expect(queued).not.toContain(far.tenantId);
    expect(queued).not.toContain(none.tenantId);
    expect(result.enqueued).toBe(queued.length);
    const job = (await alertsQueue.getJobs(['waiting'])).find((j) => j.data.tenantId === due[0]);
    expect(job?.id).toBe(`alerts.tenant.${due[0]}.${TODAY}`);
    expect(job?.opts.attempts).toBe(JOBS['alerts.tenant'].options.attempts);
  });

  it('the weekly digest goes to each recipient once a week, listing the next 30 days with links', async () => {
    expect(weekStart('2026-11-22')).toBe('2026-11-16'); // a Sunday belongs to the week of Monday the 16th
    expect(weekStart('2026-11-23')).toBe('2026-11-23');
    const { tenantId } = await createTenant({ leadDays: [7], recipients: ['digest@example.com'] });
    const soon = await createContract(
      tenantId,
      [{ kind: 'notice', date: '2026-12-01' }],
      'Alpha Supply',
    );
    const later = await createContract(
      tenantId,
      [{ kind: 'expiration', date: '2026-12-20' }],
      'Beta Lease',
    );
    await createContract(tenantId, [{ kind: 'renewal', date: '2027-03-01' }], 'Gamma Far Away');
    const quiet = await createTenant({ leadDays: [90, 30, 7], recipients: ['quiet@example.com'] });
    await createContract(quiet.tenantId, [{ kind: 'renewal', date: '2027-03-01' }]);

    const runs = await Promise.all([
      tenants.execute({ tenantId, today: TODAY }),
      tenants.execute({ tenantId, today: TODAY }),
    ]);
    expect(runs.map((r) => r.digests).sort()).toEqual([0, 1]);
    expect((await tenants.execute({ tenantId, today: TODAY })).digests).toBe(0);
    expect((await tenants.execute({ tenantId: quiet.tenantId, today: TODAY })).digests).toBe(0); // nothing in 30 days
    expect(await runQueued('digest.send', tenantId)).toBe(1);
    expect(await runQueued('digest.send', quiet.tenantId)).toBe(0);
    const [mail, ...rest] = smtp.to('digest@example.com');
    expect(rest).toHaveLength(0);
    expect(mail!.subject).toBe('Deadlines in the next 30 days: 2 deadlines');
    expect(mail!.text).toContain('2026-12-01 (in 9 days)  Notice deadline: Alpha Supply');
    expect(mail!.text).toContain(`https://app.example.test/contracts/${soon}`);
    expect(mail!.text).toContain(`https://app.example.test/contracts/${later}`);
    expect(mail!.text).not.toContain('Gamma Far Away');
    expect(mail!.text!.indexOf('Alpha Supply')).toBeLessThan(mail!.text!.indexOf('Beta Lease'));
    expect(mail!.html).toContain(`href="https://app.example.test/contracts/${soon}"`);

    // Monday starts a new week: one more digest.
    expect((await tenants.execute({ tenantId, today: '2026-11-23' })).digests).toBe(1);
    expect(await runQueued('digest.send', tenantId, new Date('2026-11-23T08:00:00Z'))).toBe(1);
    expect(smtp.to('digest@example.com')).toHaveLength(2);
    const { rows } = await owner.query(
      `SELECT to_char(week_start, 'YYYY-MM-DD') AS w, status FROM alert_digests WHERE tenant_id = $1 ORDER BY week_start`,
      [tenantId],
    );
    expect(rows).toEqual([
      { w: '2026-11-16', status: 'sent' },
      { w: '2026-11-23', status: 'sent' },
    ]);
  });

  it("alerts and the digest are written in the tenant's alert-settings language: Finnish and Swedish", async () => {
    const fi = await createTenant({
      leadDays: [30],
      recipients: ['talous@example.fi'],
      language: 'fi',
    });
    await createContract(
      fi.tenantId,
      [
        { kind: 'notice', date: '2026-12-12' },
        { kind: 'renewal', date: '2027-01-11' },
      ],
      'Siivouspalvelusopimus',
    );
    const sv = await createTenant({
      leadDays: [30],
      recipients: ['ekonomi@example.se'],
      language: 'sv',
    });
    await createContract(
      sv.tenantId,
      [
        { kind: 'notice', date: '2026-11-23' },
        { kind: 'renewal', date: '2027-01-11' },
      ],
      'Städavtal',
    );

    await tenants.execute({ tenantId: fi.tenantId, today: TODAY });
    await tenants.execute({ tenantId: sv.tenantId, today: TODAY });
    // Each: the notice alert (the renewal is 50 days away, past the 30-day lead) and this week's digest.
    for (const t of [fi, sv]) {
      expect(await runQueued('alert.send', t.tenantId)).toBe(1);
      expect(await runQueued('digest.send', t.tenantId)).toBe(1);
    }

    const fiMails = smtp.to('talous@example.fi');
    expect(fiMails.map((m) => m.subject).sort()).toEqual([
      'Irtisanomisen määräpäivä 20 päivän kuluttua: Siivouspalvelusopimus',
      'Määräpäivät seuraavan 30 päivän aikana: 1 määräpäivä',
    ]);
    const fiMail = fiMails.find((m) => m.subject?.startsWith('Irtisanomisen'));
    expect(fiMail!.subject).toBe(
      'Irtisanomisen määräpäivä 20 päivän kuluttua: Siivouspalvelusopimus',
    );
    expect(fiMail!.text).toContain('Irtisanomisen määräpäivä: 12.12.2026 (20 päivän kuluttua)');
    expect(fiMail!.text).toContain(
      'Irtisano viimeistään 12.12.2026, jotta sopimus ei uusiudu 11.1.2027 (jatkokausi 1 vuosi). Jos mitään ei tehdä, sopimus uusiutuu.',
    );
    // The quoted contract sentence stays as the contract says it.
    expect(fiMail!.text).toContain(
      'Ote sopimuksesta:\n"Either party may terminate by giving thirty (30) days written notice',
    );
    expect(fiMail!.html).toContain('<html lang="fi">');
    const fiDigest = fiMails.find((m) => m.subject?.startsWith('Määräpäivät'));
    expect(fiDigest!.text).toContain(
      '- 12.12.2026 (20 päivän kuluttua)  Irtisanomisen määräpäivä: Siivouspalvelusopimus',
    );

    const svMails = smtp.to('ekonomi@example.se');
    expect(svMails.map((m) => m.subject).sort()).toEqual([
      'Sista uppsägningsdag i morgon: Städavtal',
      'Tidsfrister de kommande 30 dagarna: 1 tidsfrist',
    ]);
    const svAlert = svMails.find((m) => m.subject?.startsWith('Sista'))!;
    expect(svAlert.text).toContain(
      'Säg upp senast 2026-11-23 för att stoppa förnyelsen den 2027-01-11 (förnyas med 1 år). Om ingen gör något förnyas avtalet.',
    );
    const svDigest = svMails.find((m) => m.subject?.startsWith('Tidsfrister'))!;
    expect(svDigest.text).toContain('- 2026-11-23 (i morgon)  Sista uppsägningsdag: Städavtal');
    expect(svDigest.html).toContain('<html lang="sv">');
  });

  it('new alerts go out as one batch job per tenant run; a batch run twice (a stalled job) sends each alert once', async () => {
    const recipients = ['b1@example.com', 'b2@example.com', 'b3@example.com'];
    const { tenantId } = await createTenant({ leadDays: [30], recipients });
    await createContract(tenantId, [{ kind: 'notice', date: '2026-12-10' }]);
    await tenants.execute({ tenantId, today: TODAY });
    const jobs = (await queue.getJobs(['waiting'])).filter(
      (j) => j.data.tenantId === tenantId && j.name !== 'digest.send',
    );
    expect(jobs.map((j) => j.name)).toEqual(['alerts.send']);
    const batch = jobs[0]!.data as JobPayloads['alerts.send'];
    expect(batch.alertIds).toHaveLength(3);
    expect(jobs[0]!.id).toBe(`alerts.send.${tenantId}.${batch.alertIds[0]}`);
    const [first, second] = await Promise.all([
      sender.executeBatch(batch, { now: NOW }),
      sender.executeBatch(batch, { now: NOW }),
    ]);
    expect(first!.sent + second!.sent).toBe(3);
    expect(first!.other + second!.other).toBe(3); // the other copy found each one already sent
    await jobs[0]!.remove();
    for (const r of recipients) expect(smtp.to(r)).toHaveLength(1);
    expect((await alertsOf(tenantId)).every((a) => a.status === 'sent')).toBe(true);
  });

  it('a transient SMTP error inside a batch moves the rest to single jobs with backoff; each is then sent once', async () => {
    const recipients = ['slow1@example.com', 'slow2@example.com', 'slow3@example.com'];
    const { tenantId } = await createTenant({ leadDays: [30], recipients });
    await createContract(tenantId, [{ kind: 'notice', date: '2026-12-10' }]);
    await tenants.execute({ tenantId, today: TODAY });
    const [job] = (await queue.getJobs(['waiting'])).filter(
      (j) => j.data.tenantId === tenantId && j.name === 'alerts.send',
    );
    const batch = job!.data as JobPayloads['alerts.send'];
    let calls = 0;
    smtp.onData = () => Promise.resolve(++calls === 2 ? 451 : null); // the second message is deferred by the server
    try {
      expect(await sender.executeBatch(batch, { now: NOW })).toEqual({
        sent: 1,
        deferred: 2,
        other: 0,
      });
    } finally {
      smtp.onData = null;
    }
    await job!.remove();
    const singles = (await queue.getJobs(['delayed'])).filter((j) => j.data.tenantId === tenantId);
    expect(singles.map((j) => j.name)).toEqual(['alert.send', 'alert.send']);
    expect(
      singles.every(
        (j) => j.opts.delay === 5000 && j.opts.attempts === JOBS['alert.send'].options.attempts,
      ),
    ).toBe(true);
    expect(new Set(singles.map((j) => j.data.alertId))).toEqual(new Set(batch.alertIds.slice(1)));
    expect(await runQueued('alert.send', tenantId)).toBe(2);
    for (const r of recipients) expect(smtp.to(r)).toHaveLength(1);
    const log = await alertsOf(tenantId);
    expect(log.every((a) => a.status === 'sent')).toBe(true);
  });

  it('a recipient taken off the list (or a removed admin) before the send gets nothing; the log says why', async () => {
    const { tenantId } = await createTenant({
      leadDays: [30],
      recipients: ['stays@example.com', 'leaves@example.com'],
    });
    await createContract(tenantId, [{ kind: 'notice', date: '2026-12-10' }]);
    await tenants.execute({ tenantId, today: TODAY });
    await owner.query(
      `UPDATE alert_settings SET recipients = '{STAYS@example.com}' WHERE tenant_id = $1`,
      [tenantId],
    );
    expect(await runQueued('alert.send', tenantId)).toBe(2);
    expect(smtp.to('stays@example.com')).toHaveLength(1);
    expect(smtp.to('leaves@example.com')).toHaveLength(0);
    const left = (await alertsOf(tenantId)).find((a) => a.recipient === 'leaves@example.com')!;
    expect(left).toMatchObject({
      status: 'canceled',
      error: 'recipient no longer receives alerts',
    });

    // The default recipients are the owners and admins: an admin removed from the team is no longer one.
    const other = await createTenant({ leadDays: [30] });
    await owner.query(
      `INSERT INTO users (tenant_id, email, name, password_hash, role, email_verified_at) VALUES ($1, 'admin@example.com', 'Ada', 'x', 'admin', now())`,
      [other.tenantId],
    );
    // An admin who has not confirmed the address yet is no recipient (alerts go only to confirmed addresses).
    await owner.query(
      `INSERT INTO users (tenant_id, email, name, password_hash, role) VALUES ($1, 'unconfirmed@example.com', 'Una', 'x', 'admin')`,
      [other.tenantId],
    );
    await createContract(other.tenantId, [{ kind: 'notice', date: '2026-12-10' }]);
    expect((await tenants.execute({ tenantId: other.tenantId, today: TODAY })).created).toBe(2);
    await owner.query(`DELETE FROM users WHERE tenant_id = $1 AND email = 'admin@example.com'`, [
      other.tenantId,
    ]);
    await runQueued('alert.send', other.tenantId);
    expect(smtp.to(other.email)).toHaveLength(1);
    expect(smtp.to('admin@example.com')).toHaveLength(0);
    expect(smtp.to('unconfirmed@example.com')).toHaveLength(0);
  });

  it('a tenant whose trial ended (or who has no subscription) gets no alerts until it subscribes', async () => {
    const ended = await createTenant({ leadDays: [30] }, '2026-11-20T10:00:00Z');
    await createContract(ended.tenantId, [{ kind: 'notice', date: '2026-12-10' }]);
    const active = await createTenant({ leadDays: [30] });
    await createContract(active.tenantId, [{ kind: 'notice', date: '2026-12-10' }]);
    await alertsQueue.obliterate({ force: true });
    const result = await scanner.execute(NOW);
    expect(result.inactive).toBeGreaterThanOrEqual(1);
    const queued = (await alertsQueue.getJobs(['waiting'])).map((j) => j.data.tenantId as string);
    expect(queued).toContain(active.tenantId);
    expect(queued).not.toContain(ended.tenantId);

    // It subscribes: the next tick picks it up.
    await owner.query(
      `UPDATE subscriptions SET plan = 'starter', status = 'active', current_period_end = '2026-12-22T10:00:00Z' WHERE tenant_id = $1`,
      [ended.tenantId],
    );
    await scanner.execute(NOW);
    expect((await alertsQueue.getJobs(['waiting'])).map((j) => j.data.tenantId)).toContain(
      ended.tenantId,
    );
    await alertsQueue.obliterate({ force: true });
  });

  it('a refresh after a change is not swallowed by the tenant job already queued for today; the alert is still recorded once', async () => {
    const { tenantId } = await createTenant({ leadDays: [30] });
    await createContract(tenantId, [{ kind: 'notice', date: '2026-12-10' }]);
    await alertsQueue.obliterate({ force: true });
    await scanner.execute(NOW); // today's tenant job, queued
    expect(await scanner.executeForTenant(tenantId, NOW)).toEqual({ inactive: 0, enqueued: 1 });
    const jobs = (await alertsQueue.getJobs(['waiting'])).filter(
      (j) => j.data.tenantId === tenantId,
    );
    expect(jobs).toHaveLength(2);
    const runs = await Promise.all(
      jobs.map((j) => tenants.execute(j.data as JobPayloads['alerts.tenant'])),
    );
    expect(runs.map((r) => r.created).sort()).toEqual([0, 1]);
    expect(await alertsOf(tenantId)).toHaveLength(1);
    await alertsQueue.obliterate({ force: true });
  });

  it('the scan tick is scheduled on the alerts queue, and the scheduler of earlier releases on notifications is removed', async () => {
    await queue.upsertJobScheduler(
      'alerts.scan',
      { every: 3_600_000 },
      { name: 'alerts.scan', data: {} },
    );
    await app.get(WorkerSchedule).onApplicationBootstrap();
    expect((await alertsQueue.getJobSchedulers()).map((s) => s.key)).toEqual(['alerts.scan']);
    expect(await queue.getJobSchedulers()).toEqual([]);
    await alertsQueue.removeJobScheduler('alerts.scan');
    await alertsQueue.obliterate({ force: true });
  });

  describe('webhooks: deadline.upcoming, Standard Webhooks signatures, retries recorded', () => {
    const hits: { headers: http.IncomingHttpHeaders; body: string }[] = [];
    let status = 200;
    let receiver: http.Server;
    let receiverUrl: string;

    beforeAll(async () => {
      receiver = http.createServer((req, res) => {
        let body = '';
        req.on('data', (c: Buffer) => (body += c.toString()));
        req.on('end', () => {
          hits.push({ headers: req.headers, body });
          res.writeHead(status).end();
        });
      });
      await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
      receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    });
    afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

    async function addEndpoint(tenantId: string, events: string[]) {
      const secret = generateWebhookSecret();
      const { rows } = await owner.query(
        `INSERT INTO webhook_endpoints (tenant_id, url, events, secret) VALUES ($1, $2, $3, $4) RETURNING id`,
        [tenantId, receiverUrl, events, secret],
      );
      return { id: rows[0].id as string, secret };
    }

    /** A finished parse as its transaction records it: the contract_events outbox row. */
    async function recordFinish(
      tenantId: string,
      contractId: string,
      finish: {
        status: 'parsed' | 'failed';
        title: string;
        error?: { code: string; message: string };
      },
      parseVersion = 1,
      age = '0 seconds',
    ) {
      await owner.query(
        `INSERT INTO contract_events (tenant_id, contract_id, parse_version, type, status, data, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, now() - $7::interval)`,
        [
          tenantId,
          contractId,
          parseVersion,
          finish.status === 'failed' ? 'contract.failed' : 'contract.parsed',
          finish.status,
          JSON.stringify({ title: finish.title, ...(finish.error ? { error: finish.error } : {}) }),
          age,
        ],
      );
    }

    /** Plays the worker for the tenant's queued contract-event.publish jobs, each run twice at once. */
    async function runPublishes(tenantId: string) {
      const publish = app.get(PublishContractEvent);
      for (const job of (await eventsQueue.getJobs(['waiting'])).filter(
        (j) => j.name === 'contract-event.publish' && j.data.tenantId === tenantId,
      )) {
        await Promise.all([publish.execute(job.data), publish.execute(job.data)]);
        await job.remove();
      }
    }

    async function runDeliveries(tenantId: string, finalAttempt = false) {
      const jobs = (await webhookQueue.getJobs(['waiting', 'delayed'])).filter(
        (j) => j.data.tenantId === tenantId,
      );
      const outcomes = [];
      for (const job of jobs) {
        outcomes.push(await deliverer.execute(job.data, { finalAttempt }));
        await job.remove();
      }
      return outcomes;
    }

    it('a due deadline is delivered once per subscribed endpoint, signed, with { type, timestamp, data }', async () => {
      const { tenantId } = await createTenant({ leadDays: [30] });
      const contractId = await createContract(tenantId, [{ kind: 'notice', date: '2026-12-12' }]);
      const subscribed = await addEndpoint(tenantId, ['deadline.upcoming']);
      await addEndpoint(tenantId, ['contract.parsed']); // not subscribed to deadlines
      const runs = await Promise.all([
        tenants.execute({ tenantId, today: TODAY }),
        tenants.execute({ tenantId, today: TODAY }),
      ]);
      expect(runs.map((r) => r.webhooks).sort()).toEqual([0, 1]);
      expect((await tenants.execute({ tenantId, today: '2026-11-23' })).webhooks).toBe(0); // still the same lead
      hits.length = 0;
      expect(await runDeliveries(tenantId)).toEqual([{ result: 'succeeded' }]);
      expect(hits).toHaveLength(1);
      const [hit] = hits;
      const id = hit!.headers['webhook-id'] as string;
      const ts = Number(hit!.headers['webhook-timestamp']);
      expect(Math.abs(ts - Date.now() / 1000)).toBeLessThan(60);
      expect(
        verifyWebhook(
          subscribed.secret,
          id,
          ts,
          hit!.body,
          hit!.headers['webhook-signature'] as string,
        ),
      ).toBe(true);
      expect(
        verifyWebhook(
          generateWebhookSecret(),
          id,
          ts,
          hit!.body,
          hit!.headers['webhook-signature'] as string,
        ),
      ).toBe(false);
      const body = JSON.parse(hit!.body);
      expect(body).toEqual({
        type: 'deadline.upcoming',
        timestamp: expect.stringMatching(/Z$/),
        data: {
          contractId,
          contractTitle: 'Cleaning Services Agreement',
          kind: 'notice',
          date: '2026-12-12',
          leadDays: 30,
          daysLeft: 20,
          url: `https://app.example.test/contracts/${contractId}`,
        },
      });
      const { rows } = await owner.query(
        `SELECT d.id, d.status, d.attempts, a.status_code FROM webhook_deliveries d JOIN webhook_delivery_attempts a ON a.delivery_id = d.id WHERE d.tenant_id = $1`,
        [tenantId],
      );
      expect(rows).toEqual([{ id, status: 'succeeded', attempts: 1, status_code: 200 }]);
      // A duplicate job for a delivered event does nothing.
      expect(
        await deliverer.execute({ tenantId, deliveryId: id }, { finalAttempt: false }),
      ).toEqual({ result: 'skipped' });
      expect(hits).toHaveLength(1);
    });

    it('a failing receiver: each attempt is recorded; the last one marks the delivery failed', async () => {
      const { tenantId } = await createTenant({ leadDays: [30] });
      await createContract(tenantId, [{ kind: 'notice', date: '2026-12-12' }]);
      await addEndpoint(tenantId, ['deadline.upcoming']);
      await tenants.execute({ tenantId, today: TODAY });
      const [job] = (await webhookQueue.getJobs(['waiting'])).filter(
        (j) => j.data.tenantId === tenantId,
      );
      status = 503;
      try {
        expect(await deliverer.execute(job!.data, { finalAttempt: false })).toEqual({
          result: 'retry',
          reason: 'HTTP 503',
        });
        expect(await deliverer.execute(job!.data, { finalAttempt: true })).toEqual({
          result: 'failed',
          reason: 'HTTP 503',
        });
      } finally {
        status = 200;
      }
      const { rows } = await owner.query(
        `SELECT d.status, d.attempts, d.last_error, array_agg(a.status_code ORDER BY a.attempt) AS codes
           FROM webhook_deliveries d JOIN webhook_delivery_attempts a ON a.delivery_id = d.id
          WHERE d.tenant_id = $1 GROUP BY d.id`,
        [tenantId],
      );
      expect(rows).toEqual([
        { status: 'failed', attempts: 2, last_error: 'HTTP 503', codes: [503, 503] },
      ]);
      expect(JOBS['webhook.deliver'].options.attempts).toBeGreaterThanOrEqual(10);
    });

    it('finished parses become contract.parsed / contract.failed events, once per parse version', async () => {
      const { tenantId } = await createTenant();
      const endpoint = await addEndpoint(tenantId, ['contract.parsed', 'contract.failed']);
      await owner.query(
        `UPDATE webhook_endpoints SET created_at = now() - interval '1 hour' WHERE id = $1`,
        [endpoint.id],
      );
      const old = await createContract(tenantId, [], 'Parsed Before The Endpoint');
      await recordFinish(
        tenantId,
        old,
        { status: 'parsed', title: 'Parsed Before The Endpoint' },
        1,
        '2 hours',
      );
      const parsed = await createContract(tenantId, [], 'Freshly Parsed');
      await recordFinish(tenantId, parsed, { status: 'parsed', title: 'Freshly Parsed' });
      const failed = await createContract(tenantId, [], 'Broken Scan');
      await owner.query(
        `UPDATE contracts SET status = 'failed', error_code = 'unreadable', error_message = 'No text could be read' WHERE id = $1`,
        [failed],
      );
      await recordFinish(tenantId, failed, {
        status: 'failed',
        title: 'Broken Scan',
        error: { code: 'unreadable', message: 'No text could be read' },
      });
      const processing = await createContract(tenantId, [], 'Still Parsing');
      await owner.query(`UPDATE contracts SET status = 'processing' WHERE id = $1`, [processing]);

      // The parse transactions' own publish jobs were lost: the sweep hands the events over (ticks may overlap).
      const sweep = app.get(SweepContractEvents);
      await Promise.all([sweep.execute(0), sweep.execute(0)]);
      await sweep.execute(0);
      await runPublishes(tenantId);
      hits.length = 0;
      const outcomes = await runDeliveries(tenantId);
      expect(outcomes).toEqual([{ result: 'succeeded' }, { result: 'succeeded' }]);
      const bodies = hits
        .map((h) => JSON.parse(h.body))
        .sort((a, b) => a.type.localeCompare(b.type));
      expect(bodies.map((b) => [b.type, b.data.contractId])).toEqual([
        ['contract.failed', failed],
        ['contract.parsed', parsed],
      ]);
      expect(bodies[0].data).toMatchObject({
        status: 'failed',
        error: { code: 'unreadable', message: 'No text could be read' },
      });
      expect(bodies[1].data).toMatchObject({
        title: 'Freshly Parsed',
        status: 'parsed',
        url: `https://app.example.test/contracts/${parsed}`,
      });
      for (const h of hits) {
        expect(
          verifyWebhook(
            endpoint.secret,
            h.headers['webhook-id'] as string,
            Number(h.headers['webhook-timestamp']),
            h.body,
            h.headers['webhook-signature'] as string,
          ),
        ).toBe(true);
      }
      // A re-parse (new parse version) is a new event; nothing else repeats.
      await owner.query(
        `UPDATE contracts SET parse_version = 2, updated_at = now() WHERE id = $1`,
        [parsed],
      );
      await recordFinish(tenantId, parsed, { status: 'parsed', title: 'Freshly Parsed' }, 2);
      await sweep.execute(0);
      await runPublishes(tenantId);
      hits.length = 0;
      expect(await runDeliveries(tenantId)).toEqual([{ result: 'succeeded' }]);
      expect(JSON.parse(hits[0]!.body)).toMatchObject({
        type: 'contract.parsed',
        data: { contractId: parsed },
      });
    });

    it('a delivery whose job was lost is enqueued again by the tick, and delivered once', async () => {
      const { tenantId } = await createTenant({ leadDays: [30] });
      await createContract(tenantId, [{ kind: 'notice', date: '2026-12-12' }]);
      await addEndpoint(tenantId, ['deadline.upcoming']);
      await tenants.execute({ tenantId, today: TODAY });
      for (const job of await webhookQueue.getJobs(['waiting']))
        if (job.data.tenantId === tenantId) await job.remove();
      await owner.query(
        `UPDATE webhook_deliveries SET created_at = now() - interval '5 minutes' WHERE tenant_id = $1`,
        [tenantId],
      );
      const recover = app.get(RecoverWebhookDeliveries);
      expect((await recover.execute()).requeued).toBeGreaterThanOrEqual(1);
      await recover.execute(); // the job exists now: no second one
      hits.length = 0;
      expect(await runDeliveries(tenantId)).toEqual([{ result: 'succeeded' }]);
      expect(hits).toHaveLength(1);
    });

    it('a deadline.upcoming event whose deadline was corrected, or whose contract was deleted, is canceled, not delivered', async () => {
      const { tenantId } = await createTenant({ leadDays: [30] });
      const moved = await createContract(tenantId, [{ kind: 'notice', date: '2026-12-12' }]);
      const deleted = await createContract(
        tenantId,
        [{ kind: 'notice', date: '2026-12-13' }],
        'Old Lease',
      );
      await addEndpoint(tenantId, ['deadline.upcoming']);
      expect((await tenants.execute({ tenantId, today: TODAY })).webhooks).toBe(2);
      await owner.query(`UPDATE deadlines SET date = '2027-03-01' WHERE contract_id = $1`, [moved]);
      await owner.query(`DELETE FROM contracts WHERE id = $1`, [deleted]);
      hits.length = 0;
      const outcomes = await runDeliveries(tenantId);
      expect(outcomes).toEqual([
        { result: 'canceled', reason: 'deadline changed or contract deleted before delivery' },
        { result: 'canceled', reason: 'deadline changed or contract deleted before delivery' },
      ]);
      expect(hits).toHaveLength(0);
      const { rows } = await owner.query(
        `SELECT status, attempts FROM webhook_deliveries WHERE tenant_id = $1`,
        [tenantId],
      );
      expect(rows).toEqual([
        { status: 'canceled', attempts: 0 },
        { status: 'canceled', attempts: 0 },
      ]);
    });

    it('a private target is refused at delivery time unless WEBHOOK_ALLOW_PRIVATE_URLS is set', async () => {
      const { tenantId } = await createTenant({ leadDays: [30] });
      await createContract(tenantId, [{ kind: 'notice', date: '2026-12-12' }]);
      await addEndpoint(tenantId, ['deadline.upcoming']);
      await tenants.execute({ tenantId, today: TODAY });
      const [job] = (await webhookQueue.getJobs(['waiting'])).filter(
        (j) => j.data.tenantId === tenantId,
      );
      const strict = await Test.createTestingModule({
        imports: [AppConfigModule.forRoot(testConfig(db)), ApplicationModule],
      }).compile();
      const ctx = await strict.init();
      try {
        hits.length = 0;
        const outcome = await ctx.get(DeliverWebhook).execute(job!.data, { finalAttempt: false });
        expect(outcome).toEqual({
          result: 'failed',
          reason: 'must not point to a private or loopback address',
        });
        expect(hits).toHaveLength(0);
      } finally {
        await ctx.close();
      }
    });
  });
});
