import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { applySubscriptionEvent, isPlanId, trialReminderDue, type Subscription } from '@cb/domain';
import { MAILER, renderTrialReminderEmail, type Mailer } from '@cb/notifications';
import {
  AlertSettingsRepository,
  SubscriptionsRepository,
  SystemDb,
  TenantDb,
  TenantsRepository,
  UsersRepository,
  type SubscriptionEntity,
} from '@cb/persistence';

/**
 * The daily rhythm of trials (run hourly): a trial past its end becomes `expired` (the tenant keeps read
 * access and all data; writes answer 402), and owners get one e-mail 3 days before the trial ends.
 */
@Injectable()
export class SubscriptionCheckHandler {
  private readonly logger = new Logger(SubscriptionCheckHandler.name);

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SystemDb) private readonly system: SystemDb,
    @Inject(TenantDb) private readonly db: TenantDb,
    @Inject(SubscriptionsRepository) private readonly subscriptions: SubscriptionsRepository,
    @Inject(TenantsRepository) private readonly tenants: TenantsRepository,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(MAILER) private readonly mailer: Mailer,
    @Inject(AlertSettingsRepository) private readonly alertSettings: AlertSettingsRepository,
  ) {}

  async check(now = new Date()): Promise<{ expired: number; reminded: number }> {
    // Cross-tenant by nature: the owner connection finds candidates; each change runs in its tenant's scope.
    const rows: { tenant_id: string }[] = await this.system.dataSource.query(
      `SELECT tenant_id FROM subscriptions
        WHERE status = 'trialing' AND trial_ends_at <= $1::timestamptz + interval '3 days'
          AND (trial_ends_at <= $1::timestamptz OR trial_reminder_sent_at IS NULL)
        ORDER BY trial_ends_at LIMIT 5000`,
      [now.toISOString()],
    );
    let expired = 0;
    let reminded = 0;
    for (const { tenant_id: tenantId } of rows) {
      const outcome = await this.db.run(tenantId, async () => {
        const row = await this.subscriptions.lockForUpdate(tenantId);
        if (!row || !isPlanId(row.plan)) return null;
        const sub = toSubscription(row);
        if (
          sub.status === 'trialing' &&
          sub.trialEndsAt &&
          now.getTime() >= sub.trialEndsAt.getTime()
        ) {
          const next = applySubscriptionEvent(sub, { type: 'trialEnded' }, now);
          await this.subscriptions.update(tenantId, {}, { status: next.status });
          return 'expired' as const;
        }
        if (row.trialReminderSentAt || !trialReminderDue(sub, now)) return null;
        // Recorded and sent in one transaction: if sending fails, the mark rolls back and the next run retries.
        await this.subscriptions.update(tenantId, {}, { trialReminderSentAt: now });
        await this.sendReminder(tenantId, row, now);
        return 'reminded' as const;
      });
      if (outcome === 'expired') expired++;
      if (outcome === 'reminded') reminded++;
    }
    if (expired || reminded) this.logger.log({ expired, reminded }, 'Trials checked');
    return { expired, reminded };
  }

  private async sendReminder(tenantId: string, row: SubscriptionEntity, now: Date): Promise<void> {
    const [tenant, owners] = await Promise.all([
      this.tenants.get(tenantId),
      this.users.find(tenantId, { role: 'owner' }),
    ]);
    const ends = row.trialEndsAt!;
    const days = Math.max(1, Math.ceil((ends.getTime() - now.getTime()) / 86_400_000));
    const date = ends.toISOString().slice(0, 10);
    const link = `${this.config.appUrl}/settings/subscription`;
    const language = (await this.alertSettings.get(tenantId))?.language;
    for (const owner of owners) {
      await this.mailer.send({
        to: owner.email,
        ...renderTrialReminderEmail({
          ownerName: owner.name,
          company: tenant?.name ?? null,
          endDate: date,
          days,
          link,
          language,
        }),
        messageId: `<trial-reminder.${tenantId}@contract-bank>`,
      });
    }
  }
}

function toSubscription(row: SubscriptionEntity): Subscription {
  return {
    plan: row.plan as Subscription['plan'],
    status: row.status as Subscription['status'],
    trialEndsAt: row.trialEndsAt,
    currentPeriodEnd: row.currentPeriodEnd,
    canceledAt: row.canceledAt,
  };
}
