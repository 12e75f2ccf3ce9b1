import { Inject, Injectable } from '@nestjs/common';
import {
  BILLING,
  effectiveStatus,
  planLimits,
  type BillingPort,
  type PaidPlanId,
  type Subscription,
} from '@cb/domain';
import {
  ContractsRepository,
  SubscriptionChangeStore,
  TenantDb,
  UsersRepository,
} from '@cb/persistence';
import { actorOf, type Principal } from '../common/auth/principal';

export interface SubscriptionView {
  plan: string;
  status: string;
  trialEndsAt: string | null;
  currentPeriodEnd: string | null;
  limits: { contracts: number; users: number };
  usage: { contracts: number; users: number };
}

@Injectable()
export class SubscriptionService {
  constructor(
    @Inject(TenantDb) private readonly db: TenantDb,
    @Inject(SubscriptionChangeStore) private readonly subscriptions: SubscriptionChangeStore,
    @Inject(ContractsRepository) private readonly contracts: ContractsRepository,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(BILLING) private readonly billing: BillingPort,
  ) {}

  view(tenantId: string): Promise<SubscriptionView> {
    return this.db.run(tenantId, async () => {
      const sub = await this.subscriptions.get(tenantId);
      const [contracts, users] = await Promise.all([
        this.contracts.count(tenantId),
        this.users.count(tenantId),
      ]);
      return toView(sub, { contracts, users });
    });
  }

  /** Starts or changes the paid plan through the billing provider; a checkout URL when payment comes first. */
  async choosePlan(
    principal: Principal,
    plan: PaidPlanId,
  ): Promise<SubscriptionView & { checkoutUrl: string | null }> {
    const user = await this.users.findOne(principal.tenantId, { id: principal.userId });
    const outcome = await this.billing.requestPlan({
      tenantId: principal.tenantId,
      plan,
      email: user?.email ?? '',
    });
    if (outcome.kind === 'activated') {
      await this.subscriptions.apply(
        principal.tenantId,
        { type: 'choosePlan', plan },
        new Date(),
        actorOf(principal),
      );
    }
    return {
      ...(await this.view(principal.tenantId)),
      checkoutUrl: outcome.kind === 'checkout' ? outcome.url : null,
    };
  }
}

function toView(sub: Subscription, usage: { contracts: number; users: number }): SubscriptionView {
  return {
    plan: sub.plan,
    status: effectiveStatus(sub, new Date()),
    trialEndsAt: sub.trialEndsAt?.toISOString() ?? null,
    currentPeriodEnd: sub.currentPeriodEnd?.toISOString() ?? null,
    limits: { ...planLimits(sub.plan) },
    usage,
  };
}
