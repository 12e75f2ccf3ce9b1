import { Logger } from '@nestjs/common';
import { renderBillingEmail, type BillingNotice, type Mailer } from '@cb/notifications';
import type { AlertSettingsRepository, TenantsRepository, UsersRepository } from '@cb/persistence';

/**
 * E-mails every owner of a tenant about a subscription change, in the tenant's e-mail language. Called after
 * the change committed: a failed send is logged and does not undo the change (the audit trail has it).
 */
export class BillingNotices {
  private readonly logger = new Logger(BillingNotices.name);

  constructor(
    private readonly tenants: TenantsRepository,
    private readonly users: UsersRepository,
    private readonly alertSettings: AlertSettingsRepository,
    private readonly mailer: Mailer,
    private readonly options: { appUrl: string },
  ) {}

  async notifyOwners(tenantId: string, notice: BillingNotice, messageKey: string): Promise<number> {
    const [tenant, owners, settings] = await Promise.all([
      this.tenants.get(tenantId),
      this.users.find(tenantId, { role: 'owner' }),
      this.alertSettings.get(tenantId),
    ]);
    let sent = 0;
    for (const owner of owners) {
      try {
        await this.mailer.send({
          to: owner.email,
          ...renderBillingEmail({
            notice,
            ownerName: owner.name,
            company: tenant?.name ?? '',
            link: `${this.options.appUrl}/settings/subscription`,
            language: settings?.language,
          }),
          messageId: `<billing.${messageKey}.${owner.id}@contract-bank>`,
        });
        sent++;
      } catch (err) {
        this.logger.warn(
          { tenantId, kind: notice.kind, err: (err as Error).message },
          'Billing e-mail to an owner failed',
        );
      }
    }
    return sent;
  }
}
