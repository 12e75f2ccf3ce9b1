import { randomUUID } from 'node:crypto';
import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  DEFAULT_ALERT_SETTINGS,
  isValidTimeZone,
  receivesAlerts,
  scanWindowStart,
  todayInTimeZone,
  type PlanId,
  type SubscriptionStatus,
} from '@cb/domain';
import { JOB_OPTIONS, QUEUES, alertsTenantJobId, type JobPayloads } from '@cb/jobs';
import { SystemDb } from '@cb/persistence';
import type { Queue } from 'bullmq';
import { DIGEST_DAYS } from './digest.handler';

export const SCAN_PAGE_SIZE = 1000;

/** Each tenant with its alert settings and subscription. */
const TENANTS_SQL = `SELECT t.id, s.timezone, s.lead_days,
                            sub.plan, sub.status, sub.trial_ends_at, sub.current_period_end, sub.canceled_at
                       FROM tenants t
                       LEFT JOIN alert_settings s ON s.tenant_id = t.id
                       LEFT JOIN subscriptions sub ON sub.tenant_id = t.id`;

interface TenantRow {
  id: string;
  timezone: string | null;
  lead_days: number[] | null;
  plan: PlanId | null;
  status: SubscriptionStatus | null;
  trial_ends_at: Date | null;
  current_period_end: Date | null;
  canceled_at: Date | null;
}

/**
 * The scheduler tick: finds every tenant that receives alerts (receivesAlerts: its trial or subscription has
 * not ended) and has a deadline inside its alert window today (in its own time zone), and enqueues one
 * `alerts.tenant` job for it on the `alerts` queue. Tenants are read in keyset pages, and each page is
 * answered by one query that probes the (tenant_id, date) index per tenant, so memory stays flat however
 * many deadlines there are. The per-tenant job does the actual work.
 */
@Injectable()
export class AlertScanHandler {
  private readonly logger = new Logger(AlertScanHandler.name);

  constructor(
    @Inject(SystemDb) private readonly system: SystemDb,
    @InjectQueue(QUEUES.alerts) private readonly queue: Queue,
  ) {}

  async scan(
    now: Date = new Date(),
    pageSize = SCAN_PAGE_SIZE,
  ): Promise<{ tenants: number; inactive: number; enqueued: number }> {
    let after = '00000000-0000-0000-0000-000000000000';
    let tenants = 0;
    let inactive = 0;
    let enqueued = 0;
    for (;;) {
      // Cross-tenant by nature: the owner connection, read-only.
      const page: TenantRow[] = await this.system.dataSource.query(
        `${TENANTS_SQL} WHERE t.id > $1 ORDER BY t.id LIMIT $2`,
        [after, pageSize],
      );
      if (page.length === 0) break;
      tenants += page.length;
      after = page[page.length - 1]!.id;
      const done = await this.enqueueDue(page, now);
      inactive += done.inactive;
      enqueued += done.enqueued;
      if (page.length < pageSize) break;
    }
    this.logger.log({ tenants, inactive, enqueued }, 'Alert scan done');
    return { tenants, inactive, enqueued };
  }

  /** The same scan for one tenant whose deadlines just changed (`alerts.refresh`). */
  async scanTenant(
    tenantId: string,
    now: Date = new Date(),
  ): Promise<{ inactive: number; enqueued: number }> {
    const rows: TenantRow[] = await this.system.dataSource.query(`${TENANTS_SQL} WHERE t.id = $1`, [
      tenantId,
    ]);
    // Not deduplicated against a tenant job that is already queued or running for today: that one may have
    // read the deadlines before this change committed. A second run records only what is new.
    return this.enqueueDue(rows, now, { fresh: true });
  }

  /** Enqueues `alerts.tenant` for each tenant that receives alerts and has a deadline in its window today. */
  private async enqueueDue(
    page: TenantRow[],
    now: Date,
    opts: { fresh?: boolean } = {},
  ): Promise<{ inactive: number; enqueued: number }> {
    const active = page.filter((t) =>
      receivesAlerts(
        t.plan && t.status
          ? {
              plan: t.plan,
              status: t.status,
              trialEndsAt: t.trial_ends_at,
              currentPeriodEnd: t.current_period_end,
              canceledAt: t.canceled_at,
            }
          : null,
        now,
      ),
    );
    const windows = active.map((t) => {
      const timezone =
        t.timezone && isValidTimeZone(t.timezone) ? t.timezone : DEFAULT_ALERT_SETTINGS.timezone;
      const leads = t.lead_days?.length ? t.lead_days : DEFAULT_ALERT_SETTINGS.leadDays;
      const today = todayInTimeZone(timezone, now);
      // Wide enough for the alert leads and for the weekly digest of the next DIGEST_DAYS days.
      return { tenantId: t.id, today, ...scanWindowStart(today, Math.max(...leads, DIGEST_DAYS)) };
    });
    if (windows.length === 0) return { inactive: page.length, enqueued: 0 };
    const due: { tenant_id: string }[] = await this.system.dataSource.query(
      `SELECT x.tenant_id FROM unnest($1::uuid[], $2::date[], $3::date[]) AS x(tenant_id, d_from, d_to)
        WHERE EXISTS (SELECT 1 FROM deadlines d WHERE d.tenant_id = x.tenant_id AND d.date BETWEEN x.d_from AND x.d_to)`,
      [windows.map((w) => w.tenantId), windows.map((w) => w.from), windows.map((w) => w.to)],
    );
    const dueSet = new Set(due.map((r) => r.tenant_id));
    const jobs = windows
      .filter((w) => dueSet.has(w.tenantId))
      .map((w) => {
        const data: JobPayloads['alerts.tenant'] = { tenantId: w.tenantId, today: w.today };
        const jobId = opts.fresh
          ? `${alertsTenantJobId(data)}.${randomUUID()}`
          : alertsTenantJobId(data);
        return { name: 'alerts.tenant', data, opts: { ...JOB_OPTIONS['alerts.tenant'], jobId } };
      });
    if (jobs.length) await this.queue.addBulk(jobs);
    return { inactive: page.length - active.length, enqueued: jobs.length };
  }
}
