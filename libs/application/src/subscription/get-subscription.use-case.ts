import {
  TRIAL_PLAN_ID,
  effectiveStatus,
  planOf,
  type PlanCatalogue,
  type Subscription,
} from '@cb/domain';
import { toOrderView, type OrderView } from '../billing/order-view';
import {
  toSubscription,
  type BillingOrdersRepository,
  type ContractsRepository,
  type SubscriptionChangeStore,
  type TenantDb,
  type UsersRepository,
} from '@cb/persistence';

export interface SubscriptionView {
  plan: string;
  planName: string;
  status: string;
  /** The billing period of the paid plan (null on the trial). */
  interval: 'month' | 'year' | null;
  /** A manual order waiting for the operator's activation (the status above is unchanged until then). */
  pendingOrder: OrderView | null;
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
    private readonly orders: BillingOrdersRepository,
    private readonly options: { plans: PlanCatalogue },
  ) {}

  execute(tenantId: string, now = new Date()): Promise<SubscriptionView> {
    return this.db.run(tenantId, async () => {
      const row = await this.subscriptions.row(tenantId);
      // One after another: inside the tenant's transaction all three share one connection, which runs one
      // query at a time anyway (pg deprecates queuing them on a busy client; pg@9 refuses it).
      const contracts = await this.contracts.count(tenantId);
      const users = await this.users.count(tenantId);
      const pending = await this.orders.pending(tenantId);
      return {
        ...this.toView(toSubscription(row), { contracts, users }, now),
        interval: row.plan === TRIAL_PLAN_ID ? null : (row.interval ?? 'month'),
        pendingOrder: pending ? toOrderView(pending, this.options.plans) : null,
      };
    });
  }

  private toView(
    sub: Subscription,
    usage: { contracts: number; users: number },
    now: Date,
  ): Omit<SubscriptionView, 'interval' | 'pendingOrder'> {
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
