import {
  applySubscriptionEvent,
  planOf,
  type BillingPort,
  type PlanCatalogue,
  type Subscription,
} from '@cb/domain';
import {
  toSubscription,
  type BillingOrdersRepository,
  type SubscriptionChangeStore,
  type TenantDb,
} from '@cb/persistence';
import type { Actor } from '../audit/actor';
import type { BillingNotices } from './billing-notices.service';

/**
 * POST /v1/subscription/cancel and /reactivate: cancel at the period end (everything works until then, and an
 * open order is withdrawn), or take the cancellation back before the period ends. With Stripe, Stripe's
 * subscription gets `cancel_at_period_end` first, so it neither charges again nor stays canceled by mistake.
 * The state machine decides what is allowed (409 otherwise); the change is audited and e-mailed to the owners.
 */
export class ChangeCancellation {
  constructor(
    private readonly db: TenantDb,
    private readonly subscriptions: SubscriptionChangeStore,
    private readonly orders: BillingOrdersRepository,
    private readonly notices: BillingNotices,
    private readonly billing: BillingPort,
    private readonly options: { plans: PlanCatalogue },
  ) {}

  async execute(input: {
    tenantId: string;
    actor: Actor;
    cancel: boolean;
    now?: Date;
  }): Promise<Subscription> {
    const now = input.now ?? new Date();
    const row = await this.subscriptions.row(input.tenantId);
    // Checked by the state machine before Stripe is told anything: a refused change touches nothing.
    applySubscriptionEvent(
      toSubscription(row),
      { type: input.cancel ? 'cancel' : 'reactivate' },
      now,
    );
    if (this.billing.provider === 'stripe' && row.stripeSubscriptionId)
      await this.billing.setCancelAtPeriodEnd(
        { customerId: row.stripeCustomerId, subscriptionId: row.stripeSubscriptionId },
        input.cancel,
      );
    const sub = await this.db.run(input.tenantId, async () => {
      const after = await this.subscriptions.apply(
        input.tenantId,
        { type: input.cancel ? 'cancel' : 'reactivate' },
        now,
        input.actor,
      );
      if (input.cancel) await this.orders.withdrawPending(input.tenantId, now);
      return after;
    });
    const plan = planOf(this.options.plans, sub.plan).name;
    const periodEnd = sub.currentPeriodEnd?.toISOString() ?? null;
    await this.notices.notifyOwners(
      input.tenantId,
      input.cancel
        ? { kind: 'canceled', plan, periodEnd }
        : { kind: 'reactivated', plan, periodEnd },
      `${input.cancel ? 'canceled' : 'reactivated'}.${now.getTime()}`,
    );
    return sub;
  }
}
