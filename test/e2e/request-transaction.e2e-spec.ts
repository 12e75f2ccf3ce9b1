import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { TenantDb } from '../../libs/persistence/src/tenant-db';
import { signUp, type SignedUp } from '../support/api-client';
import { startsTransaction, startTestServer, type TestServer } from '../support/test-server';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every statement the application pool sends, from now on (TypeORM logs START and COMMIT too). */
function recordStatements(server: TestServer): string[] {
  const statements: string[] = [];
  const logger = server.api.get(TenantDb).dataSource.logger;
  const original = logger.logQuery.bind(logger);
  logger.logQuery = (query, parameters, runner) => {
    statements.push(query);
    original(query, parameters, runner);
  };
  return statements;
}

async function until(what: string, check: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

/**
 * Waits until the pool has sent nothing for `ms`: sign-up e-mails its verification link after answering, and
 * that work's statements must not land in a test's record.
 */
async function quiet(statements: string[], ms = 300): Promise<void> {
  let seen = -1;
  while (seen !== statements.length) {
    seen = statements.length;
    await sleep(ms);
  }
}

/** Every COMMIT of the application pool takes `ms` more (a commit after the response then always loses the race). */
function slowCommits(server: TestServer, ms: number): void {
  const ds = server.api.get(TenantDb).dataSource;
  const createQueryRunner = ds.createQueryRunner.bind(ds);
  ds.createQueryRunner = (...args) => {
    const runner = createQueryRunner(...args);
    const commit = runner.commitTransaction.bind(runner);
    runner.commitTransaction = async () => {
      await sleep(ms);
      await commit();
    };
    return runner;
  };
}

describe('request transaction: committed before the response is sent', () => {
  let server: TestServer;
  let a: SignedUp;
  let statements: string[];

  beforeAll(async () => {
    // The default pool: the client's next request gets another connection, so it sees only what is committed.
    server = await startTestServer({ worker: false });
    a = await signUp(server.url, { company: 'Transaction Timing Oy' });
    statements = recordStatements(server);
    slowCommits(server, 150);
    await quiet(statements);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  it('commits what a GET creates on first use before answering: the calendar feed URL works at once', async () => {
    const feed = await request(server.url)
      .get('/v1/calendar')
      .set('Authorization', `Bearer ${a.token}`);
    expect(feed.status).toBe(200);
    const ics = await request(server.url).get(new URL(feed.body.url).pathname);
    expect(ics.status).toBe(200);
    expect(ics.text).toMatch(/^BEGIN:VCALENDAR/);
    // And the next GET answers the same feed (the first one's row was there).
    const again = await request(server.url)
      .get('/v1/calendar')
      .set('Authorization', `Bearer ${a.token}`);
    expect(again.body.url).toBe(feed.body.url);
  });

  it('commits the e-mail-in address before answering: the next GET answers the same address', async () => {
    const [first, next] = [
      await request(server.url).get('/v1/inbox').set('Authorization', `Bearer ${a.token}`),
      await request(server.url).get('/v1/inbox').set('Authorization', `Bearer ${a.token}`),
    ];
    expect(first.status).toBe(200);
    expect(next.status).toBe(200);
    expect(next.body.address).toBe(first.body.address);
  });

  it('runs the calendar GET in the shared transaction (no special case), its COMMIT sent before the answer', async () => {
    statements.length = 0;
    const res = await request(server.url)
      .get('/v1/calendar')
      .set('Authorization', `Bearer ${a.token}`);
    expect(res.status).toBe(200);
    expect(statements.filter(startsTransaction)).toHaveLength(1);
    expect(statements.filter((q) => /set_config/.test(q))).toHaveLength(1);
    expect(statements[statements.length - 1]).toBe('COMMIT');
  });
});

describe('request transaction: rolled back before an error, outlives a client that left', () => {
  let server: TestServer;
  let a: SignedUp;
  let statements: string[];
  let errors: jest.SpyInstance;

  beforeAll(async () => {
    // One connection: a transaction that is not released shows up as the next request's 503.
    server = await startTestServer({
      worker: false,
      env: { DB_POOL_SIZE: '1', DB_POOL_TIMEOUT_MS: '1000' },
    });
    a = await signUp(server.url, { company: 'Hung Up Oy' });
    statements = recordStatements(server);
    await quiet(statements);
  }, 60_000);

  beforeEach(() => {
    errors = jest.spyOn(Logger.prototype, 'error');
  });

  afterEach(() => {
    errors.mockRestore();
  });

  afterAll(async () => {
    await server?.close();
  });

  it('rolls back before answering an error: the ROLLBACK is sent before the answer', async () => {
    statements.length = 0;
    const missing = await request(server.url)
      .get(`/v1/contracts/${randomUUID()}`)
      .set('Authorization', `Bearer ${a.token}`);
    expect(missing.status).toBe(404);
    expect(statements[statements.length - 1]).toBe('ROLLBACK');
    const me = await request(server.url).get('/v1/me').set('Authorization', `Bearer ${a.token}`);
    expect(me.status).toBe(200);
  });

  it('lets the handler of a client that hung up finish: no 500 logged, the connection released', async () => {
    const contractId = randomUUID();
    const owner = new Client({ connectionString: server.db.url });
    await owner.connect();
    try {
      await owner.query(
        `INSERT INTO contracts (id, tenant_id, title, status, file_name, file_size, file_sha256, media_type,
           storage_key, text, language, extracted_terms, evidence)
         VALUES ($1::uuid, $2, 'Slow', 'parsed', 'c.txt', 1, md5($1::text), 'text/plain', 'k', 'x', 'en', '{}', '{}')`,
        [contractId, a.tenantId],
      );
      // The by-id read waits on this lock, mid-request (the user is read already); obligations come after it.
      await owner.query('BEGIN');
      await owner.query('LOCK TABLE contracts IN ACCESS EXCLUSIVE MODE');
      statements.length = 0;
      const req = http.get(`${server.url}/v1/contracts/${contractId}`, {
        headers: { Authorization: `Bearer ${a.token}` },
      });
      const gone = new Promise<void>((resolve) => req.on('error', () => resolve()));
      await until('the contract read', () => statements.some((q) => /FROM "contracts"/.test(q)));
      req.destroy();
      await gone;
      await sleep(100);
      await owner.query('COMMIT');
    } finally {
      await owner.end();
    }
    // The handler went on to read the obligations in the same transaction, then committed it.
    await until('the end of the transaction', () =>
      statements.some((q) => q === 'COMMIT' || q === 'ROLLBACK'),
    );
    await sleep(200);
    // START with the tenant, user, contract, obligations, COMMIT: not ended under the handler (which then read the
    // obligations outside any transaction, without the tenant, and answered none).
    const obligations = statements.findIndex((q) => /FROM "obligations"/.test(q));
    const end = statements.findIndex((q) => q === 'COMMIT' || q === 'ROLLBACK');
    expect(obligations).toBeGreaterThan(0);
    expect(obligations).toBeLessThan(end);
    expect(statements[end]).toBe('COMMIT');
    expect(statements.filter(startsTransaction)).toHaveLength(1);
    expect(errors).not.toHaveBeenCalled();
    // The pool's only connection is free again.
    const next = await request(server.url)
      .get(`/v1/contracts/${contractId}`)
      .set('Authorization', `Bearer ${a.token}`);
    expect(next.status).toBe(200);
  });
});
