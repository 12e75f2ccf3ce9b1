import { effectiveStatus, planOf, type PlanCatalogue, type Subscription } from '@cb/domain';
import type {
  ContractsRepository,
  SubscriptionChangeStore,
  TenantDb,
  UsersRepository,
} from '@cb/persistence';

export interface SubscriptionView {
  plan: string;
  planName: string;
  status: string;
  trialEndsAt: string | null;
  currentPeriodEnd: string | null;
  limits: { contracts: number | null; users: number | null };
  usage: { contracts: number; users: number };
}

/** GET /v1/subscription: the plan, its status as of now, its limits (from the catalogue) and the usage. */
export class GetSubscription {
  constructor(
    private readonly db: TenantDb,
    private readonly subscriptions: SubscriptionChangeStore,
    private readonly contracts: ContractsRepository,
    private readonly users: UsersRepository,
    private readonly options: { plans: PlanCatalogue },
  ) {}

  execute(tenantId: string, now = new Date()): Promise<SubscriptionView> {
    return this.db.run(tenantId, async () => {
      const sub = await this.subscriptions.get(tenantId);
      const [contracts, users] = await Promise.all([
        this.contracts.count(tenantId),
        this.users.count(tenantId),
      ]);
      return this.toView(sub, { contracts, users }, now);
    });
  }

  toView(
    sub: Subscription,
    usage: { contracts: number; users: number },
    now = new Date(),
  ): SubscriptionView {
    const plan = planOf(this.options.plans, sub.plan);
    return {
      plan: sub.plan,
      planName: plan.name,
      status: effectiveStatus(sub, now),
      trialEndsAt: sub.trialEndsAt?.toISOString() ?? null,
      currentPeriodEnd: sub.currentPeriodEnd?.toISOString() ?? null,
      limits: { ...plan.limits },
      usage,
    };
  }
}
