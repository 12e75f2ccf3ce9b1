import { Global, Module } from '@nestjs/common';
import { BILLING } from '@cb/domain';
import { AuditEventsRepository, SubscriptionChangeStore, TenantDb } from '@cb/persistence';
import { ManualBillingProvider } from './manual-billing.provider';
import { PlanLimitsService } from './plan-limits.service';
import { SubscriptionGateGuard } from './subscription-gate.guard';

/** Global: the subscription gate (an app guard) and plan limits are used across features. */
@Global()
@Module({
  providers: [
    {
      provide: SubscriptionChangeStore,
      inject: [TenantDb, AuditEventsRepository],
      useFactory: (db: TenantDb, audit: AuditEventsRepository) => new SubscriptionChangeStore(db, audit),
    },
    { provide: BILLING, useFactory: () => new ManualBillingProvider() },
    PlanLimitsService,
    SubscriptionGateGuard,
  ],
  exports: [SubscriptionChangeStore, BILLING, PlanLimitsService, SubscriptionGateGuard],
})
export class BillingModule {}
