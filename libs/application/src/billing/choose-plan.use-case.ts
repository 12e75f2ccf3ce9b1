import { Logger } from '@nestjs/common';
import { ValidationError, type BillingPort, type FieldError, type PlanCatalogue } from '@cb/domain';
import type {
  BillingOrderEntity,
  BillingOrdersRepository,
  SubscriptionChangeStore,
  TenantDb,
  UsersRepository,
} from '@cb/persistence';
import type { Actor } from '../audit/actor';
import type { AuditTrail } from '../audit/audit-trail.service';
import type { BillingNotices } from './billing-notices.service';
import type { PlanQuote, QuotePlan } from './quote-plan.use-case';
import { toOrderView, type OrderView } from './order-view';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface ChoosePlanInput {
  tenantId: string;
  actor: Actor;
  /** The signed-in owner (their e-mail goes to Stripe Checkout). */
  userId: string | null;
  plan: unknown;
  interval?: unknown;
  billingContact?: { name?: unknown; email?: unknown } | null;
  vatId?: string | null;
  /** The customer saw the quote and confirms it (manual orders and plan changes). */
  confirm?: boolean;
  now?: Date;
}

export interface ChoosePlanResult {
  /** Stripe: pay here; the signed webhook activates the plan. */
  checkoutUrl: string | null;
  /** Manual: the order an operator activates. */
  order: OrderView | null;
  /** A plan change that took effect (Stripe, prorated and invoiced by Stripe). */
  changed: boolean;
  quote: PlanQuote;
}

/**
 * POST /v1/subscription. Nothing becomes active here except an already paid Stripe subscription changing plan:
 * - Stripe, new subscription: a Checkout session; the plan applies only from Stripe's signed webhook.
 * - Stripe, plan change: with `confirm`, Stripe's subscription moves (prorated) and the plan follows.
 * - manual: with a billing contact, a valid VAT id if any, and `confirm`, a pending order (replacing an
 *   earlier pending one) that an operator activates; the subscription stays as it was until then.
 */
export class ChoosePlan {
  private readonly logger = new Logger(ChoosePlan.name);

  constructor(
    private readonly db: TenantDb,
    private readonly quotes: QuotePlan,
    private readonly orders: BillingOrdersRepository,
    private readonly subscriptions: SubscriptionChangeStore,
    private readonly users: UsersRepository,
    private readonly audit: AuditTrail,
    private readonly notices: BillingNotices,
    private readonly billing: BillingPort,
    private readonly options: { plans: PlanCatalogue },
  ) {}

