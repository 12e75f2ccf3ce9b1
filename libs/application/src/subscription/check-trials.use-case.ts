import { Logger } from '@nestjs/common';
import {
  TRIAL_REMINDER_DAYS,
  applySubscriptionEvent,
  isPlanId,
  trialReminderDue,
} from '@cb/domain';
import { renderTrialReminderEmail, type Mailer } from '@cb/notifications';
import {
  toSubscription,
  type AlertSettingsRepository,
  type SubscriptionEntity,
  type SubscriptionsRepository,
  type TenantDb,
  type TenantsRepository,
  type TrialsToCheckQuery,
  type UsersRepository,
} from '@cb/persistence';

/**
 * The daily rhythm of trials (run hourly): a trial past its end becomes `expired` (the tenant keeps read access
 * and all data; writes answer 402), and owners get one e-mail TRIAL_REMINDER_DAYS before the trial ends.
 */
export class CheckTrials {
  private readonly logger = new Logger(CheckTrials.name);

  constructor(
    private readonly trials: TrialsToCheckQuery,
    private readonly db: TenantDb,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly tenants: TenantsRepository,
    private readonly users: UsersRepository,
    private readonly alertSettings: AlertSettingsRepository,
    private readonly mailer: Mailer,
    private readonly options: { appUrl: string },
  ) {}

  async execute(now = new Date()): Promise<{ expired: number; reminded: number }> {
    let expired = 0;
    let reminded = 0;
    for (const tenantId of await this.trials.run(now, TRIAL_REMINDER_DAYS)) {
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
    const language = (await this.alertSettings.get(tenantId))?.language;
    for (const owner of owners) {
      await this.mailer.send({
        to: owner.email,
        ...renderTrialReminderEmail({
          ownerName: owner.name,
          company: tenant?.name ?? null,
          endDate: ends.toISOString().slice(0, 10),
          days,
          link: `${this.options.appUrl}/settings/subscription`,
          language,
        }),
        messageId: `<trial-reminder.${tenantId}@contract-bank>`,
      });
    }
  }
}
