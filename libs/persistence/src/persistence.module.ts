import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { ContractTermsStore } from './contract-terms.store';
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
];

@Global()
@Module({
  providers: [
    {
      provide: TenantDb,
      inject: [APP_CONFIG],
      useFactory: async (config: AppConfig) => {
        const ds = createDataSource({
          url: config.appDatabaseUrl,
          applicationName: 'contract-bank-app',
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
    {
      provide: ContractTermsStore,
      inject: [TenantDb, ContractsRepository],
      useFactory: (db: TenantDb, contracts: ContractsRepository) =>
        new ContractTermsStore(db, contracts),
    },
  ],
  exports: [TenantDb, SystemDb, ContractTermsStore, ...REPOSITORIES],
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
