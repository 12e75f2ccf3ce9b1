import { TRIAL_PLAN_ID, isBillingInterval, isPlanId, type SubscriptionEvent } from '@cb/domain';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface StripeEventLike {
  id: string;
  type: string;
  data: { object: unknown };
}

/** What the subscription row keeps from Stripe alongside the state-machine event. */
export interface StripeBillingDetails {
  interval?: 'month' | 'year';
  stripeCustomerId?: string;
  stripeSubscriptionId?: string;
}

export interface MappedStripeEvent {
  tenantId: string;
  event: SubscriptionEvent;
  details?: StripeBillingDetails;
}

const idOf = (v: unknown): string | undefined =>
  typeof v === 'string' ? v : typeof obj(v).id === 'string' ? (obj(v).id as string) : undefined;

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' ? (v as Obj) : {});

function tenantOf(metadata: unknown): string | null {
  const id = obj(metadata).tenantId;
  return typeof id === 'string' && UUID.test(id) ? id : null;
}

/** An invoice's subscription metadata: `parent.subscription_details` (current API) or `subscription_details` (older). */
function invoiceMetadata(invoice: Obj): unknown {
  return (
    obj(obj(invoice.parent).subscription_details).metadata ??
    obj(invoice.subscription_details).metadata ??
    invoice.metadata
  );
}

function invoicePeriodEnd(invoice: Obj): Date | undefined {
  const line = (obj(invoice.lines).data as unknown[] | undefined)?.[0];
  const end = obj(obj(line).period).end;
  return typeof end === 'number' && end > 0 ? new Date(end * 1000) : undefined;
}

/**
 * Translates the Stripe events we act on into subscription state-machine events; `null` for the rest
 * (and for events without our tenant metadata), which the webhook acknowledges and ignores.
 */
export function mapStripeEvent(e: StripeEventLike): MappedStripeEvent | null {
  const o = obj(e.data?.object);
  switch (e.type) {
    case 'checkout.session.completed': {
      const tenantId = tenantOf(o.metadata);
      const plan = obj(o.metadata).plan;
      if (!tenantId || !isPlanId(plan) || plan === TRIAL_PLAN_ID || o.mode !== 'subscription')
        return null;
      if (o.payment_status !== 'paid' && o.payment_status !== 'no_payment_required') return null;
      const interval = obj(o.metadata).interval;
      const details: StripeBillingDetails = {
        ...(isBillingInterval(interval) ? { interval } : {}),
        ...(idOf(o.customer) ? { stripeCustomerId: idOf(o.customer) } : {}),
        ...(idOf(o.subscription) ? { stripeSubscriptionId: idOf(o.subscription) } : {}),
      };
      return {
        tenantId,
        event: { type: 'choosePlan', plan },
        ...(Object.keys(details).length ? { details } : {}),
      };
    }
    case 'invoice.paid':
    case 'invoice.payment_succeeded': {
      const tenantId = tenantOf(invoiceMetadata(o));
      return tenantId
        ? { tenantId, event: { type: 'paymentSucceeded', periodEnd: invoicePeriodEnd(o) } }
        : null;
    }
    case 'invoice.payment_failed': {
      const tenantId = tenantOf(invoiceMetadata(o));
      return tenantId ? { tenantId, event: { type: 'paymentFailed' } } : null;
    }
    case 'customer.subscription.deleted': {
      const tenantId = tenantOf(o.metadata);
      return tenantId ? { tenantId, event: { type: 'cancel' } } : null;
    }
    default:
      return null;
  }
}
