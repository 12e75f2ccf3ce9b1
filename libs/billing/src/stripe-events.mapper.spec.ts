import { mapStripeEvent } from './stripe-events.mapper';

const tenantId = '3b1f7e0a-2c4d-4e5f-8a9b-0c1d2e3f4a5b';
const evt = (type: string, object: Record<string, unknown>) => ({
  id: 'evt_1',
  type,
  data: { object },
});

describe('mapStripeEvent', () => {
  it('maps a paid subscription checkout to choosePlan for the tenant in its metadata', () => {
    expect(
      mapStripeEvent(
        evt('checkout.session.completed', {
          mode: 'subscription',
          payment_status: 'paid',
          metadata: { tenantId, plan: 'business' },
        }),
      ),
    ).toEqual({ tenantId, event: { type: 'choosePlan', plan: 'business' } });
  });

  it('keeps the Stripe customer, subscription and billing interval of a paid checkout', () => {
    expect(
      mapStripeEvent(
        evt('checkout.session.completed', {
          mode: 'subscription',
          payment_status: 'paid',
          customer: 'cus_1',
          subscription: { id: 'sub_1', object: 'subscription' },
          metadata: { tenantId, plan: 'starter', interval: 'year' },
        }),
      ),
    ).toEqual({
      tenantId,
      event: { type: 'choosePlan', plan: 'starter' },
      details: { interval: 'year', stripeCustomerId: 'cus_1', stripeSubscriptionId: 'sub_1' },
    });
  });

  it('ignores unpaid or one-off checkouts, the trial plan, and metadata that is not a tenant id', () => {
    expect(
      mapStripeEvent(
        evt('checkout.session.completed', {
          mode: 'subscription',
          payment_status: 'unpaid',
          metadata: { tenantId, plan: 'starter' },
        }),
      ),
    ).toBeNull();
    expect(
      mapStripeEvent(
        evt('checkout.session.completed', {
          mode: 'payment',
          payment_status: 'paid',
          metadata: { tenantId, plan: 'starter' },
        }),
      ),
    ).toBeNull();
    expect(
      mapStripeEvent(
        evt('checkout.session.completed', {
          mode: 'subscription',
          payment_status: 'paid',
          metadata: { tenantId, plan: 'trial' },
        }),
      ),
    ).toBeNull();
    expect(
      mapStripeEvent(
        evt('checkout.session.completed', {
          mode: 'subscription',
          payment_status: 'paid',
          metadata: { tenantId: "x' OR 1=1", plan: 'starter' },
        }),
      ),
    ).toBeNull();
  });

  it('reads invoice metadata from parent.subscription_details (current API) and subscription_details (older)', () => {
    const end = Date.parse('2030-02-01T00:00:00Z') / 1000;
    const lines = { data: [{ period: { start: end - 86_400 * 31, end } }] };
    expect(
      mapStripeEvent(
        evt('invoice.paid', {
          parent: { subscription_details: { metadata: { tenantId } } },
          lines,
        }),
      ),
    ).toEqual({
      tenantId,
      event: { type: 'paymentSucceeded', periodEnd: new Date('2030-02-01T00:00:00Z') },
    });
    expect(
      mapStripeEvent(
        evt('invoice.payment_failed', { subscription_details: { metadata: { tenantId } } }),
      ),
    ).toEqual({
      tenantId,
      event: { type: 'paymentFailed' },
    });
  });

  it('maps a deleted subscription to cancel and ignores everything else', () => {
    expect(
      mapStripeEvent(evt('customer.subscription.deleted', { metadata: { tenantId } })),
    ).toEqual({ tenantId, event: { type: 'cancel' } });
    expect(
      mapStripeEvent(evt('customer.subscription.updated', { metadata: { tenantId } })),
    ).toBeNull();
    expect(mapStripeEvent(evt('invoice.paid', {}))).toBeNull();
  });
});
