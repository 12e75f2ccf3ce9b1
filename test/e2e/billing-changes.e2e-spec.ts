import request from 'supertest';
import { billingCli } from '../support/billing-cli';
import { signUp, type SignedUp } from '../support/api-client';
import { queryOnce } from '../support/database';
import { startSmtpCapture } from '../support/smtp-capture';
import { startTestServer, type TestServer } from '../support/test-server';

jest.setTimeout(60_000);

const DAY = 86_400_000;

describe('manual billing after the order: invoices and receipts, prorated plan change, cancel and reactivate', () => {
  let server: TestServer;
  let smtp: Awaited<ReturnType<typeof startSmtpCapture>>;
  let smtpUrl: string;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const ORDER = {
    billingContact: { name: 'Laura Laskuttaja', email: 'invoices@gamma.example' },
    vatId: 'FI12345678',
    confirm: true,
  };

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    smtpUrl = smtp.url;
    server = await startTestServer({ worker: false, env: { SMTP_URL: smtpUrl } });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  }, 60_000);

  const cli = () => billingCli(server.db.url, smtpUrl);
  const mails = (to: string) => smtp.to(to);
  const subscription = async (a: SignedUp) =>
    (await request(server.url).get('/v1/subscription').set(auth(a.token))).body;
  const invoices = async (a: SignedUp) =>
    (await request(server.url).get('/v1/subscription/invoices').set(auth(a.token))).body.data;
  const subscribed = async (company: string) => {
    const a = await signUp(server.url, { company });
    const res = await request(server.url)
      .post('/v1/subscription')
      .set(auth(a.token))
      .send({ plan: 'starter', ...ORDER });
    const c = cli();
    expect(await c.activate.run([res.body.order.id], c.io)).toBe(0);
    return a;
  };

  it('lists the invoice issued on activation, and the receipt once the operator records the payment', async () => {
    const a = await subscribed('Gamma Oy');
    const [invoice] = await invoices(a);
    expect(invoice).toMatchObject({
      number: expect.stringMatching(/^CB-\d{4}-\d{6}$/),
      status: 'open',
      source: 'manual',
      net: { amount: 49, currency: 'EUR' },
      vat: { amount: 12.5, currency: 'EUR' },
      total: { amount: 61.5, currency: 'EUR' },
      vatRatePercent: 25.5,
      reverseCharge: false,
      paidAt: null,
    });
    expect(Date.parse(invoice.dueAt) - Date.parse(invoice.issuedAt)).toBe(14 * DAY);
    const c = cli();
    expect(await c.paid.run([invoice.number], c.io)).toBe(0);
    expect((await invoices(a))[0]).toMatchObject({ status: 'paid', paidAt: expect.any(String) });
    expect(await c.paid.run([invoice.number], c.io)).toBe(1);
    expect(c.err.join('\n')).toMatch(/is paid: nothing was changed/);
    const receipt = mails(a.email).find((m) => /Receipt/.test(m.subject ?? ''))!;
    expect(receipt.text).toContain(`we received €61.50 for invoice ${invoice.number}`);
    const actions = (
      await request(server.url).get('/v1/audit-events').set(auth(a.token))
    ).body.data.map((e: { action: string }) => e.action);
    expect(actions).toContain('billing.invoice_paid');
    // Invoices are the owner's business: another tenant sees none of them, an API key cannot list them.
    const other = await signUp(server.url);
    expect(await invoices(other)).toEqual([]);
    const { body: key } = await request(server.url)
      .post('/v1/api-keys')
      .set(auth(a.token))
      .send({ name: 'k' });
    expect(
      (await request(server.url).get('/v1/subscription/invoices').set(auth(key.key))).status,
    ).toBe(403);
  });

  it('shows the proration of an upgrade before confirming, and invoices exactly that on activation', async () => {
    const a = await subscribed('Delta Oy');
    // Halfway through a 30-day period.
    const now = Date.now();
    await queryOnce(
      server.db.url,
      `UPDATE subscriptions SET current_period_start = $2, current_period_end = $3 WHERE tenant_id = $1`,
      [a.tenantId, new Date(now - 15 * DAY), new Date(now + 15 * DAY)],
    );
    const periodEnd = (await subscription(a)).currentPeriodEnd;
    const quote = (
      await request(server.url)
        .get('/v1/subscription/quote')
        .query({ plan: 'business', interval: 'month', vatId: 'FI12345678' })
        .set(auth(a.token))
    ).body;
    expect(quote).toMatchObject({
      kind: 'change',
      provider: 'manual',
      planName: 'Business',
      periodEnd,
    });
    expect(quote.proration.unusedFraction).toBeCloseTo(0.5, 3);
    expect(quote.proration.credit.amount).toBeCloseTo(24.5, 1);
    expect(quote.proration.charge.amount).toBeCloseTo(99.5, 1);
    expect(quote.dueNow.net.amount).toBeCloseTo(75, 1);
    expect(quote.dueNow.total.amount).toBeCloseTo(94.13, 1);
    expect(quote.recurring.total).toEqual({ amount: 249.75, currency: 'EUR' });

    const ordered = await request(server.url)
      .post('/v1/subscription')
      .set(auth(a.token))
      .send({ plan: 'business', ...ORDER });
    expect(ordered.body).toMatchObject({
      plan: 'starter',
      status: 'active',
      order: { status: 'pending' },
    });
    expect(ordered.body.order.dueNow.total.amount).toBeCloseTo(94.13, 1);
    expect(ordered.body.order.recurringTotal).toEqual({ amount: 249.75, currency: 'EUR' });
    // The same plan again is refused (409), naming the plan.
    const same = await request(server.url)
      .post('/v1/subscription')
      .set(auth(a.token))
      .send({ plan: 'starter', ...ORDER });
    expect(same.status).toBe(409);

    const c = cli();
    expect(await c.activate.run([ordered.body.order.id], c.io)).toBe(0);
    expect(await subscription(a)).toMatchObject({
      plan: 'business',
      status: 'active',
      currentPeriodEnd: periodEnd,
    });
    const [latest] = await invoices(a);
    expect(latest.total.amount).toBeCloseTo(94.13, 1);
    expect(latest.description).toMatch(/change of plan, prorated/);
    expect(await invoices(a)).toHaveLength(2);
  });

  it('cancels at the period end (writes keep working), reactivates before it, and e-mails and audits both', async () => {
    const a = await subscribed('Epsilon AB');
    const before = await subscription(a);
    const canceled = await request(server.url).post('/v1/subscription/cancel').set(auth(a.token));
    expect(canceled.status).toBe(200);
    expect(canceled.body).toMatchObject({
      status: 'canceled',
      plan: 'starter',
      currentPeriodEnd: before.currentPeriodEnd,
    });
    const up = await request(server.url)
      .post('/v1/contracts')
      .set(auth(a.token))
      .attach('file', Buffer.from('SERVICE AGREEMENT between Epsilon AB and Zeta Oy.'), 'a.txt');
    expect(up.status).toBe(202);
    expect(
      (await request(server.url).post('/v1/subscription/cancel').set(auth(a.token))).status,
    ).toBe(409);
    const mail = mails(a.email).find((m) => /canceled/.test(m.subject ?? ''))!;
    expect(mail.text).toMatch(/The Starter subscription of Epsilon AB is canceled and ends on/);

    const back = await request(server.url).post('/v1/subscription/reactivate').set(auth(a.token));
    expect(back.status).toBe(200);
    expect(back.body).toMatchObject({
      status: 'active',
      currentPeriodEnd: before.currentPeriodEnd,
    });
    expect(
      (await request(server.url).post('/v1/subscription/reactivate').set(auth(a.token))).status,
    ).toBe(409);
    expect(
      mails(a.email).some((m) => m.subject === 'Your Contract Bank subscription continues'),
    ).toBe(true);

    const events = (await request(server.url).get('/v1/audit-events').set(auth(a.token))).body.data
      .filter((e: { action: string }) => e.action === 'subscription.plan_changed')
      .map((e: { data: { event: string } }) => e.data.event);
    expect(events.slice(0, 2)).toEqual(['reactivate', 'cancel']);

    // After the period end there is nothing to reactivate: choose a plan instead.
    await request(server.url).post('/v1/subscription/cancel').set(auth(a.token)).expect(200);
    await queryOnce(
      server.db.url,
      `UPDATE subscriptions SET current_period_end = now() - interval '1 minute' WHERE tenant_id = $1`,
      [a.tenantId],
    );
    const late = await request(server.url).post('/v1/subscription/reactivate').set(auth(a.token));
    expect(late.status).toBe(409);
    expect(late.body.detail).toMatch(/choose a plan/);
  });

  it('a trial with nothing paid can be canceled, and its pending order is withdrawn', async () => {
    const a = await signUp(server.url);
    await request(server.url)
      .post('/v1/subscription')
      .set(auth(a.token))
      .send({ plan: 'starter', ...ORDER })
      .expect(200);
    expect((await subscription(a)).pendingOrder).not.toBeNull();
    expect(
      (await request(server.url).post('/v1/subscription/cancel').set(auth(a.token))).body,
    ).toMatchObject({
      status: 'canceled',
      pendingOrder: null,
    });
  });
});
