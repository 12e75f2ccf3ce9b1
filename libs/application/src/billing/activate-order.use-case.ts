import {
  DomainError,
  DomainErrorCode,
  NotFoundError,
  periodEnd as periodEndOf,
  planOf,
  type PlanCatalogue,
} from '@cb/domain';
import type {
  BillingInvoiceEntity,
  BillingInvoicesRepository,
  BillingOrdersQuery,
  BillingOrdersRepository,
  SubscriptionChangeStore,
  TenantDb,
} from '@cb/persistence';
import type { Actor } from '../audit/actor';
import type { AuditTrail } from '../audit/audit-trail.service';
import type { BillingNotices } from './billing-notices.service';
import { toMoney } from '../subscription/list-plans.use-case';

/** Days an invoice of the manual provider is payable in. */
export const INVOICE_PAYMENT_DAYS = 14;
const DAY_MS = 86_400_000;

export interface ActivatedOrder {
  orderId: string;
  tenantId: string;
  plan: string;
  status: string;
  currentPeriodEnd: string | null;
  invoice: { id: string; number: string; totalMinor: number; dueAt: string } | null;
}

/**
 * The operator's activation of a pending manual order (`contract-bank billing activate <orderId>`): the plan
 * applies, a new period starts (or a change keeps the period, unless the interval changed), an invoice is
 * issued for what the customer confirmed, all in one transaction and at most once per order; then the owners
 * are e-mailed.
 */
export class ActivateOrder {
  constructor(
    private readonly db: TenantDb,
    private readonly lookup: BillingOrdersQuery,
    private readonly orders: BillingOrdersRepository,
    private readonly invoices: BillingInvoicesRepository,
    private readonly subscriptions: SubscriptionChangeStore,
    private readonly audit: AuditTrail,
    private readonly notices: BillingNotices,
    private readonly options: { plans: PlanCatalogue },
  ) {}

  async execute(input: {
    orderId: string;
    actor: Actor;
    /** The end of the first paid period, when agreed otherwise than one interval from now. */
    until?: Date;
    now?: Date;
  }): Promise<ActivatedOrder> {
    const now = input.now ?? new Date();
    const tenantId = await this.lookup.tenantOf(input.orderId);
    if (!tenantId) throw new NotFoundError('Order');
    const result = await this.db.run(tenantId, async () => {
      const order = await this.orders.lockForUpdate(tenantId, input.orderId);
      if (!order) throw new NotFoundError('Order');
      if (order.status !== 'pending')
        throw new DomainError(
          DomainErrorCode.InvalidState,
          `order ${order.id} is ${order.status}, not pending: nothing was changed`,
        );
      const before = await this.subscriptions.get(tenantId);
      const change = before.status === 'active';
      const stored = order.proration as { periodEnd?: string } | null;
      const end = change
        ? stored?.periodEnd
          ? new Date(stored.periodEnd)
          : (before.currentPeriodEnd ?? periodEndOf(now, order.interval))
        : (input.until ?? periodEndOf(now, order.interval));
      const sub = await this.subscriptions.apply(
        tenantId,
        { type: 'choosePlan', plan: order.plan, periodEnd: end },
        now,
        input.actor,
        { interval: order.interval },
      );
      let invoice: BillingInvoiceEntity | null = null;
      if (order.totalMinor > 0) {
        const plan = planOf(this.options.plans, order.plan);
        invoice = await this.invoices.insert(tenantId, {
          orderId: order.id,
          number: await this.invoices.nextNumber(tenantId, now),
          status: 'open',
          description: change
            ? `Contract Bank ${plan.name}: change of plan, prorated to ${end.toISOString().slice(0, 10)}`
            : `Contract Bank ${plan.name}, ${order.interval === 'year' ? 'yearly' : 'monthly'}: ${now.toISOString().slice(0, 10)} to ${end.toISOString().slice(0, 10)}`,
          company: order.company,
          billingName: order.billingName,
          billingEmail: order.billingEmail,
          vatId: order.vatId,
          currency: order.currency,
          netMinor: order.netMinor,
          vatMinor: order.vatMinor,
          totalMinor: order.totalMinor,
          vatRate: order.vatRate,
          reverseCharge: order.reverseCharge,
          periodStart: now,
          periodEnd: end,
          issuedAt: now,
          dueAt: new Date(now.getTime() + INVOICE_PAYMENT_DAYS * DAY_MS),
          paidAt: null,
        });
      }
      await this.orders.update(tenantId, { id: order.id }, { status: 'activated', decidedAt: now });
      await this.audit.record(tenantId, 'billing.order_activated', {
        actor: input.actor,
        targetType: 'billing_order',
        targetId: order.id,
        data: {
          plan: order.plan,
          interval: order.interval,
          currentPeriodEnd: sub.currentPeriodEnd?.toISOString() ?? null,
          invoiceNumber: invoice?.number ?? null,
          totalMinor: order.totalMinor,
        },
      });
      return { order, sub, invoice };
    });
    const { order, sub, invoice } = result;
    const planName = planOf(this.options.plans, order.plan).name;
    await this.notices.notifyOwners(
      tenantId,
      {
        kind: 'activated',
        plan: planName,
        periodEnd: sub.currentPeriodEnd!.toISOString(),
        invoiceNumber: invoice?.number ?? null,
        invoiceTotal: invoice ? toMoney(invoice.totalMinor) : null,
        dueDate: invoice?.dueAt.toISOString() ?? null,
      },
      `activated.${order.id}`,
    );
    return {
      orderId: order.id,
      tenantId,
      plan: sub.plan,
      status: sub.status,
      currentPeriodEnd: sub.currentPeriodEnd?.toISOString() ?? null,
      invoice: invoice
        ? {
            id: invoice.id,
            number: invoice.number,
            totalMinor: invoice.totalMinor,
            dueAt: invoice.dueAt.toISOString(),
          }
        : null,
    };
  }
}
