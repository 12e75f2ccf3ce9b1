import Stripe from 'stripe';
import request from 'supertest';
import { signUp, type SignedUp } from '../support/api-client';
import { startStripeEndpoint } from '../support/stripe-endpoint';
import { startTestServer, type TestServer } from '../support/test-server';

const WEBHOOK_SECRET = 'whsec_test_contract_bank_e2e';
const stripe = new Stripe('sk_test_unused');

// Tests sign up companies (argon2) and make many requests while other suites share the machine.
jest.setTimeout(60_000);

describe('Stripe webhook: signed events move the subscription, once each', () => {
  let server: TestServer;
  let stripeApi: Awaited<ReturnType<typeof startStripeEndpoint>>;
  let a: SignedUp;
  let b: SignedUp;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  let seq = 0;

  beforeAll(async () => {
    stripeApi = await startStripeEndpoint({
      'POST /v1/checkout/sessions': (call) => ({
        id: `cs_test_${call.form['metadata[tenantId]']}`,
        object: 'checkout.session',
        url: `https://checkout.stripe.com/c/pay/cs_test_${call.form['metadata[plan]']}`,
      }),
      'GET /v1/invoices': (call) => ({
        object: 'list',
        has_more: false,
        url: '/v1/invoices',
        data:
          call.form.customer === 'cus_test_c'
            ? [
                {
                  id: 'in_test_1',
                  object: 'invoice',
                  number: 'ABCD-0001',
                  status: 'paid',
                  total: 249_738,
                  currency: 'eur',
                  created: Math.floor(Date.parse('2030-01-01T00:00:00Z') / 1000),
                  total_taxes: [{ amount: 50_738 }],
                  hosted_invoice_url: 'https://invoice.stripe.com/i/in_test_1',
                  invoice_pdf: 'https://pay.stripe.com/invoice/in_test_1/pdf',
                  lines: {
                    object: 'list',
                    data: [
                      {
                        description: '1 × Contract Bank Business (at €1,990.00 / year)',
                        period: { start: 1_893_456_000, end: 1_924_992_000 },
                      },
                    ],
                  },
                },
              ]
            : [],
      }),
      'GET /v1/subscriptions/:id': () => ({
        id: 'sub_test_c',
        object: 'subscription',
        items: {
          object: 'list',
          data: [{ id: 'si_test_c', price: { id: 'price_1', product: 'prod_business' } }],
        },
      }),
      'POST /v1/subscriptions/:id': () => ({ id: 'sub_test_c', object: 'subscription' }),
    });
    server = await startTestServer({
      worker: false,
      env: {
        STRIPE_SECRET_KEY: 'sk_test_contract_bank',
        STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
        STRIPE_API_URL: stripeApi.url,
      },
    });
    a = await signUp(server.url);
    b = await signUp(server.url);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await stripeApi?.close();
  }, 60_000);

  function event(type: string, object: Record<string, unknown>, id = `evt_test_${++seq}`) {
    return {
      id,
      object: 'event',
      type,
      api_version: '2025-01-01',
      created: Math.floor(Date.now() / 1000),
      data: { object },
    };
  }
  /** Posts the event signed by the stripe library itself, as Stripe would. */
  function deliver(evt: unknown, secret = WEBHOOK_SECRET) {
    const payload = JSON.stringify(evt);
    const header = stripe.webhooks.generateTestHeaderString({ payload, secret });
    return request(server.url)
      .post('/v1/billing/webhook')
      .set('Content-Type', 'application/json')
      .set('Stripe-Signature', header)
      .send(payload);
  }
  const subscription = async (token: string) =>
    (await request(server.url).get('/v1/subscription').set(auth(token))).body;
  const invoice = (tenantId: string, periodEnd?: number) => ({
    object: 'invoice',
    parent: {
      type: 'subscription_details',
      subscription_details: { metadata: { tenantId, plan: 'starter' }, subscription: 'sub_1' },
    },
    lines: {
      object: 'list',
      data: periodEnd ? [{ period: { start: periodEnd - 2_592_000, end: periodEnd } }] : [],
    },
  });

  it('choosing a plan opens a Checkout session created server-side; nothing changes until the signed webhook', async () => {
    const c = await signUp(server.url);
    const res = await request(server.url)
      .post('/v1/subscription')
      .set(auth(c.token))
      .send({ plan: 'business', interval: 'year' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      plan: 'trial',
      status: 'trialing',
      checkoutUrl: 'https://checkout.stripe.com/c/pay/cs_test_business',
      order: null,
      quote: { provider: 'stripe', kind: 'subscribe', price: { amount: 1990, currency: 'EUR' } },
    });
    const call = stripeApi.calls.find(
      (x) => x.path === '/v1/checkout/sessions' && x.form['metadata[tenantId]'] === c.tenantId,
    )!;
    expect(call.auth).toBe('Bearer sk_test_contract_bank');
    expect(call.form).toMatchObject({
      mode: 'subscription',
      client_reference_id: c.tenantId,
      customer_email: c.email,
      'line_items[0][price_data][unit_amount]': '199000',
      'line_items[0][price_data][recurring][interval]': 'year',
      'metadata[plan]': 'business',
      'metadata[interval]': 'year',
      'subscription_data[metadata][tenantId]': c.tenantId,
    });
    // Still a trial: only the signed webhook of the paid checkout applies the plan, exactly once.
    expect(await subscription(c.token)).toMatchObject({ plan: 'trial', status: 'trialing' });
    const paid = event('checkout.session.completed', {
      object: 'checkout.session',
      mode: 'subscription',
      payment_status: 'paid',
      customer: 'cus_test_c',
      subscription: 'sub_test_c',
      metadata: { tenantId: c.tenantId, plan: 'business', interval: 'year' },
    });
    expect((await deliver(paid)).body).toEqual({ received: true, applied: true });
    expect((await deliver(paid)).body).toEqual({ received: true, applied: false });
    const active = await subscription(c.token);
    expect(active).toMatchObject({ plan: 'business', status: 'active', interval: 'year' });
    // A yearly price pays for a year.
    expect(Date.parse(active.currentPeriodEnd)).toBeGreaterThan(Date.now() + 364 * 86_400_000);
    const events = (
      await request(server.url).get('/v1/audit-events').set(auth(c.token))
    ).body.data.map((e: { action: string }) => e.action);
    expect(events.filter((x: string) => x === 'subscription.plan_changed')).toHaveLength(1);
    expect(events).toContain('billing.checkout_started');
  });

  it("lists Stripe's invoices, cancels at the period end and reactivates at Stripe, and changes plan with proration", async () => {
    // A paid checkout: Stripe customer cus_test_c, subscription sub_test_c (the endpoint above knows them).
    const c = await signUp(server.url);
    await deliver(
      event('checkout.session.completed', {
        object: 'checkout.session',
        mode: 'subscription',
        payment_status: 'paid',
        customer: 'cus_test_c',
        subscription: 'sub_test_c',
        metadata: { tenantId: c.tenantId, plan: 'business', interval: 'year' },
      }),
    );
    const list = await request(server.url).get('/v1/subscription/invoices').set(auth(c.token));
    expect(list.status).toBe(200);
    expect(list.body.data).toEqual([
      expect.objectContaining({
        id: 'in_test_1',
        number: 'ABCD-0001',
        status: 'paid',
        source: 'stripe',
        total: { amount: 2497.38, currency: 'EUR' },
        vat: { amount: 507.38, currency: 'EUR' },
        hostedUrl: 'https://invoice.stripe.com/i/in_test_1',
        pdfUrl: 'https://pay.stripe.com/invoice/in_test_1/pdf',
      }),
    ]);
    expect(
      stripeApi.calls.some((x) => x.path === '/v1/invoices' && x.form.customer === 'cus_test_c'),
    ).toBe(true);

    const updates = () =>
      stripeApi.calls.filter(
        (x) => x.method === 'POST' && x.path === '/v1/subscriptions/sub_test_c',
      );
    expect(
      (await request(server.url).post('/v1/subscription/cancel').set(auth(c.token))).body.status,
    ).toBe('canceled');
    expect(updates().at(-1)!.form).toEqual({ cancel_at_period_end: 'true' });
    expect(
      (await request(server.url).post('/v1/subscription/reactivate').set(auth(c.token))).body
        .status,
    ).toBe('active');
    expect(updates().at(-1)!.form).toEqual({ cancel_at_period_end: 'false' });

    // A downgrade to Starter yearly: quoted first, then confirmed; Stripe prorates and invoices.
    const quote = (
      await request(server.url)
        .get('/v1/subscription/quote')
        .query({ plan: 'starter', interval: 'year' })
        .set(auth(c.token))
    ).body;
    expect(quote).toMatchObject({
      kind: 'change',
      provider: 'stripe',
      proration: { unusedFraction: expect.any(Number) },
    });
    expect(quote.credit.amount).toBeGreaterThan(0);
    const unconfirmed = await request(server.url)
      .post('/v1/subscription')
      .set(auth(c.token))
      .send({ plan: 'starter', interval: 'year' });
    expect(unconfirmed.status).toBe(400);
    expect(unconfirmed.body.errors).toEqual([{ field: 'confirm', message: expect.any(String) }]);
    const changed = await request(server.url)
      .post('/v1/subscription')
      .set(auth(c.token))
      .send({ plan: 'starter', interval: 'year', confirm: true });
    expect(changed.body).toMatchObject({
      plan: 'starter',
      status: 'active',
      interval: 'year',
      checkoutUrl: null,
    });
    expect(updates().at(-1)!.form).toMatchObject({
      'items[0][id]': 'si_test_c',
      'items[0][price_data][product]': 'prod_business',
      'items[0][price_data][unit_amount]': '49000',
      'items[0][price_data][recurring][interval]': 'year',
      proration_behavior: 'always_invoice',
      'metadata[plan]': 'starter',
    });
    const actions = (await request(server.url).get('/v1/audit-events').set(auth(c.token))).body.data
      .filter((e: { action: string }) => e.action === 'subscription.plan_changed')
      .map((e: { data: { event: string } }) => e.data.event);
    expect(actions.slice(0, 3)).toEqual(['choosePlan', 'reactivate', 'cancel']);
  });

  it('refuses unsigned, wrongly signed and tampered payloads with 400', async () => {
    const evt = event('checkout.session.completed', {
      object: 'checkout.session',
      mode: 'subscription',
      payment_status: 'paid',
      metadata: { tenantId: a.tenantId, plan: 'business' },
    });
    const unsigned = await request(server.url).post('/v1/billing/webhook').send(evt);
    expect(unsigned.status).toBe(400);
    expect((await deliver(evt, 'whsec_someone_else')).status).toBe(400);
    const payload = JSON.stringify(evt);
    const header = stripe.webhooks.generateTestHeaderString({ payload, secret: WEBHOOK_SECRET });
    const tampered = await request(server.url)
      .post('/v1/billing/webhook')
      .set('Content-Type', 'application/json')
      .set('Stripe-Signature', header)
      .send(payload.replace('business', 'starter'));
    expect(tampered.status).toBe(400);
    expect(tampered.body.errors[0].field).toBe('stripe-signature');
    expect((await subscription(a.token)).plan).toBe('trial');
  });

  it('activates on a completed checkout, extends on paid invoices, and applies each event id once', async () => {
    const done = event('checkout.session.completed', {
      object: 'checkout.session',
      mode: 'subscription',
      payment_status: 'paid',
      metadata: { tenantId: a.tenantId, plan: 'starter' },
    });
    const first = await deliver(done);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ received: true, applied: true });
    expect(await subscription(a.token)).toMatchObject({ plan: 'starter', status: 'active' });
    const again = await deliver(done);
    expect(again.body).toEqual({ received: true, applied: false });

    const periodEnd = Math.floor(Date.parse('2099-03-01T00:00:00Z') / 1000);
    const paid = event('invoice.paid', invoice(a.tenantId, periodEnd));
    expect((await deliver(paid)).body).toEqual({ received: true, applied: true });
    expect((await deliver(paid)).body).toEqual({ received: true, applied: false });
    expect(await subscription(a.token)).toMatchObject({
      status: 'active',
      currentPeriodEnd: '2099-03-01T00:00:00.000Z',
    });

    const events = (
      await request(server.url).get('/v1/audit-events').set(auth(a.token))
    ).body.data.filter((e: { action: string }) => e.action === 'subscription.plan_changed');
    expect(events).toHaveLength(2);
    expect(events[0]).toMatchObject({
      actor: { type: 'system', id: 'stripe' },
      data: { dedupeKey: `stripe:${paid.id}`, event: 'paymentSucceeded' },
    });
    // B was never touched.
    expect(await subscription(b.token)).toMatchObject({ plan: 'trial', status: 'trialing' });
  });

  it('marks failed payments past_due and cancels on subscription deletion', async () => {
    const c = await signUp(server.url);
    await deliver(
      event('checkout.session.completed', {
        object: 'checkout.session',
        mode: 'subscription',
        payment_status: 'paid',
        metadata: { tenantId: c.tenantId, plan: 'business' },
      }),
    );
    expect((await deliver(event('invoice.payment_failed', invoice(c.tenantId)))).body.applied).toBe(
      true,
    );
    expect(await subscription(c.token)).toMatchObject({ plan: 'business', status: 'past_due' });
    expect(
      (
        await deliver(
          event('customer.subscription.deleted', {
            object: 'subscription',
            metadata: { tenantId: c.tenantId, plan: 'business' },
          }),
        )
      ).body.applied,
    ).toBe(true);
    expect((await subscription(c.token)).status).toBe('canceled');
  });

  it('acknowledges and ignores events it does not act on, for unknown tenants, or that do not fit the state', async () => {
    expect((await deliver(event('customer.created', { object: 'customer' }))).body).toEqual({
      received: true,
      applied: false,
    });
    const nobody = event('checkout.session.completed', {
      object: 'checkout.session',
      mode: 'subscription',
      payment_status: 'paid',
      metadata: { tenantId: '00000000-0000-4000-8000-000000000000', plan: 'starter' },
    });
    expect((await deliver(nobody)).body).toEqual({ received: true, applied: false });
    const unpaid = event('checkout.session.completed', {
      object: 'checkout.session',
      mode: 'subscription',
      payment_status: 'unpaid',
      metadata: { tenantId: b.tenantId, plan: 'starter' },
    });
    expect((await deliver(unpaid)).body.applied).toBe(false);
    // A failed payment on a trial is not a state change: acknowledged, nothing changes.
    expect((await deliver(event('invoice.payment_failed', invoice(b.tenantId)))).body).toEqual({
      received: true,
      applied: false,
    });
    expect(await subscription(b.token)).toMatchObject({ plan: 'trial', status: 'trialing' });
  });
});