  async execute(input: ChoosePlanInput): Promise<ChoosePlanResult> {
    const now = input.now ?? new Date();
    const facts = await this.quotes.facts({ ...input, now });
    const { quote } = facts;
    const request = {
      tenantId: input.tenantId,
      plan: quote.plan,
      planName: quote.planName,
      interval: quote.interval,
      amountMinor: Math.round(quote.price.amount * 100),
      currency: this.options.plans.currency,
      email: await this.ownerEmail(input),
    };

    if (this.billing.provider === 'stripe') {
      const row = await this.subscriptions.row(input.tenantId);
      if (quote.kind === 'change' && row.stripeSubscriptionId) {
        this.requireConfirmation(input, []);
        const refs = { customerId: row.stripeCustomerId, subscriptionId: row.stripeSubscriptionId };
        await this.billing.changePlan(refs, request);
        await this.subscriptions.apply(
          input.tenantId,
          {
            type: 'choosePlan',
            plan: quote.plan,
            periodEnd: facts.proration ? facts.periodEnd : undefined,
          },
          now,
          input.actor,
          { interval: quote.interval },
        );
        await this.notices.notifyOwners(
          input.tenantId,
          {
            kind: 'planChanged',
            plan: quote.planName,
            interval: quote.interval,
            periodEnd: quote.periodEnd,
          },
          `changed.${now.getTime()}`,
        );
        return { checkoutUrl: null, order: null, changed: true, quote };
      }
      const session = await this.billing.startCheckout(request);
      await this.db.run(input.tenantId, () =>
        this.audit.record(input.tenantId, 'billing.checkout_started', {
          actor: input.actor,
          targetType: 'subscription',
          targetId: input.tenantId,
          data: { plan: quote.plan, interval: quote.interval, sessionId: session.sessionId },
        }),
      );
      return { checkoutUrl: session.url, order: null, changed: false, quote };
    }

    const contact = this.billingContact(input);
    const order = await this.db.run(input.tenantId, async (m) => {
      // Serialises two orders of one tenant: the second withdraws the first instead of colliding with it.
      await this.subscriptions.lock(input.tenantId, m);
      const withdrawn = await this.orders.withdrawPending(input.tenantId, now);
      const created: BillingOrderEntity = await this.orders.insert(input.tenantId, {
        plan: quote.plan,
        interval: quote.interval,
        status: 'pending',
        company: quote.company,
        billingName: contact.name,
        billingEmail: contact.email,
        vatId: quote.vatId,
        currency: this.options.plans.currency,
        netMinor: facts.dueNowAmounts.netMinor,
        vatMinor: facts.dueNowAmounts.vatMinor,
        totalMinor: facts.dueNowAmounts.totalMinor,
        vatRate: facts.dueNowAmounts.vatRatePercent,
        reverseCharge: facts.dueNowAmounts.reverseCharge,
        proration: facts.proration
          ? {
              creditMinor: facts.proration.creditMinor,
              chargeMinor: facts.proration.chargeMinor,
              netMinor: facts.proration.netMinor,
              unusedFraction: facts.proration.unusedFraction,
              periodEnd: facts.periodEnd.toISOString(),
              recurringTotalMinor: facts.amounts.totalMinor,
              fromPlan: facts.currentPlanName,
            }
          : { recurringTotalMinor: facts.amounts.totalMinor },
        createdBy: input.userId,
        decidedAt: null,
      });
      await this.audit.record(input.tenantId, 'billing.order_placed', {
        actor: input.actor,
        targetType: 'billing_order',
        targetId: created.id,
        data: {
          kind: quote.kind,
          plan: quote.plan,
          interval: quote.interval,
          totalMinor: created.totalMinor,
          recurringTotalMinor: facts.amounts.totalMinor,
          vatId: quote.vatId,
          replacedPending: withdrawn > 0,
        },
      });
      return created;
    });
    this.logger.log(
      { tenantId: input.tenantId, orderId: order.id, plan: order.plan },
      'Manual billing order waiting for an operator (contract-bank billing activate <orderId>)',
    );
    await this.notices.notifyOwners(
      input.tenantId,
      {
        kind: 'orderPlaced',
        plan: quote.planName,
        interval: quote.interval,
        total: quote.recurring.total,
        net: quote.recurring.net,
        vatRatePercent: quote.recurring.vatRatePercent,
        reverseCharge: quote.recurring.reverseCharge,
        billingEmail: contact.email,
        dueNow: quote.kind === 'change' ? quote.dueNow.total : null,
      },
      `order.${order.id}`,
    );
    return {
      checkoutUrl: null,
      order: toOrderView(order, this.options.plans),
      changed: false,
      quote,
    };
  }

  private async ownerEmail(input: ChoosePlanInput): Promise<string> {
    if (!input.userId) return '';
    return (await this.users.findOne(input.tenantId, { id: input.userId }))?.email ?? '';
  }

  private billingContact(input: ChoosePlanInput): { name: string; email: string } {
    const errors: FieldError[] = [];
    const name =
      typeof input.billingContact?.name === 'string' ? input.billingContact.name.trim() : '';
    const email =
      typeof input.billingContact?.email === 'string' ? input.billingContact.email.trim() : '';
    if (!name || name.length > 200)
      errors.push({
        field: 'billingContact.name',
        message: 'the billing contact needs a name (up to 200 characters)',
      });
    if (!EMAIL.test(email) || email.length > 320)
      errors.push({
        field: 'billingContact.email',
        message: 'must be an e-mail address for invoices',
      });
    this.requireConfirmation(input, errors);
    return { name, email };
  }

  private requireConfirmation(input: ChoosePlanInput, errors: FieldError[]): void {
    if (input.confirm !== true)
      errors.push({ field: 'confirm', message: 'must be true: confirm the order as quoted' });
    if (errors.length) throw new ValidationError('The order is not complete', errors);
  }
}
