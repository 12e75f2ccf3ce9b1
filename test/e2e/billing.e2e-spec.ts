import request from 'supertest';
import { createBillingActivateCommand } from '../../apps/cli/src/commands/billing-activate.command';
import { signUp } from '../support/api-client';
import { queryOnce } from '../support/database';
import { startTestServer, type TestServer } from '../support/test-server';

const TXT = Buffer.from(
  'SERVICE AGREEMENT between Alpha Oy and Beta AB. This Agreement starts on 1 January 2025.',
);

// Tests sign up companies (argon2) and make many requests while other suites share the machine.
jest.setTimeout(60_000);

describe('subscription gate, plans, limits and manual billing', () => {
  let server: TestServer;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    server = await startTestServer({ worker: false });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  }, 60_000);

  const expireTrial = (tenantId: string) =>
    queryOnce(
      server.db.url,
      `UPDATE subscriptions SET trial_ends_at = now() - interval '1 day' WHERE tenant_id = $1`,
      [tenantId],
    );
  const upload = (token: string) =>
    request(server.url).post('/v1/contracts').set(auth(token)).attach('file', TXT, 'agreement.txt');

  it('after the trial: reads work, every write answers 402 subscription_required, sign-in still works', async () => {
    const a = await signUp(server.url);
    const { body: key } = await request(server.url)
      .post('/v1/api-keys')
      .set(auth(a.token))
      .send({ name: 'before expiry' });
    const up = await upload(a.token);
    expect(up.status).toBe(202);
    await expireTrial(a.tenantId);

    const sub = await request(server.url).get('/v1/subscription').set(auth(a.token));
    expect(sub.body).toMatchObject({ plan: 'trial', status: 'expired' });
    expect(
      (await request(server.url).get('/v1/contracts').set(auth(a.token))).body.data,
    ).toHaveLength(1);
    expect(
      (await request(server.url).get(`/v1/contracts/${up.body.id}/file`).set(auth(a.token))).status,
    ).toBe(200);
    expect((await request(server.url).get('/v1/contracts').set(auth(key.key))).status).toBe(200);

    const writes = [
      await upload(a.token),
      await upload(key.key),
      await request(server.url)
        .patch(`/v1/contracts/${up.body.id}`)
        .set(auth(a.token))
        .send({ title: 'x' }),
      await request(server.url).delete(`/v1/contracts/${up.body.id}`).set(auth(a.token)),
      await request(server.url)
        .post('/v1/api-keys')
        .set(auth(a.token))
        .send({ name: 'after expiry' }),
      await request(server.url).delete(`/v1/api-keys/${key.id}`).set(auth(a.token)),
    ];
    for (const res of writes) {
      expect(res.status).toBe(402);
      expect(res.body).toMatchObject({ status: 402, code: 'subscription_required' });
    }
    // Nothing was changed by the refused writes.
    expect(
      (await request(server.url).get(`/v1/contracts/${up.body.id}`).set(auth(a.token))).body.title,
    ).toBeNull();

    const refreshed = await request(server.url)
      .post('/v1/auth/refresh')
      .send({ refreshToken: a.refreshToken });
    expect(refreshed.status).toBe(200);
    const login = await request(server.url)
      .post('/v1/auth/login')
      .send({ email: a.email, password: a.password });
    expect(login.status).toBe(200);
    expect(
      (await request(server.url).post('/v1/auth/logout').set(auth(a.token)).send({})).status,
    ).toBe(204);
  });

  it('lets the owner choose a paid plan after expiry, which restores writes and is audited', async () => {
    const a = await signUp(server.url);
    const b = await signUp(server.url);
    await expireTrial(a.tenantId);
    const chosen = await request(server.url)
      .post('/v1/subscription')
      .set(auth(a.token))
      .send({ plan: 'starter' });
    expect(chosen.status).toBe(200);
    expect(chosen.body).toMatchObject({
      plan: 'starter',
      status: 'active',
      limits: { contracts: 500, users: 5 },
      checkoutUrl: null,
    });
    expect(Date.parse(chosen.body.currentPeriodEnd)).toBeGreaterThan(Date.now() + 27 * 86_400_000);
    expect((await upload(a.token)).status).toBe(202);

    // Only A changed.
    expect(
      (await request(server.url).get('/v1/subscription').set(auth(b.token))).body,
    ).toMatchObject({ plan: 'trial', status: 'trialing' });

    const events = await request(server.url).get('/v1/audit-events').set(auth(a.token));
    const change = events.body.data.find(
      (e: { action: string }) => e.action === 'subscription.plan_changed',
    );
    expect(change).toMatchObject({
      actor: { type: 'user', id: a.userId },
      data: {
        event: 'choosePlan',
        from: { plan: 'trial', status: 'trialing' },
        to: { plan: 'starter', status: 'active' },
      },
    });
    expect(JSON.stringify(events.body)).not.toContain(b.tenantId);

    const upgrade = await request(server.url)
      .post('/v1/subscription')
      .set(auth(a.token))
      .send({ plan: 'business' });
    expect(upgrade.body).toMatchObject({
      plan: 'business',
      status: 'active',
      currentPeriodEnd: chosen.body.currentPeriodEnd,
    });
  });

  it('refuses unknown plans, tokens without billing rights, and no token', async () => {
    const a = await signUp(server.url);
    for (const plan of ['trial', 'gold', 7]) {
      const res = await request(server.url)
        .post('/v1/subscription')
        .set(auth(a.token))
        .send({ plan });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('plan');
    }
    expect(
      (await request(server.url).post('/v1/subscription').send({ plan: 'starter' })).status,
    ).toBe(401);
    const { body: key } = await request(server.url)
      .post('/v1/api-keys')
      .set(auth(a.token))
      .send({ name: 'k' });
    expect(
      (
        await request(server.url)
          .post('/v1/subscription')
          .set(auth(key.key))
          .send({ plan: 'starter' })
      ).status,
    ).toBe(403);
    expect((await request(server.url).get('/v1/subscription').set(auth(a.token))).body.plan).toBe(
      'trial',
    );
  });

  it("answers 402 plan_limit past the plan's contract limit", async () => {
    const a = await signUp(server.url);
    // 50 contracts is the trial limit: fill up to it directly, then upload one more.
    await queryOnce(
      server.db.url,
      `INSERT INTO contracts (id, tenant_id, status, file_name, file_size, file_sha256, media_type, storage_key)
       SELECT gen_random_uuid(), $1, 'parsed', 'f' || g || '.txt', 1, repeat('0', 64), 'text/plain', 'none/' || g
         FROM generate_series(1, 50) g`,
      [a.tenantId],
    );
    const over = await upload(a.token);
    expect(over.status).toBe(402);
    expect(over.body).toMatchObject({
      code: 'plan_limit',
      errors: [{ field: 'contracts', message: 'limit 50 reached' }],
    });
    expect(
      (await request(server.url).get('/v1/subscription').set(auth(a.token))).body.usage.contracts,
    ).toBe(50);
    await request(server.url).post('/v1/subscription').set(auth(a.token)).send({ plan: 'starter' });
    expect((await upload(a.token)).status).toBe(202);
  });

  it('follows the subscription status: past_due writes through its grace period, canceled until its period end', async () => {
    const a = await signUp(server.url);
    const set = (status: string, periodEnd: string) =>
      queryOnce(
        server.db.url,
        `UPDATE subscriptions SET plan = 'starter', status = $2, current_period_end = now() + $3::interval WHERE tenant_id = $1`,
        [a.tenantId, status, periodEnd],
      );
    const cases: [string, string, number, string][] = [
      ['active', '10 days', 202, 'active'],
      ['past_due', '-1 day', 202, 'past_due'],
      ['past_due', '-15 days', 402, 'canceled'],
      ['canceled', '5 days', 202, 'canceled'],
      ['canceled', '-1 second', 402, 'canceled'],
    ];
    for (const [status, periodEnd, expected, shown] of cases) {
      await set(status, periodEnd);
      expect([status, periodEnd, (await upload(a.token)).status]).toEqual([
        status,
        periodEnd,
        expected,
      ]);
      expect(
        (await request(server.url).get('/v1/subscription').set(auth(a.token))).body.status,
      ).toBe(shown);
    }
  });

  it('has no Stripe webhook without Stripe configuration', async () => {
    expect(
      (
        await request(server.url)
          .post('/v1/billing/webhook')
          .set('Stripe-Signature', 't=1,v1=x')
          .send({})
      ).status,
    ).toBe(404);
  });

  it('activates a plan from the operator CLI, audited as an operator action', async () => {
    const a = await signUp(server.url);
    await expireTrial(a.tenantId);
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
    const cmd = createBillingActivateCommand({
      DATABASE_URL: server.db.url,
      JWT_SECRET: 'x'.repeat(32),
      LOG_LEVEL: 'silent',
    });
    expect(
      await cmd.run(['--tenant', a.tenantId, '--plan', 'business', '--until', '2099-01-31'], io),
    ).toBe(0);
    expect(JSON.parse(out[0])).toEqual({
      tenantId: a.tenantId,
      plan: 'business',
      status: 'active',
      currentPeriodEnd: '2099-01-31T00:00:00.000Z',
    });
    const sub = await request(server.url).get('/v1/subscription').set(auth(a.token));
    expect(sub.body).toMatchObject({
      plan: 'business',
      status: 'active',
      currentPeriodEnd: '2099-01-31T00:00:00.000Z',
    });
    expect((await upload(a.token)).status).toBe(202);
    const events = await request(server.url).get('/v1/audit-events').set(auth(a.token));
    expect(
      events.body.data.find((e: { action: string }) => e.action === 'subscription.plan_changed'),
    ).toMatchObject({ actor: { type: 'operator', id: null } });

    expect(await cmd.run(['--tenant', a.tenantId, '--plan', 'trial'], io)).toBe(2);
    expect(await cmd.run(['--tenant', 'nope', '--plan', 'starter'], io)).toBe(2);
    expect(
      await cmd.run(['--tenant', '00000000-0000-4000-8000-000000000000', '--plan', 'starter'], io),
    ).toBe(1);
    expect(err.join('\n')).toMatch(
      /--plan must be one of starter, business[\s\S]*--tenant needs[\s\S]*Subscription not found/,
    );
  });
});
