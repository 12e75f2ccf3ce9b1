import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { alertRunWindow, receivesAlerts, tenantLeadDays, tenantToday } from '@cb/domain';
import type { JobPublisher } from '@cb/jobs';
import type {
  AlertScanTenantsQuery,
  TenantAlertProfile,
  TenantsWithDeadlinesQuery,
} from '@cb/persistence';

export const SCAN_PAGE_SIZE = 1000;

/**
 * The scheduler tick: finds every tenant that receives alerts (receivesAlerts: its trial or subscription has
 * not ended) and has a deadline inside its alert window today (in its own time zone), and enqueues one
 * `alerts.tenant` job for it. Tenants are read in keyset pages, and each page is answered by one query that
 * probes the (tenant_id, date) index per tenant, so memory stays flat however many deadlines there are.
 */
export class ScanAlerts {
  private readonly logger = new Logger(ScanAlerts.name);

  constructor(
    private readonly tenants: AlertScanTenantsQuery,
    private readonly withDeadlines: TenantsWithDeadlinesQuery,
    private readonly jobs: JobPublisher,
  ) {}

  async execute(
    now: Date = new Date(),
    pageSize = SCAN_PAGE_SIZE,
  ): Promise<{ tenants: number; inactive: number; enqueued: number }> {
    let after = '00000000-0000-0000-0000-000000000000';
    let tenants = 0;
    let inactive = 0;
    let enqueued = 0;
    for (;;) {
      const page = await this.tenants.page(after, pageSize);
      if (page.length === 0) break;
      tenants += page.length;
      after = page[page.length - 1]!.tenantId;
      const done = await this.enqueueDue(page, now);
      inactive += done.inactive;
      enqueued += done.enqueued;
      if (page.length < pageSize) break;
    }
    this.logger.log({ tenants, inactive, enqueued }, 'Alert scan done');
    return { tenants, inactive, enqueued };
  }

  /** The same scan for one tenant whose deadlines just changed (`alerts.refresh`). */
  async executeForTenant(
    tenantId: string,
    now: Date = new Date(),
  ): Promise<{ inactive: number; enqueued: number }> {
    const profile = await this.tenants.one(tenantId);
    // Not deduplicated against a tenant job that is already queued or running for today: that one may have
    // read the deadlines before this change committed. A second run records only what is new.
    return this.enqueueDue(profile ? [profile] : [], now, { fresh: true });
  }

  private async enqueueDue(
    page: TenantAlertProfile[],
    now: Date,
    opts: { fresh?: boolean } = {},
  ): Promise<{ inactive: number; enqueued: number }> {
    const active = page.filter((t) => receivesAlerts(t.subscription, now));
    const windows = active.map((t) => {
      const today = tenantToday(t.timezone, now);
      return { tenantId: t.tenantId, today, ...alertRunWindow(today, tenantLeadDays(t.leadDays)) };
    });
    const due = await this.withDeadlines.run(windows);
    const payloads = windows
      .filter((w) => due.has(w.tenantId))
      .map((w) => ({ tenantId: w.tenantId, today: w.today }));
    await this.jobs.publishAll(
      'alerts.tenant',
      payloads,
      opts.fresh ? { idSuffix: randomUUID() } : {},
    );
    return { inactive: page.length - active.length, enqueued: payloads.length };
  }
}
