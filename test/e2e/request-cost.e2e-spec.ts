import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { addDays, todayInTimeZone } from '@cb/domain';
import { TenantDb } from '../../libs/persistence/src/tenant-db';
import { signUp, type SignedUp } from '../support/api-client';
import { insertFillerContracts, queryOnce } from '../support/database';
import { startSmtpCapture, type SmtpCapture } from '../support/smtp-capture';
import {
  logStatements,
  startsTransaction,
  startTestServer,
  type StatementLog,
  type TestServer,
} from '../support/test-server';

/** A read request's transaction: START and the tenant in one message. */
const START_WITH_TENANT =
  /^START TRANSACTION; SELECT set_config\('app\.tenant_id', '[0-9a-f-]{36}', true\)$/;

/**
 * Signs up and waits for the verification e-mail, which the API sends after the sign-up's response in
 * transactions of the new tenant (through the pool's connections): what is counted or measured after it is then
 * the test's own request alone.
 */
async function signUpSettled(
  server: TestServer,
  smtp: SmtpCapture,
  company: string,
): Promise<SignedUp> {
  const signedUp = await signUp(server.url, { company });
  await smtp.waitFor(signedUp.email, { subject: /Confirm your e-mail address/ });
  return signedUp;
}

/** Inserts parsed contracts (with one obligation each) straight into the database, as the owner. */
async function seedContracts(dbUrl: string, tenantId: string, n: number): Promise<string[]> {
  const client = new Client({ connectionString: dbUrl });
  await client.connect();
  const ids: string[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const id = randomUUID();
      ids.push(id);
      await client.query(
        `INSERT INTO contracts (id, tenant_id, title, status, counterparty, file_name, file_size, file_sha256,
           media_type, storage_key, text, language, extracted_terms, evidence, next_renewal_date)
         VALUES ($1::uuid, $2, $3, 'parsed', 'Rubicon Oy', 'c.txt', 10, md5($1::text), 'text/plain', 'k',
           'This agreement renews automatically.', 'en', '{"parties":[{"name":"Rubicon Oy"}]}',
           '{"title":[{"page":1,"start":0,"end":4,"text":"This"}]}', '2027-01-01')`,
        [id, tenantId, `Contract ${i}`],
      );
      await client.query(
        `INSERT INTO obligations (tenant_id, contract_id, position, kind, text, evidence)
         VALUES ($1, $2, 0, 'payment', 'Pay monthly', '[]')`,
        [tenantId, id],
      );
    }
  } finally {
    await client.end();
  }
  return ids;
}

