import { createHash, randomBytes } from 'node:crypto';
import request from 'supertest';
import { signUp, type SignedUp } from '../support/api-client';
import { queryOnce } from '../support/database';
import { startSmtpCapture, type SmtpCapture } from '../support/smtp-capture';
import { startTestServer, type TestServer } from '../support/test-server';

jest.setTimeout(90_000);

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

describe('hardening item 7: forgotten and changed passwords, e-mailed through real SMTP', () => {
  let server: TestServer;
  let smtp: SmtpCapture;

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    server = await startTestServer({ worker: false, env: { SMTP_URL: smtp.url } });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await smtp?.close();
  }, 60_000);

  const forgot = (email: string) =>
    request(server.url).post('/v1/auth/password-reset').send({ email });
  const reset = (token: string, password: string) =>
    request(server.url).post('/v1/auth/password-reset/confirm').send({ token, password });
  const login = (email: string, password: string) =>
    request(server.url).post('/v1/auth/login').send({ email, password });

  async function resetLink(a: SignedUp): Promise<string> {
    const since = smtp.received.length;
    const res = await forgot(a.email);
    expect(res.status).toBe(202);
    const mail = await smtp.waitFor(a.email, {
      subject: /Reset your Contract Bank password/,
      since,
    });
    const m = /\/reset-password\?token=(\S+)/.exec(mail.text ?? '');
    expect(m).not.toBeNull();
    return decodeURIComponent(m![1]);
  }

  it('answers the same for unknown and known e-mails, and mails only the known one a single-use link', async () => {
    const a = await signUp(server.url, { company: 'Forgetful Oy' });
    const unknown = await forgot(`nobody-${randomBytes(4).toString('hex')}@example.com`);
    const known = await forgot(a.email);
    expect(unknown.status).toBe(202);
    expect(known.status).toBe(202);
    expect(unknown.body).toEqual(known.body);
    expect(known.body).toEqual({
      message: 'If an account uses this address, a link to reset its password is on its way.',
    });
    const mail = await smtp.waitFor(a.email, { subject: /Reset your Contract Bank password/ });
    expect(mail.text).toMatch(/works once, for 60 minutes/);
    const token = decodeURIComponent(/\/reset-password\?token=(\S+)/.exec(mail.text!)![1]);
    // Stored hashed, valid for an hour.
    const rows = await queryOnce<{ token_hash: string; expires_at: Date }>(
      server.db.url,
      `SELECT token_hash, expires_at FROM password_resets r JOIN users u ON u.id = r.user_id
        WHERE u.email = $1`,
      [a.email],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).toBe(sha256(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    const minutes = (rows[0].expires_at.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(58);
    expect(minutes).toBeLessThanOrEqual(60);
    // Nothing was sent to the unknown address.
    await new Promise((r) => setTimeout(r, 300));
    expect(smtp.received.filter((m) => (m.subject ?? '').startsWith('Reset')).length).toBe(1);
  });

  it('resets once with a strong password and ends every session', async () => {
    const a = await signUp(server.url, { company: 'Reset Ab' });
    const other = await login(a.email, a.password);
    const token = await resetLink(a);
    const weak = await reset(token, 'password12');
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('weak_password');
    // A refused password does not use the link up.
    expect((await reset(token, 'a brand new sound password')).status).toBe(204);
    const again = await reset(token, 'another brand new password');
    expect(again.status).toBe(400);
    expect(again.body).toMatchObject({ code: 'validation_failed', errors: [{ field: 'token' }] });
    // Every session ended at once: access tokens and refresh tokens.
    for (const t of [a.token, other.body.accessToken])
      expect((await request(server.url).get('/v1/me').set(auth(t))).status).toBe(401);
    for (const r of [a.refreshToken, other.body.refreshToken])
      expect(
        (await request(server.url).post('/v1/auth/refresh').send({ refreshToken: r })).status,
      ).toBe(401);
    expect((await login(a.email, a.password)).status).toBe(401);
    expect((await login(a.email, 'a brand new sound password')).status).toBe(200);
  });

  it('refuses an expired link and every link but the newest', async () => {
    const a = await signUp(server.url, { company: 'Expiry Oy' });
    const first = await resetLink(a);
    const second = await resetLink(a);
    expect((await reset(first, 'a brand new sound password')).status).toBe(400);
    await queryOnce(
      server.db.url,
      `UPDATE password_resets SET expires_at = now() - interval '1 second' WHERE token_hash = $1`,
      [sha256(second)],
    );
    expect((await reset(second, 'a brand new sound password')).status).toBe(400);
    expect((await reset('cbp_made-up-token-value', 'a brand new sound password')).status).toBe(400);
    expect((await login(a.email, a.password)).status).toBe(200);
  });

  it('changes the password with the current one; this session goes on, the others end', async () => {
    const a = await signUp(server.url, { company: 'Changing Oy' });
    const other = await login(a.email, a.password);
    const change = (currentPassword: string, newPassword: string) =>
      request(server.url)
        .post('/v1/me/password')
        .set(auth(a.token))
        .send({ currentPassword, newPassword });
    const wrong = await change('not the password', 'a brand new sound password');
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([{ field: 'currentPassword', message: 'is not correct' }]);
    const weak = await change(a.password, 'aaaaaaaaaa');
    expect(weak.status).toBe(400);
    expect(weak.body.code).toBe('weak_password');
    const byCompany = await change(a.password, 'changing oy changing oy');
    expect(byCompany.body.code).toBe('weak_password');
    expect((await change(a.password, 'a brand new sound password')).status).toBe(204);
    expect((await request(server.url).get('/v1/me').set(auth(a.token))).status).toBe(200);
    expect(
      (await request(server.url).post('/v1/auth/refresh').send({ refreshToken: a.refreshToken }))
        .status,
    ).toBe(200);
    expect((await request(server.url).get('/v1/me').set(auth(other.body.accessToken))).status).toBe(
      401,
    );
    expect(
      (
        await request(server.url)
          .post('/v1/auth/refresh')
          .send({ refreshToken: other.body.refreshToken })
      ).status,
    ).toBe(401);
    expect((await login(a.email, 'a brand new sound password')).status).toBe(200);
  });

  it('e-mails the invitation through SMTP, and its link lets the invitee join', async () => {
    const owner = await signUp(server.url, { company: 'Mail Invites Oy' });
    const email = `colleague-${randomBytes(4).toString('hex')}@example.com`;
    const since = smtp.received.length;
    const inv = await request(server.url)
      .post('/v1/invitations')
      .set(auth(owner.token))
      .send({ email, role: 'member' });
    expect(inv.status).toBe(201);
    const mail = await smtp.waitFor(email, { subject: /Join Mail Invites Oy/, since });
    const token = decodeURIComponent(/accept-invite\?token=(\S+)/.exec(mail.text!)![1]);
    const accepted = await request(server.url)
      .post('/v1/invitations/accept')
      .send({ token, name: 'Colleague', password: 'a long enough password' });
    expect(accepted.status).toBe(201);
    expect(accepted.body.user.email).toBe(email);
  });
});
