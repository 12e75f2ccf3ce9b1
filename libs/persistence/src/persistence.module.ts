import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { createDataSource } from './data-source.factory';
import { ApiKeysRepository } from './repositories/api-keys.repository';
import { AuditEventsRepository } from './repositories/audit-events.repository';
import { ContractsRepository } from './repositories/contracts.repository';
import { DeadlinesRepository } from './repositories/deadlines.repository';
import { IdempotencyRepository } from './repositories/idempotency.repository';
import { InvitationsRepository } from './repositories/invitations.repository';
import { RefreshTokensRepository } from './repositories/refresh-tokens.repository';
import { SubscriptionsRepository } from './repositories/subscriptions.repository';
import { TenantsRepository } from './repositories/tenants.repository';
import { UsersRepository } from './repositories/users.repository';
import { SystemDb, TenantDb } from './tenant-db';
import { AlertSettingsRepository } from './repositories/alert-settings.repository';
import { AlertsRepository } from './repositories/alerts.repository';
import { CalendarFeedsRepository } from './repositories/calendar-feeds.repository';
import { AlertDigestsRepository } from './repositories/alert-digests.repository';
import { WebhooksRepository } from './repositories/webhooks.repository';
import { ContractEventsRepository } from './repositories/contract-events.repository';
import { BillingInvoicesRepository } from './repositories/billing-invoices.repository';
import { BillingOrdersRepository } from './repositories/billing-orders.repository';
import { SubscriptionChangeStore } from './subscription-change.store';
import { PasswordResetsRepository } from './repositories/password-resets.repository';
import { EmailVerificationsRepository } from './repositories/email-verifications.repository';
import { InboxesRepository } from './repositories/inboxes.repository';
import { ImportsRepository } from './repositories/imports.repository';
import { SsoConnectionsRepository } from './repositories/sso-connections.repository';
import { DecisionsRepository } from './repositories/decisions.repository';
import { SnoozesRepository } from './repositories/snoozes.repository';
import { SYSTEM_QUERIES } from './system';

const REPOSITORIES = [
  ContractsRepository,
  DeadlinesRepository,
  IdempotencyRepository,
  RefreshTokensRepository,
  SubscriptionsRepository,
  TenantsRepository,
  UsersRepository,
  ApiKeysRepository,
  InvitationsRepository,
  AuditEventsRepository,
  AlertSettingsRepository,
  AlertsRepository,
  CalendarFeedsRepository,
  AlertDigestsRepository,
  WebhooksRepository,
  ContractEventsRepository,
  BillingOrdersRepository,
  BillingInvoicesRepository,
  PasswordResetsRepository,
  EmailVerificationsRepository,
  InboxesRepository,
  ImportsRepository,
  SsoConnectionsRepository,
  DecisionsRepository,
  SnoozesRepository,
];

/**
 * The database: the application connection (row-level security applies, tenant set per transaction), the
 * owner connection for cross-tenant maintenance, the tenant-scoped repositories and the system queries.
 * Not global: every module that needs the database imports it (directly or through ApplicationModule).
 */
@Module({
  providers: [
    {
      provide: TenantDb,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => {
        const ds = createDataSource({
          url: config.appDatabaseUrl,
          applicationName: 'contract-bank-app',
          poolSize: config.dbPool.size,
          connectTimeoutMs: config.dbPool.connectTimeoutMs,
        });
        return new TenantDb(await ds.initialize());
      },
    },
    {
      provide: SystemDb,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => {
        const ds = createDataSource({
          url: config.databaseUrl,
          poolSize: 2,
          applicationName: 'contract-bank-system',
        });
        return new SystemDb(await ds.initialize());
      },
    },
    ...REPOSITORIES.map((Repo) => ({
      provide: Repo,
      inject: [TenantDb],
      useFactory: (db: TenantDb) => new Repo(db),
    })),
    ...SYSTEM_QUERIES.map((Query) => ({
      provide: Query,
      inject: [SystemDb],
      useFactory: (system: SystemDb) => new Query(system),
    })),
    {
      provide: SubscriptionChangeStore,
      inject: [TenantDb, AuditEventsRepository],
      useFactory: (db: TenantDb, audit: AuditEventsRepository) =>
        new SubscriptionChangeStore(db, audit),
    },
  ],
  exports: [TenantDb, SystemDb, ...REPOSITORIES, ...SYSTEM_QUERIES, SubscriptionChangeStore],
})
export class PersistenceModule implements OnApplicationShutdown {
  constructor(
    @Inject(TenantDb) private readonly tenantDb: TenantDb,
    @Inject(SystemDb) private readonly systemDb: SystemDb,
  ) {}

  async onApplicationShutdown(): Promise<void> {
    await Promise.allSettled([
      this.tenantDb.dataSource.destroy(),
      this.systemDb.dataSource.destroy(),
    ]);
  }
}
