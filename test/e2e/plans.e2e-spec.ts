import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { signUp } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';

jest.setTimeout(60_000);

const TXT = (n: number) =>
  Buffer.from(`SERVICE AGREEMENT number ${n} between Alpha Oy and Beta AB.`);

describe('the plan catalogue comes from configuration (PLANS_FILE) and is served at GET /v1/plans', () => {
  let server: TestServer;
  let dir: string;

  beforeAll(async () => {
    // Our own catalogue, unlike the shipped one: other prices, a yearly-only plan, a retired plan, and a
    // trial of two contracts. Everything the API says about plans and limits must follow it.
    const catalogue = JSON.parse(fs.readFileSync('config/plans.json', 'utf8'));
    catalogue.plans[0].limits = { contracts: 2, users: 3 };
    catalogue.plans[1].prices = { month: 59.9, year: 599 };
    catalogue.plans[2].limits = { contracts: null, users: 40 };
    catalogue.plans.push(
      {
        id: 'annual',
        name: 'Annual',
        description: { en: 'Yearly only', fi: 'Vain vuosittain' },
        limits: { contracts: 3, users: 2 },
        prices: { year: 300 },
      },
      {
        id: 'legacy',
        name: 'Legacy',
        description: { en: 'No longer offered' },
        limits: { contracts: 5, users: 1 },
        prices: { month: 9 },
        available: false,
      },
    );
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-plans-e2e-'));
    fs.writeFileSync(path.join(dir, 'plans.json'), JSON.stringify(catalogue));
    server = await startTestServer({
      worker: false,
      env: { PLANS_FILE: path.join(dir, 'plans.json'), TRIAL_DAYS: '21' },
    });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }, 60_000);

  it('serves the offered plans with prices in EUR, the VAT rule and the trial, without a token', async () => {
    const res = await request(server.url).get('/v1/plans');
    expect(res.status).toBe(200);
    expect(res.body.data.map((p: { id: string }) => p.id)).toEqual([
      'starter',
      'business',
      'annual',
    ]);
    expect(res.body.data[0]).toEqual({
      id: 'starter',
      name: 'Starter',
      description: {
        en: expect.stringContaining('small finance team'),
        fi: expect.stringContaining('taloustiimille'),
        sv: expect.stringContaining('ekonomiteam'),
      },
      limits: { contracts: 500, users: 5 },
      prices: [
        { interval: 'month', amount: { amount: 59.9, currency: 'EUR' } },
        { interval: 'year', amount: { amount: 599, currency: 'EUR' } },
      ],
    });
    expect(res.body.data[1].limits).toEqual({ contracts: null, users: 40 });
    expect(res.body.data[2]).toMatchObject({
      description: { en: 'Yearly only', fi: 'Vain vuosittain', sv: 'Yearly only' },
      prices: [{ interval: 'year', amount: { amount: 300, currency: 'EUR' } }],
    });
    expect(res.body.vat).toEqual({
      included: false,
      ratePercent: 25.5,
      sellerCountry: 'FI',
      reverseChargeInEu: true,
    });
    expect(res.body.trial).toEqual({ days: 21, limits: { contracts: 2, users: 3 } });
  });

  it("enforces the configured trial limit and shows the configured limits on the tenant's subscription", async () => {
    const a = await signUp(server.url);
    const auth = { Authorization: `Bearer ${a.token}` };
    const sub = await request(server.url).get('/v1/subscription').set(auth);
    expect(sub.body).toMatchObject({
      plan: 'trial',
      planName: 'Trial',
      limits: { contracts: 2, users: 3 },
    });
    for (const n of [1, 2])
      expect(
        (
          await request(server.url)
            .post('/v1/contracts')
            .set(auth)
            .attach('file', TXT(n), `${n}.txt`)
        ).status,
      ).toBe(202);
    const over = await request(server.url)
      .post('/v1/contracts')
      .set(auth)
      .attach('file', TXT(3), '3.txt');
    expect(over.status).toBe(402);
    expect(over.body).toMatchObject({
      code: 'plan_limit',
      errors: [{ field: 'contracts', message: 'limit 2 reached' }],
    });
  });

  it('refuses a retired plan, the trial, and an interval the plan has no price for, naming the field', async () => {
    const a = await signUp(server.url);
    const auth = { Authorization: `Bearer ${a.token}` };
    const cases: [Record<string, unknown>, string][] = [
      [{ plan: 'legacy' }, 'plan'],
      [{ plan: 'trial' }, 'plan'],
      [{ plan: 'annual' }, 'interval'],
      [{ plan: 'annual', interval: 'week' }, 'interval'],
    ];
    for (const [body, field] of cases) {
      const res = await request(server.url).post('/v1/subscription').set(auth).send(body);
      expect([body, res.status, res.body.errors?.[0]?.field]).toEqual([body, 400, field]);
    }
    expect((await request(server.url).get('/v1/subscription').set(auth)).body.status).toBe(
      'trialing',
    );
  });
});
