import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { deriveKey } from '../../libs/config/src/secret-policy';
import { signUp, type SignedUp } from '../support/api-client';
import { queryOnce } from '../support/database';
import { startTestServer, type TestServer } from '../support/test-server';

// Tests sign up companies (argon2) and make many requests while other suites share the machine.
jest.setTimeout(60_000);

describe('security: rate limits and authentication on the team, key and billing endpoints', () => {
  let server: TestServer;
  let a: SignedUp;
  let b: SignedUp;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    // X-Forwarded-For names the client only behind a trusted proxy (TRUST_PROXY; issue 10 item 6).
    server = await startTestServer({ worker: false, env: { TRUST_PROXY: 'loopback' } });
    a = await signUp(server.url, { company: 'Tenant A' });
    b = await signUp(server.url, { company: 'Tenant B' });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  }, 60_000);

  it('stops password guessing with 429 and Retry-After, per account and IP', async () => {
    const ip = '203.0.113.10';
    const login = (email: string, password: string, from = ip) =>
      request(server.url)
        .post('/v1/auth/login')
        .set('X-Forwarded-For', from)
        .send({ email, password });
    for (let i = 0; i < 10; i++)
      expect((await login(a.email, `wrong password ${i}`)).status).toBe(401);
    const blocked = await login(a.email, 'wrong password again');
    expect(blocked.status).toBe(429);
    expect(blocked.body).toMatchObject({ status: 429, code: 'rate_limited' });
    const retryAfter = Number(blocked.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(300);
    // Even the right password waits: the guesser must not learn it by timing out the window.
    expect((await login(a.email, a.password)).status).toBe(429);
    // Nor from another address: after 10 failures the account itself is locked for a while (issue 10 item 6).
    expect((await login(a.email, a.password, '203.0.113.11')).status).toBe(429);
    // Other accounts are not locked out.
    expect((await login(b.email, b.password)).status).toBe(200);
  });

  it('limits sign-up, refresh and other auth routes per IP', async () => {
    const ip = '203.0.113.20';
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) {
      statuses.push(
        (
          await request(server.url)
            .post('/v1/auth/refresh')
            .set('X-Forwarded-For', ip)
            .send({ refreshToken: `cbr_not-a-token-${i}` })
        ).status,
      );
    }
    expect(statuses.slice(0, 60).every((s) => s === 401)).toBe(true);
    expect(statuses[60]).toBe(429);
    const signup = await request(server.url).post('/v1/signup').set('X-Forwarded-For', ip).send({
      company: 'X',
      name: 'Y',
      email: 'ratelimited@example.com',
      password: 'long enough password',
    });
    expect(signup.status).toBe(429);
    expect(signup.headers['retry-after']).toBeDefined();
    // Another IP is unaffected.
    expect(
      (
        await request(server.url)
          .post('/v1/auth/refresh')
          .set('X-Forwarded-For', '203.0.113.21')
          .send({ refreshToken: 'cbr_nothing-here' })
      ).status,
    ).toBe(401);
  });

  it('limits each API key separately (600 requests a minute)', async () => {
    const { body: k1 } = await request(server.url)
      .post('/v1/api-keys')
      .set(auth(a.token))
      .send({ name: 'busy' });
    const { body: k2 } = await request(server.url)
      .post('/v1/api-keys')
      .set(auth(a.token))
      .send({ name: 'quiet' });
    const first = await request(server.url).get('/v1/contracts').set(auth(k1.key));
    expect(first.headers['ratelimit-limit']).toBe('600');
    expect(first.headers['ratelimit-remaining']).toBe('599');
    const statuses: number[] = [];
    for (let batch = 0; batch < 24; batch++) {
      const res = await Promise.all(
        Array.from({ length: 25 }, () =>
          request(server.url).get('/v1/contracts').set(auth(k1.key)),
        ),
      );
      statuses.push(...res.map((r) => r.status));
    }
    expect(statuses.filter((s) => s === 200)).toHaveLength(599);
    expect(statuses.filter((s) => s === 429)).toHaveLength(1);
    const limited = await request(server.url).get('/v1/contracts').set(auth(k1.key));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await request(server.url).get('/v1/contracts').set(auth(k2.key))).status).toBe(200);
    expect((await request(server.url).get('/v1/contracts').set(auth(a.token))).status).toBe(200);
  }, 60_000);

  it('refuses no token, an expired token and a revoked key on every team, key and billing endpoint', async () => {
    // Signed with the real access-token key: only its expiry is wrong.
    const jwt = new JwtService({ secret: deriveKey(server.config.jwtSecret, 'access-token') });
    const expired = jwt.sign(
      { sub: a.userId, tid: a.tenantId, typ: 'access', exp: Math.floor(Date.now() / 1000) - 60 },
      { algorithm: 'HS256' },
    );
    const forged = new JwtService({ secret: 'not-the-secret-not-the-secret-123' }).sign({
      sub: a.userId,
      tid: a.tenantId,
      typ: 'access',
    });
    const { body: key } = await request(server.url)
      .post('/v1/api-keys')
      .set(auth(a.token))
      .send({ name: 'revoked' });
    expect(
      (await request(server.url).delete(`/v1/api-keys/${key.id}`).set(auth(a.token))).status,
    ).toBe(204);
    const id = b.userId;
    const endpoints: [string, string, Record<string, unknown>?][] = [
      ['get', '/v1/api-keys'],
      ['post', '/v1/api-keys', { name: 'x' }],
      ['delete', `/v1/api-keys/${key.id}`],
      ['get', '/v1/users'],
      ['patch', `/v1/users/${id}`, { role: 'viewer' }],
      ['delete', `/v1/users/${id}`],
      ['post', '/v1/invitations', { email: 'x@example.com', role: 'viewer' }],
      ['get', '/v1/audit-events'],
      ['get', '/v1/subscription'],
      ['post', '/v1/subscription', { plan: 'starter' }],
    ];
    for (const [method, path, body] of endpoints) {
      for (const token of [null, expired, forged, key.key, 'cbk_']) {
        let req = (request(server.url) as unknown as Record<string, (p: string) => request.Test>)[
          method
        ](path);
        if (token) req = req.set(auth(token));
        const res = await (body ? req.send(body) : req);
        expect([method, path, res.status]).toEqual([method, path, 401]);
      }
    }
  });

  it("never returns password hashes, key hashes or another tenant's id", async () => {
    const { body: key } = await request(server.url)
      .post('/v1/api-keys')
      .set(auth(a.token))
      .send({ name: 'scan' });
    const hashes = (
      await queryOnce<{ h: string }>(
        server.db.url,
        `SELECT key_hash AS h FROM api_keys UNION ALL SELECT password_hash FROM users UNION ALL SELECT token_hash FROM invitations`,
      )
    ).map((r) => r.h);
    expect(hashes.length).toBeGreaterThan(3);
    const bodies: string[] = [];
    for (const token of [a.token, key.key]) {
      for (const path of [
        '/v1/me',
        '/v1/api-keys',
        '/v1/users',
        '/v1/audit-events',
        '/v1/subscription',
        '/v1/contracts',
      ]) {
        const res = await request(server.url).get(path).set(auth(token));
        bodies.push(JSON.stringify(res.body));
      }
    }
    bodies.push(
      JSON.stringify(
        (
          await request(server.url)
            .post('/v1/invitations')
            .set(auth(a.token))
            .send({ email: 'scan@example.com', role: 'viewer' })
        ).body,
      ),
    );
    const all = bodies.join('\n');
    for (const h of hashes) expect(all).not.toContain(h);
    expect(all).not.toMatch(/\$argon2/);
    expect(all).not.toContain(b.tenantId);
    expect(all).not.toContain(b.userId);
  });
});