describe('request cost: one transaction per read request, 503 under overload', () => {
  let server: TestServer;
  let smtp: SmtpCapture;
  let a: SignedUp;
  let ids: string[];
  let log: StatementLog;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    server = await startTestServer({ worker: false, env: { SMTP_URL: smtp.url } });
    a = await signUpSettled(server, smtp, 'Cost Counting Oy');
    ids = await seedContracts(server.db.url, a.tenantId, 3);
    log = logStatements(server);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  async function count(
    path: string,
    token = a.token,
  ): Promise<{ status: number; statements: string[]; body: unknown }> {
    log.clear();
    const res = await request(server.url).get(path).set('Authorization', `Bearer ${token}`);
    // The transaction ends just before the response is written; give the COMMIT's log a moment.
    await new Promise((r) => setTimeout(r, 20));
    return { status: res.status, statements: [...log.statements], body: res.body };
  }

  it('reads the user and the contract in one transaction (START with the tenant, user, contract, obligations, COMMIT)', async () => {
    const { status, statements: s } = await count(`/v1/contracts/${ids[0]}`);
    expect(status).toBe(200);
    expect(s.filter(startsTransaction)).toHaveLength(1);
    expect(s.filter((q) => /set_config\('app\.tenant_id'/.test(q))).toHaveLength(1);
    expect(s.filter((q) => q === 'COMMIT')).toHaveLength(1);
    // START and the tenant are one message (one round trip), the tenant set before any row is read.
    expect(s[0]).toMatch(START_WITH_TENANT);
    expect(s[0]).toContain(a.tenantId);
    expect(s[s.length - 1]).toBe('COMMIT');
  });

  it('reads a contract without amendments or a notice deadline in five statements: no family, no decisions', async () => {
    const { status, statements: s } = await count(`/v1/contracts/${ids[0]}`);
    expect(status).toBe(200);
    // START with the tenant, the user (with the tenant's time zone), the contract, its obligations, COMMIT
    // (7 before: START and the tenant apart, and the decisions of a contract that has no deadline to decide).
    expect(s).toHaveLength(5);
    expect(s[1]).toMatch(/FROM users u[\s\S]*alert_settings/);
    expect(s.some((q) => /contract_decisions/.test(q))).toBe(false);
    expect(s.filter((q) => /alert_settings/.test(q))).toHaveLength(1);
    expect(s.some((q) => /WITH RECURSIVE/.test(q))).toBe(false);
  });

  it("lists deadlines in five statements, from today in the tenant's stored time zone", async () => {
    const zoned = await signUpSettled(server, smtp, 'Kiritimati Oy');
    // Kiritimati (UTC+14) is a day ahead of UTC, Helsinki (the default) and every zone west of it.
    const saved = await request(server.url)
      .put('/v1/alert-settings')
      .set('Authorization', `Bearer ${zoned.token}`)
      .send({ leadDays: [30], timezone: 'Pacific/Kiritimati' });
    expect(saved.status).toBe(200);
    const [contract] = await seedContracts(server.db.url, zoned.tenantId, 1);
    const today = todayInTimeZone('Pacific/Kiritimati', new Date());
    const yesterday = addDays(today, -1);
    await queryOnce(
      server.db.url,
      `INSERT INTO deadlines (tenant_id, contract_id, kind, date)
       VALUES ($1, $2, 'notice', $3), ($1, $2, 'notice', $4)`,
      [zoned.tenantId, contract, yesterday, today],
    );
    const { status, statements: s, body } = await count('/v1/deadlines', zoned.token);
    expect(status).toBe(200);
    expect((body as { data: { date: string }[] }).data.map((d) => d.date)).toEqual([today]);
    // START with the tenant, the user (with the tenant's time zone), the deadlines, COMMIT.
    expect(s).toHaveLength(4);
    expect(s.filter((q) => /alert_settings/.test(q))).toHaveLength(1);
  });

  it('lists summaries in four statements: START with the tenant, user, the page, COMMIT (12 before)', async () => {
    const { status, statements: s } = await count('/v1/contracts?limit=50');
    expect(status).toBe(200);
    expect(s).toHaveLength(4);
    expect(s[0]).toMatch(START_WITH_TENANT);
    expect(s[1]).toMatch(/FROM users u/);
    expect(s[2]).toMatch(/FROM "contracts"/);
    // A summary does not read the evidence or candidates (most of a row's bytes).
    expect(s[2]).not.toMatch(/"evidence"|"candidates"/);
    expect(s[3]).toBe('COMMIT');
  });

  it('reads only the page of a big tenant, not every contract of it (which amendments there are, too)', async () => {
    const big = await signUpSettled(server, smtp, 'Big Tenant Oy');
    const owner = new Client({ connectionString: server.db.url });
    await owner.connect();
    try {
      await insertFillerContracts(owner, big.tenantId, 5000);
    } finally {
      await owner.end();
    }
    const { status, statements: s } = await count('/v1/contracts?limit=50', big.token);
    expect(status).toBe(200);
    const page = s.findIndex((q) => /FROM "contracts"/.test(q));
    const params = log.parameters[page];
    // The page's statement, run again under EXPLAIN ANALYZE as the application (row-level security, the tenant).
    const plan = await server.api
      .get(TenantDb)
      .run(big.tenantId, (m) => m.query(`EXPLAIN (ANALYZE, FORMAT JSON) ${s[page]}`, params));
    type PlanNode = {
      'Relation Name'?: string;
      'Actual Rows': number;
      'Actual Loops': number;
      Plans?: PlanNode[];
    };
    const read: number[] = [];
    const walk = (n: PlanNode) => {
      if (n['Relation Name'] === 'contracts') read.push(n['Actual Rows'] * n['Actual Loops']);
      n.Plans?.forEach(walk);
    };
    walk((plan[0]['QUERY PLAN'] as { Plan: PlanNode }[])[0].Plan);
    // The page (51 rows: one more tells whether there is a next page) and no amendments among them, not 5,000.
    expect(read.length).toBeGreaterThan(0);
    expect(Math.max(...read)).toBeLessThanOrEqual(51);
  });

  it('returns summaries; evidence and obligations only with expand, in the same transaction', async () => {
    const summary = await request(server.url)
      .get('/v1/contracts')
      .set('Authorization', `Bearer ${a.token}`);
    expect(summary.status).toBe(200);
    expect(summary.body.data).toHaveLength(3);
    for (const c of summary.body.data) {
      expect(c).toMatchObject({ status: 'parsed', counterparty: 'Rubicon Oy', tags: [] });
      expect(c.terms.parties).toEqual([{ name: 'Rubicon Oy' }]);
      expect(c.deadlines.nextRenewalDate).toBe('2027-01-01');
      expect(c).not.toHaveProperty('evidence');
      expect(c).not.toHaveProperty('obligations');
      expect(c).not.toHaveProperty('candidates');
    }
    const { statements: s } = await count('/v1/contracts?expand=evidence,obligations');
    expect(s.filter(startsTransaction)).toHaveLength(1);
    expect(s).toHaveLength(5);
    const expanded = await request(server.url)
      .get('/v1/contracts?expand=evidence,obligations')
      .set('Authorization', `Bearer ${a.token}`);
    for (const c of expanded.body.data) {
      expect(c.evidence.title[0].text).toBe('This');
      expect(c.obligations).toEqual([
        expect.objectContaining({ kind: 'payment', text: 'Pay monthly' }),
      ]);
    }
  });

  it('answers /v1/me in one transaction', async () => {
    const { status, statements: s } = await count('/v1/me');
    expect(status).toBe(200);
    expect(s.filter(startsTransaction)).toHaveLength(1);
    expect(s.filter((q) => /set_config/.test(q))).toHaveLength(1);
    // START with the tenant, the bearer check's user (with what /me answers of it and the tenant), COMMIT (12
    // before).
    expect(s).toHaveLength(3);
  });

  it('rolls back and releases the transaction of a request that failed (404)', async () => {
    const { status, statements: s } = await count(`/v1/contracts/${randomUUID()}`);
    expect(status).toBe(404);
    expect(s.filter(startsTransaction)).toHaveLength(1);
    expect(s[s.length - 1]).toBe('ROLLBACK');
    // The connection went back to the pool: the next request is served.
    expect((await count('/v1/me')).status).toBe(200);
  });

  it('keeps separate transactions for writes (a job is enqueued only after its commit)', async () => {
    log.clear();
    const res = await request(server.url)
      .patch(`/v1/contracts/${ids[1]}`)
      .set('Authorization', `Bearer ${a.token}`)
      .send({ title: 'Renamed' });
    expect(res.status).toBe(200);
    expect(log.statements.filter(startsTransaction).length).toBeGreaterThan(1);
  });
});

describe('overload: no free database connection', () => {
  let server: TestServer;
  let smtp: SmtpCapture;
  let a: SignedUp;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    server = await startTestServer({
      worker: false,
      env: { DB_POOL_SIZE: '1', DB_POOL_TIMEOUT_MS: '200', SMTP_URL: smtp.url },
    });
    a = await signUpSettled(server, smtp, 'Busy Oy');
  }, 60_000);

  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  });

  it('answers 503 problem+json with Retry-After while the pool is exhausted, and serves again after', async () => {
    // Take the pool's only connection, as a long request would.
    const runner = server.api.get(TenantDb).dataSource.createQueryRunner();
    await runner.connect();
    try {
      const busy = await request(server.url)
        .get('/v1/contracts')
        .set('Authorization', `Bearer ${a.token}`);
      expect(busy.status).toBe(503);
      expect(busy.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(busy.headers['retry-after']).toBe('1');
      expect(busy.body).toMatchObject({ status: 503, code: 'overloaded' });
      expect(busy.body.errorId).toBeUndefined();
    } finally {
      await runner.release();
    }
    const ok = await request(server.url)
      .get('/v1/contracts')
      .set('Authorization', `Bearer ${a.token}`);
    expect(ok.status).toBe(200);
  });
});
