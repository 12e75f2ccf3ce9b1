import { Logger } from '@nestjs/common';
import {
  alertKey,
  alertRecipients,
  contractAlertRecipients,
  daysBetween,
  digestToRecord,
  dueAlertLead,
  escalationDue,
  escalationKey,
  escalationRecipients,
  scanWindowStart,
  tenantLeadDays,
  withoutUnconfirmedUsers,
} from '@cb/domain';
import type { JobPayloads, JobPublisher } from '@cb/jobs';
import type {
  AlertDigestsRepository,
  AlertSettingsRepository,
  AlertsRepository,
  NewAlert,
  TenantDb,
} from '@cb/persistence';
import type { WebhookEvent, WebhookEvents } from '../webhooks/webhook-events.service';
import { enqueueAlertBatches, enqueueAlertSingles } from './alert-sends';

export const TENANT_PAGE_SIZE = 1000;
/**
 * A pending alert older than this may have lost its send job (a crash between commit and enqueue): it is
 * enqueued again on its own (a no-op while its own retry job exists; a harmless duplicate of a batch still
 * queued, since every send locks the row and checks it is pending).
 */
export const REENQUEUE_PENDING_AFTER_MS = 10 * 60_000;

/**
 * One tenant's alerts for one day: for each deadline in the window, the pure policy picks the lead that is
 * due (the nearest when several are), and one alert row per recipient (the tenant's and the contract's owner)
 * is inserted under its unique key.
 * Only the rows this run created are enqueued for sending; a re-run or a concurrent run inserts nothing.
 * The first run of a week also records the weekly digests (the digest policy), and every run escalates the
 * notice deadlines that passed undecided to the owners and admins, once (the escalation policy: one row per
 * deadline and recipient under its unique key, and none once a deadline has an escalation).
 */
export class RecordTenantAlerts {
  private readonly logger = new Logger(RecordTenantAlerts.name);

  constructor(
    private readonly db: TenantDb,
    private readonly settings: AlertSettingsRepository,
    private readonly alerts: AlertsRepository,
    private readonly digests: AlertDigestsRepository,
    private readonly webhookEvents: WebhookEvents,
    private readonly jobs: JobPublisher,
    private readonly options: { appUrl: string },
  ) {}

  async execute(
    p: JobPayloads['alerts.tenant'],
    pageSize = TENANT_PAGE_SIZE,
  ): Promise<{ created: number; requeued: number; digests: number; webhooks: number }> {
    // One transaction per page of deadlines (this job runs for every tenant on every tick, so round trips
    // count): the first also reads the settings, the last also records digests and finds stale pending
    // alerts. Jobs are enqueued only after the transaction that recorded their rows has committed, so a job
    // always finds its row; a crash in between is repaired by the stale-pending recovery on a later run.
    let settings: {
      leads: number[];
      recipients: string[];
      ownersAndAdmins: string[];
      unconfirmed: string[];
    } | null = null;
    let after: { date: string; id: string } | null = null;
    let created = 0;
    let webhooks = 0;
    let digests = 0;
    let requeued = 0;
    for (;;) {
      const page = await this.db.run(p.tenantId, async () => {
        if (!settings) {
          const { stored, ownerAndAdminEmails, unverifiedUserEmails } =
            await this.settings.forAlerts(p.tenantId);
          settings = {
            leads: tenantLeadDays(stored?.leadDays),
            recipients: alertRecipients(stored?.recipients, ownerAndAdminEmails),
            ownersAndAdmins: ownerAndAdminEmails,
            unconfirmed: unverifiedUserEmails,
          };
        }
        const { leads, recipients, ownersAndAdmins, unconfirmed } = settings;
        const { from, to } = scanWindowStart(p.today, Math.max(...leads));
        const deadlines = await this.alerts.deadlinesBetween(p.tenantId, from, to, after, pageSize);
        const rows: NewAlert[] = [];
        const events: WebhookEvent[] = [];
        for (const d of deadlines) {
          const lead = dueAlertLead(d.date, leads, p.today);
          if (lead === null) continue;
          const base = {
            contractId: d.contractId,
            kind: d.kind,
            deadline: d.date,
            leadDays: lead,
            obligationId: d.obligationId,
          };
          // The tenant's recipients and the contract's owner (or the admins when its owner was removed), each
          // only once their address is confirmed.
          for (const recipient of withoutUnconfirmedUsers(
            contractAlertRecipients(recipients, d, ownersAndAdmins),
            unconfirmed,
          )) {
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
              url: `${this.options.appUrl}/contracts/${d.contractId}`,
            },
          });
        }
        const alertIds = await this.alerts.insertNew(p.tenantId, rows);
        const deliveryIds = await this.webhookEvents.record(p.tenantId, events);
        const isLast = deadlines.length < pageSize;
        if (isLast)
          alertIds.push(
            ...(await this.recordEscalations(
              p,
              withoutUnconfirmedUsers(ownersAndAdmins, unconfirmed),
            )),
          );
        return {
          alertIds,
          deliveryIds,
          next: isLast ? null : deadlines[deadlines.length - 1]!,
          digestIds: isLast
            ? await this.recordDigests(p, withoutUnconfirmedUsers(recipients, unconfirmed))
            : [],
          // Recovery: rows whose send job was never enqueued (the process died right after a commit).
          stale: isLast
            ? await this.alerts.stalePendingIds(p.tenantId, REENQUEUE_PENDING_AFTER_MS)
            : [],
        };
      });
      await enqueueAlertBatches(this.jobs, p.tenantId, page.alertIds);
      await enqueueAlertSingles(this.jobs, p.tenantId, page.stale);
      await this.webhookEvents.enqueue(p.tenantId, page.deliveryIds);
      await this.jobs.publishAll(
        'digest.send',
        page.digestIds.map((digestId) => ({ tenantId: p.tenantId, digestId })),
      );
      created += page.alertIds.length;
      webhooks += page.deliveryIds.length;
      digests += page.digestIds.length;
      requeued += page.stale.length;
      if (!page.next) break;
      after = { date: page.next.date, id: page.next.id };
    }
    if (created || requeued || webhooks)
      this.logger.log({ tenantId: p.tenantId, created, requeued, webhooks }, 'Alerts recorded');
    return { created, requeued, digests, webhooks };
  }

  /** Escalations of the notice deadlines that passed undecided, to the owners and admins (the new rows' ids). */
  private async recordEscalations(
    p: JobPayloads['alerts.tenant'],
    ownersAndAdmins: string[],
  ): Promise<string[]> {
    const recipients = escalationRecipients(ownersAndAdmins);
    if (recipients.length === 0) return [];
    const rows: NewAlert[] = [];
    for (const c of await this.alerts.escalationCandidates(p.tenantId, p.today)) {
      const due = escalationDue(c.deadline, false, null, p.today);
      if (!due) continue;
      for (const recipient of recipients)
        rows.push({
          alertKey: escalationKey({ contractId: c.contractId, deadline: c.deadline, recipient }),
          contractId: c.contractId,
          obligationId: null,
          kind: 'notice',
          deadline: c.deadline,
          leadDays: due.leadDays,
          channel: 'escalation',
          recipient,
        });
    }
    return this.alerts.insertNew(p.tenantId, rows);
  }

  /** This week's digest per recipient, when the tenant has deadlines coming (one statement). */
  private recordDigests(p: JobPayloads['alerts.tenant'], recipients: string[]): Promise<string[]> {
    const { week, from, to } = digestToRecord(p.today);
    return this.digests.insertIfUpcoming(p.tenantId, recipients, week, from, to);
  }
}
