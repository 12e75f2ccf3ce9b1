import { createHash } from 'node:crypto';
import request from 'supertest';
import { signUp, type SignedUp } from '../support/api-client';
import { queryOnce } from '../support/database';
import { startSmtpCapture, type SmtpCapture } from '../support/smtp-capture';
import { startTestServer, type TestServer } from '../support/test-server';

jest.setTimeout(90_000);

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const SUBJECT = /Confirm your e-mail address for Contract Bank/;

describe('issue 15 item 5: e-mail verification of sign-ups, through real SMTP', () => {
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

  const verify = (token: string) =>
    request(server.url).post('/v1/auth/verify-email').send({ token });
  const me = (a: SignedUp) => request(server.url).get('/v1/me').set(auth(a.token));
  const resend = (a: SignedUp) =>
    request(server.url).post('/v1/me/verify-email').set(auth(a.token));

  async function linkIn(email: string, since = 0): Promise<string> {
    const mail = await smtp.waitFor(email, { subject: SUBJECT, since });
    const m = /\/verify-email\?token=(\S+)/.exec(mail.text ?? '');
    expect(m).not.toBeNull();
    return decodeURIComponent(m![1]);
  }

  it('sign-up mails a single-use link (stored hashed, 48 h); verifying sets emailVerified', async () => {
    const a = await signUp(server.url, { company: 'Verify Oy', name: 'Vera' });
    // The trial works at once: the unverified owner is signed in and can use the API.
    expect((await me(a)).body.emailVerified).toBe(false);
    expect((await request(server.url).get('/v1/contracts').set(auth(a.token))).status).toBe(200);

    const mail = await smtp.waitFor(a.email, { subject: SUBJECT });
    expect(mail.text).toContain('Hello Vera,');
    expect(mail.text).toMatch(/works once, for 48 hours/);
    expect(mail.html).toContain('<html lang="en">');
    const token = await linkIn(a.email);
    expect(token).toMatch(/^cbv_/);
    const rows = await queryOnce<{ token_hash: string; expires_at: Date; used_at: Date | null }>(
      server.db.url,
      `SELECT token_hash, expires_at, used_at FROM email_verifications WHERE user_id = $1`,
      [a.userId],
    );
    expect(rows).toHaveLength(1);
    expect(rows[0].token_hash).toBe(sha256(token));
    expect(JSON.stringify(rows)).not.toContain(token);
    const hours = (rows[0].expires_at.getTime() - Date.now()) / 3_600_000;
    expect(hours).toBeGreaterThan(47.9);
    expect(hours).toBeLessThanOrEqual(48);

    const ok = await verify(token);
    expect(ok.status).toBe(204);
    expect((await me(a)).body.emailVerified).toBe(true);
    const audit = await queryOnce<{ action: string }>(
      server.db.url,
      `SELECT action FROM audit_events WHERE tenant_id = $1 AND action = 'user.email_verified'`,
      [a.tenantId],
    );
    expect(audit).toHaveLength(1);

    // Used up: the same link again is refused with a clear code.
    const again = await verify(token);
    expect(again.status).toBe(400);
    expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(again.body.code).toBe('verification_token_invalid');
    expect(again.body.errors[0].field).toBe('token');
    // Already verified: nothing to resend.
    const r = await resend(a);
    expect(r.status).toBe(409);
    expect(r.body.code).toBe('invalid_state');
  });

  it('refuses unknown and expired links; a resent link replaces the older one', async () => {
    const unknown = await verify('cbv_' + 'x'.repeat(43));
    expect(unknown.status).toBe(400);
    expect(unknown.body.code).toBe('verification_token_invalid');
    const malformed = await verify('');
    expect(malformed.status).toBe(400);
    expect(malformed.body.errors[0].field).toBe('token');

    const a = await signUp(server.url, { company: 'Expired Ab' });
    const first = await linkIn(a.email);
    await queryOnce(
      server.db.url,
      `UPDATE email_verifications SET expires_at = now() - interval '1 second' WHERE token_hash = $1`,
      [sha256(first)],
    );
    const expired = await verify(first);
    expect(expired.status).toBe(400);
    expect(expired.body.code).toBe('verification_token_invalid');
    expect((await me(a)).body.emailVerified).toBe(false);

    const since = smtp.received.length;
    const r = await resend(a);
    expect(r.status).toBe(202);
    const second = await linkIn(a.email, since);
    expect(second).not.toBe(first);
    // A third link: the second stops working, the newest works.
    const since3 = smtp.received.length;
    expect((await resend(a)).status).toBe(202);
    const third = await linkIn(a.email, since3);
    expect((await verify(second)).status).toBe(400);
    expect((await verify(third)).status).toBe(204);
    expect((await me(a)).body.emailVerified).toBe(true);
  });

  it('resending is limited per user, needs a session (no API keys), and invited users count as verified', async () => {
    const a = await signUp(server.url, { company: 'Resend Oy' });
    await linkIn(a.email);
    // The sign-up mail counts: four resends more within the hour, then 429 with Retry-After.
    for (let i = 0; i < 4; i++) expect((await resend(a)).status).toBe(202);
    const limited = await resend(a);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect((await request(server.url).post('/v1/me/verify-email')).status).toBe(401);

    const key = await request(server.url)
      .post('/v1/api-keys')
      .set(auth(a.token))
      .send({ name: 'integration' });
    expect(key.status).toBe(201);
    expect(
      (await request(server.url).post('/v1/me/verify-email').set(auth(key.body.key))).status,
    ).toBe(403);

    // An invited member proved the address by opening the invitation link.
    const inv = await request(server.url)
      .post('/v1/invitations')
      .set(auth(a.token))
      .send({ email: `member-${a.tenantId.slice(0, 8)}@example.com`, role: 'member' });
    expect(inv.status).toBe(201);
    const invitationMail = await smtp.waitFor(inv.body.email, { subject: /Join/ });
    const invToken = decodeURIComponent(
      /accept-invite\?token=(\S+)/.exec(invitationMail.text ?? '')![1],
    );
    const accepted = await request(server.url)
      .post('/v1/invitations/accept')
      .send({ token: invToken, name: 'Mia Member', password: 'another horse battery staple' });
    expect(accepted.status).toBe(201);
    const memberMe = await request(server.url).get('/v1/me').set(auth(accepted.body.accessToken));
    expect(memberMe.body.emailVerified).toBe(true);
  });

  it("writes the link in the sign-up's language, else in the tenant's e-mail language", async () => {
    const email = `aino-${Date.now()}@example.com`;
    const res = await request(server.url).post('/v1/signup').send({
      company: 'Metsä Oy',
      name: 'Aino',
      email,
      password: 'correct horse battery staple',
      language: 'fi',
    });
    expect(res.status).toBe(201);
    const fi = await smtp.waitFor(email, { subject: /Vahvista sähköpostiosoitteesi/ });
    expect(fi.text).toContain('Hei Aino,');
    expect(fi.html).toContain('<html lang="fi">');
    const bad = await request(server.url)
      .post('/v1/signup')
      .send({
        company: 'X Oy',
        name: 'X',
        email: `x-${email}`,
        password: 'correct horse battery staple',
        language: 'de',
      });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('language');

    // A resend follows the tenant's alert-settings language.
    const a = await signUp(server.url, { company: 'Skog AB' });
    await linkIn(a.email);
    await request(server.url)
      .put('/v1/alert-settings')
      .set(auth(a.token))
      .send({ language: 'sv' })
      .expect(200);
    expect((await resend(a)).status).toBe(202);
    await smtp.waitFor(a.email, { subject: /Bekräfta din e-postadress/ });
  });
});
