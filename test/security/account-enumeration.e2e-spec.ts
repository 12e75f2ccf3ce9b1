import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import request from 'supertest';
import { signUp } from '../support/api-client';
import { mailsFromLog } from '../support/log-mail';
import { startTestServer, type TestServer } from '../support/test-server';

jest.setTimeout(90_000);

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const newEmail = (p: string) => `${p}-${randomBytes(4).toString('hex')}@example.com`;

describe('hardening item 12: account enumeration', () => {
  let server: TestServer;
  const logSpy = jest.spyOn(Logger.prototype, 'log');

  beforeAll(async () => {
    server = await startTestServer({ worker: false });
  }, 60_000);
  afterAll(async () => {
    logSpy.mockRestore();
    await server?.close();
  }, 60_000);

  const mailTo = (email: string) => mailsFromLog(logSpy, email);

  it('invites an address that has an account in another tenant like any other; accepting fails only for the invitee', async () => {
    const a = await signUp(server.url, { company: 'Inviter Oy' });
    const elsewhere = await signUp(server.url, { company: 'Elsewhere Ab' });
    const fresh = newEmail('fresh');

    const toFresh = await request(server.url)
      .post('/v1/invitations')
      .set(auth(a.token))
      .send({ email: fresh, role: 'member' });
    const toTaken = await request(server.url)
      .post('/v1/invitations')
      .set(auth(a.token))
      .send({ email: elsewhere.email, role: 'member' });
    // The same answer: status and shape.
    expect(toTaken.status).toBe(201);
    expect(toFresh.status).toBe(201);
    expect(Object.keys(toTaken.body).sort()).toEqual(Object.keys(toFresh.body).sort());
    expect(toTaken.body).toMatchObject({ email: elsewhere.email, role: 'member' });
    // And the e-mail goes out as to anyone.
    // (Its owner's first mail is the sign-up's e-mail verification link.)
    const mail = mailTo(elsewhere.email).find((m) => m.subject.startsWith('Join'))!;
    expect(mail.subject).toBe('Join Inviter Oy on Contract Bank');
    const pending = await request(server.url).get('/v1/invitations').set(auth(a.token));
    expect(pending.body.data.map((i: { email: string }) => i.email)).toEqual(
      expect.arrayContaining([fresh, elsewhere.email]),
    );

    // The invitee (who holds the link) learns it: their address already has an account.
    const token = decodeURIComponent(/accept-invite\?token=(\S+)/.exec(mail.text)![1]);
    const accepted = await request(server.url)
      .post('/v1/invitations/accept')
      .send({ token, name: 'Elsewhere Person', password: 'a long enough password' });
    expect(accepted.status).toBe(409);
    expect(accepted.body).toMatchObject({ code: 'conflict', errors: [{ field: 'token' }] });
    // Their own account is untouched.
    const me = await request(server.url).get('/v1/me').set(auth(elsewhere.token));
    expect(me.body.tenant.name).toBe('Elsewhere Ab');
    const users = await request(server.url).get('/v1/users').set(auth(a.token));
    expect(users.body.data.map((u: { email: string }) => u.email)).not.toContain(elsewhere.email);
  });

  it('keeps 409 for a registered e-mail at sign-up, with a per-IP sign-up limit (20 an hour by default)', async () => {
    const a = await signUp(server.url, { company: 'Registered Oy' });
    const again = await request(server.url).post('/v1/signup').send({
      company: 'Again Oy',
      name: 'Again',
      email: a.email,
      password: 'correct horse battery staple',
    });
    expect(again.status).toBe(409);
    expect(again.headers['ratelimit-limit']).toBe('20');
  });
});

describe('hardening item 12: sign-up is rate limited per IP', () => {
  it('answers 429 with Retry-After past SIGNUP_RATE_LIMIT_PER_HOUR for one IP; other IPs go on', async () => {
    const server = await startTestServer({
      worker: false,
      env: { TRUST_PROXY: 'loopback', SIGNUP_RATE_LIMIT_PER_HOUR: '3' },
    });
    try {
      const signup = (email: string, ip: string) =>
        request(server.url).post('/v1/signup').set('X-Forwarded-For', ip).send({
          company: 'Probe Oy',
          name: 'Probe',
          email,
          password: 'correct horse battery staple',
        });
      const taken = newEmail('taken');
      expect((await signup(taken, '203.0.113.50')).status).toBe(201);
      // Probing registered addresses counts as well.
      expect((await signup(taken, '203.0.113.50')).status).toBe(409);
      expect((await signup(taken, '203.0.113.50')).status).toBe(409);
      const limited = await signup(newEmail('fourth'), '203.0.113.50');
      expect(limited.status).toBe(429);
      expect(limited.body.code).toBe('rate_limited');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(3000);
      expect((await signup(taken, '203.0.113.50')).status).toBe(429);
      expect((await signup(newEmail('other-ip'), '203.0.113.51')).status).toBe(201);
    } finally {
      await server.close();
    }
  });
});
