import { createHash, randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import IORedis from 'ioredis';
import request from 'supertest';
import { signUp } from '../support/api-client';
import { invitationTokenFromLog } from '../support/log-mail';
import { startTestServer, type TestServer } from '../support/test-server';

jest.setTimeout(90_000);

const emailKey = (email: string) =>
  createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32);

describe('hardening item 6: weak passwords refused; failed sign-ins throttled per account and IP', () => {
  let server: TestServer;
  let redis: IORedis;
  const logSpy = jest.spyOn(Logger.prototype, 'log');

  beforeAll(async () => {
    // Behind a proxy on loopback: X-Forwarded-For names the client.
    server = await startTestServer({ worker: false, env: { TRUST_PROXY: 'loopback' } });
    redis = new IORedis(server.config.redisUrl);
  }, 60_000);
  afterAll(async () => {
    logSpy.mockRestore();
    redis?.disconnect();
    await server?.close();
  }, 60_000);

  const signup = (password: string, extra: Record<string, string> = {}) =>
    request(server.url)
      .post('/v1/signup')
      .send({
        company: 'Fjordline Logistics Ab',
        name: 'Aino Virtanen',
        email: `aino-${randomBytes(4).toString('hex')}@example.com`,
        password,
        ...extra,
      });

  it.each(['aaaaaaaaaa', 'password12'])(
    'refuses the weak password %s at sign-up with a weak_password problem',
    async (password) => {
      const res = await signup(password);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body).toMatchObject({
        status: 400,
        code: 'weak_password',
        detail: expect.stringMatching(/^The password is too weak: it is too easy to guess/),
        errors: [{ field: 'password', message: expect.any(String) }],
      });
    },
  );

  it('refuses a password made of the e-mail or the company name', async () => {
    const email = `mikko-${randomBytes(4).toString('hex')}@example.com`;
    const byEmail = await signup(`${email} and more`, { email });
    expect(byEmail.status).toBe(400);
    expect(byEmail.body.code).toBe('weak_password');
    const byCompany = await signup('Fjordline Logistics Ab 2026!');
    expect(byCompany.status).toBe(400);
    expect(byCompany.body.errors[0].message).toMatch(/company name/);
    expect((await signup('correct horse battery staple')).status).toBe(201);
  });

  it('refuses a weak password when an invitation is accepted', async () => {
    const owner = await signUp(server.url, { company: 'Inviting Ab' });
    const email = `invitee-${randomBytes(4).toString('hex')}@example.com`;
    const inv = await request(server.url)
      .post('/v1/invitations')
      .set('Authorization', `Bearer ${owner.token}`)
      .send({ email, role: 'member' });
    expect(inv.status).toBe(201);
    const token = invitationTokenFromLog(logSpy, email);
    const weak = await request(server.url)
      .post('/v1/invitations/accept')
      .send({ token, name: 'Invitee', password: 'password12' });
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('weak_password');
    const weakByCompany = await request(server.url)
      .post('/v1/invitations/accept')
      .send({ token, name: 'Invitee', password: 'inviting ab inviting ab' });
    expect(weakByCompany.status).toBe(400);
    const ok = await request(server.url)
      .post('/v1/invitations/accept')
      .send({ token, name: 'Invitee', password: 'a long enough password' });
    expect(ok.status).toBe(201);
  });

  it('after 10 failures the right password from a second IP waits too, and the delays grow', async () => {
    const a = await signUp(server.url, { company: 'Guessed Oy' });
    const login = (password: string, ip: string) =>
      request(server.url)
        .post('/v1/auth/login')
        .set('X-Forwarded-For', ip)
        .send({ email: a.email, password });
    for (let i = 0; i < 10; i++)
      expect((await login(`wrong password ${i}`, '198.51.100.7')).status).toBe(401);
    const fromElsewhere = await login(a.password, '192.0.2.44');
    expect(fromElsewhere.status).toBe(429);
    expect(fromElsewhere.body).toMatchObject({ status: 429, code: 'rate_limited' });
    const first = Number(fromElsewhere.headers['retry-after']);
    expect(first).toBeGreaterThan(20);
    expect(first).toBeLessThanOrEqual(30);

    // The lock runs out (expired here instead of waiting 30 s); the next failure locks twice as long.
    await redis.del(`${server.config.queuePrefix}:lt:acct:lock:${emailKey(a.email)}`);
    expect((await login('still wrong', '192.0.2.45')).status).toBe(401);
    const second = await login(a.password, '192.0.2.46');
    expect(second.status).toBe(429);
    expect(Number(second.headers['retry-after'])).toBeGreaterThan(50);
    expect(Number(second.headers['retry-after'])).toBeLessThanOrEqual(60);

    // Once the lock is over the right password works, and it clears the count.
    await redis.del(`${server.config.queuePrefix}:lt:acct:lock:${emailKey(a.email)}`);
    expect((await login(a.password, '192.0.2.47')).status).toBe(200);
    expect((await login('one more wrong', '192.0.2.47')).status).toBe(401);
    expect((await login(a.password, '192.0.2.47')).status).toBe(200);
  });

  it('locks an unknown e-mail the same way (the answers do not tell which accounts exist)', async () => {
    const email = `nobody-${randomBytes(4).toString('hex')}@example.com`;
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) {
      statuses.push(
        (
          await request(server.url)
            .post('/v1/auth/login')
            .set('X-Forwarded-For', `203.0.113.${100 + i}`)
            .send({ email, password: `guess number ${i}` })
        ).status,
      );
    }
    expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
    expect(statuses[10]).toBe(429);
  });
});

describe('hardening item 6: X-Forwarded-For is trusted only with TRUST_PROXY', () => {
  const remaining = async (url: string, ip: string) =>
    Number(
      (
        await request(url)
          .post('/v1/auth/refresh')
          .set('X-Forwarded-For', ip)
          .send({ refreshToken: 'cbr_not-a-real-token' })
      ).headers['ratelimit-remaining'],
    );

  it('without TRUST_PROXY, a forged X-Forwarded-For does not buy a fresh per-IP budget', async () => {
    const server = await startTestServer({ worker: false });
    try {
      const first = await remaining(server.url, '198.51.100.1');
      expect(await remaining(server.url, '198.51.100.2')).toBe(first - 1);
      expect(await remaining(server.url, '198.51.100.3')).toBe(first - 2);
    } finally {
      await server.close();
    }
  });

  it('with TRUST_PROXY=loopback, each forwarded client has its own budget', async () => {
    const server = await startTestServer({ worker: false, env: { TRUST_PROXY: 'loopback' } });
    try {
      const first = await remaining(server.url, '198.51.100.1');
      expect(await remaining(server.url, '198.51.100.2')).toBe(first);
    } finally {
      await server.close();
    }
  });
});
