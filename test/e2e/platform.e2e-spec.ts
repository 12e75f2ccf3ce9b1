import request from 'supertest';
import { signUp } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';

describe('accounts, errors and platform endpoints', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ worker: false });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('signs up a company with an owner and a trial', async () => {
    const a = await signUp(server.url, { company: 'Nordic Widgets Oy', name: 'Aino' });
    const me = await request(server.url).get('/v1/me').set('Authorization', `Bearer ${a.token}`);
    expect(me.status).toBe(200);
    expect(me.body).toEqual({
      user: { id: a.userId, email: a.email, name: 'Aino', role: 'owner' },
      tenant: { id: a.tenantId, name: 'Nordic Widgets Oy' },
      // Confirmed with the link e-mailed at sign-up (test/e2e/email-verification.e2e-spec.ts).
      emailVerified: false,
      security: { mfaEnabled: false, mfaRequired: false, mfaEnrollmentRequired: false },
    });
    expect(JSON.stringify(me.body)).not.toMatch(/argon2|password/i);
    const sub = await request(server.url)
      .get('/v1/subscription')
      .set('Authorization', `Bearer ${a.token}`);
    expect(sub.body).toMatchObject({
      plan: 'trial',
      status: 'trialing',
      limits: { contracts: 50, users: 3 },
      usage: { contracts: 0, users: 1 },
    });
    const days = (Date.parse(sub.body.trialEndsAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13.9);
    expect(days).toBeLessThanOrEqual(14);
  });

  it('refuses a duplicate e-mail with 409 and a short password with 400 naming the field', async () => {
    const a = await signUp(server.url);
    const dup = await request(server.url).post('/v1/signup').send({
      company: 'X',
      name: 'Y',
      email: a.email.toUpperCase(),
      password: 'long enough password',
    });
    expect(dup.status).toBe(409);
    const short = await request(server.url)
      .post('/v1/signup')
      .send({ company: 'X', name: 'Y', email: 'bad', password: 'short' });
    expect(short.status).toBe(400);
    expect(short.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'email',
      'password',
    ]);
  });

  it('answers unknown e-mail and wrong password the same way', async () => {
    const a = await signUp(server.url);
    const wrong = await request(server.url)
      .post('/v1/auth/login')
      .send({ email: a.email, password: 'not the password' });
    const unknown = await request(server.url)
      .post('/v1/auth/login')
      .send({ email: 'nobody@example.com', password: 'not the password' });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect({ ...wrong.body, instance: null }).toEqual({ ...unknown.body, instance: null });
    const ok = await request(server.url)
      .post('/v1/auth/login')
      .send({ email: a.email, password: a.password });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ expiresIn: 900 });
  });

  it('rotates refresh tokens and revokes the family when a rotated token is reused', async () => {
    const a = await signUp(server.url);
    const first = await request(server.url)
      .post('/v1/auth/refresh')
      .send({ refreshToken: a.refreshToken });
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(a.refreshToken);
    const reuse = await request(server.url)
      .post('/v1/auth/refresh')
      .send({ refreshToken: a.refreshToken });
    expect(reuse.status).toBe(401);
    // The family is gone: even the newest token no longer works.
    const after = await request(server.url)
      .post('/v1/auth/refresh')
      .send({ refreshToken: first.body.refreshToken });
    expect(after.status).toBe(401);
  });

  it('logs out: the refresh token stops working', async () => {
    const a = await signUp(server.url);
    const out = await request(server.url)
      .post('/v1/auth/logout')
      .set('Authorization', `Bearer ${a.token}`)
      .send({ refreshToken: a.refreshToken });
    expect(out.status).toBe(204);
    expect(
      (await request(server.url).post('/v1/auth/refresh').send({ refreshToken: a.refreshToken }))
        .status,
    ).toBe(401);
  });

  it('needs a valid token everywhere but the public routes', async () => {
    for (const path of ['/v1/me', '/v1/contracts', '/v1/deadlines', '/v1/subscription']) {
      const none = await request(server.url).get(path);
      expect(none.status).toBe(401);
      expect(none.headers['content-type']).toMatch(/application\/problem\+json/);
      const bad = await request(server.url).get(path).set('Authorization', 'Bearer not.a.jwt');
      expect(bad.status).toBe(401);
    }
  });

  it('answers unknown routes with a 404 problem', async () => {
    const res = await request(server.url).get('/v1/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({ status: 404, code: 'not_found', title: 'Not Found' });
  });

  it('serves health, readiness and the OpenAPI document', async () => {
    expect((await request(server.url).get('/health')).body).toEqual({ status: 'ok' });
    const ready = await request(server.url).get('/health/ready');
    expect(ready.status).toBe(200);
    expect(ready.body.checks).toEqual({ postgres: 'up', redis: 'up' });
    const doc = await request(server.url).get('/v1/openapi.json');
    expect(doc.status).toBe(200);
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/v1/signup',
        '/v1/contracts',
        '/v1/contracts/{id}',
        '/v1/contracts/{id}/file',
      ]),
    );
    expect((await request(server.url).get('/docs')).status).toBe(200);
  });

  it('echoes a request id', async () => {
    const res = await request(server.url).get('/health').set('X-Request-Id', 'abc-123');
    expect(res.headers['x-request-id']).toBe('abc-123');
  });
});
