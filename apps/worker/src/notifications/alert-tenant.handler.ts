import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { DEFAULT_ALERT_SETTINGS, alertKey, daysBetween, dueAlertLead, scanWindowStart } from '@cb/domain';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { JOB_OPTIONS, QUEUES, alertSendJobId, type JobPayloads } from '@cb/jobs';
import { AlertSettingsRepository, AlertsRepository, type NewAlert } from '@cb/persistence';
import type { Queue } from 'bullmq';
import { DigestHandler } from './digest.handler';
import { WebhookEventsService, type WebhookEvent } from './webhook-events.service';

export const TENANT_PAGE_SIZE = 1000;
/** A pending alert older than this whose send job is gone (a crash between commit and enqueue) is enqueued again. */
export const REENQUEUE_PENDING_AFTER_MS = 60_000;

/**
 * One tenant's alerts for one day: for each deadline in the window, the pure policy picks the lead that is
 * due (the nearest when several are), and one alert row per recipient is inserted under its unique key.
 * Only the rows this run created are enqueued for sending; a re-run or a concurrent run inserts nothing.
 */
@Injectable()
export class AlertTenantHandler {
  private readonly logger = new Logger(AlertTenantHandler.name);

  constructor(
    @Inject(AlertSettingsRepository) private readonly settings: AlertSettingsRepository,
    @Inject(AlertsRepository) private readonly alerts: AlertsRepository,
    @InjectQueue(QUEUES.notifications) private readonly queue: Queue,
    @Inject(DigestHandler) private readonly digests: DigestHandler,
    @Inject(WebhookEventsService) private readonly webhookEvents: WebhookEventsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async run(p: JobPayloads['alerts.tenant'], pageSize = TENANT_PAGE_SIZE): Promise<{ created: number; requeued: number; digests: number; webhooks: number }> {
    const stored = await this.settings.get(p.tenantId);
    const leads = stored?.leadDays.length ? stored.leadDays : DEFAULT_ALERT_SETTINGS.leadDays;
    const recipients = stored?.recipients.length ? stored.recipients : await this.settings.ownerAndAdminEmails(p.tenantId);
    let created = 0;
    let webhooks = 0;
    const { from, to } = scanWindowStart(p.today, Math.max(...leads));
    let after: { date: string; id: string } | null = null;
    for (;;) {
      const page = await this.alerts.deadlinesBetween(p.tenantId, from, to, after, pageSize);
      if (page.length === 0) break;
      const last = page[page.length - 1]!;
      after = { date: last.date, id: last.id };
      const rows: NewAlert[] = [];
      const events: WebhookEvent[] = [];
      for (const d of page) {
        const lead = dueAlertLead(d.date, leads, p.today);
        if (lead === null) continue;
        const base = { contractId: d.contractId, kind: d.kind, deadline: d.date, leadDays: lead, obligationId: d.obligationId };
        for (const recipient of recipients) {
          const alert = { ...base, channel: 'email' as const, recipient };
          rows.push({ ...alert, alertKey: alertKey(alert) });
        }
        // The same policy for webhooks: one deadline.upcoming per deadline and lead, recorded per endpoint.
        events.push({
          type: 'deadline.upcoming',
          key: alertKey({ ...base, channel: 'webhook', recipient: '*' }),
          data: {
            contractId: d.contractId,
            contractTitle: d.contractTitle,
            kind: d.kind,
            date: d.date,
            ...(d.obligationId ? { obligationId: d.obligationId } : {}),
            leadDays: lead,
            daysLeft: daysBetween(p.today, d.date),
            url: `${this.config.appUrl}/contracts/${d.contractId}`,
          },
        });
      }
      // Committed before enqueueing: a send job always finds its row.
      const ids = await this.alerts.insertNew(p.tenantId, rows);
      await this.enqueue(p.tenantId, ids);
      created += ids.length;
      webhooks += await this.webhookEvents.emit(p.tenantId, events);
      if (page.length < pageSize) break;
    }
    const digests = recipients.length ? await this.digests.record(p.tenantId, p.today, recipients) : 0;
    // Recovery: rows whose send job was never enqueued (the process died right after the commit).
    const stale = await this.alerts.stalePendingIds(p.tenantId, REENQUEUE_PENDING_AFTER_MS);
    await this.enqueue(p.tenantId, stale);
    if (created || stale.length || webhooks) this.logger.log({ tenantId: p.tenantId, created, requeued: stale.length, webhooks }, 'Alerts recorded');
    return { created, requeued: stale.length, digests, webhooks };
  }

  private async enqueue(tenantId: string, alertIds: string[]): Promise<void> {
    if (alertIds.length === 0) return;
    await this.queue.addBulk(
      alertIds.map((alertId) => {
        const data: JobPayloads['alert.send'] = { tenantId, alertId };
        return { name: 'alert.send', data, opts: { ...JOB_OPTIONS['alert.send'], jobId: alertSendJobId(data) } };
      }),
    );
  }
}
