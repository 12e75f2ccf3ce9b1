import { Logger } from '@nestjs/common';
import { authenticator } from 'otplib';
import request from 'supertest';
import { deriveKey } from '../../libs/config/src/secret-policy';
import { openSecret } from '../../libs/config/src/secret-box';
import { signUp } from '../support/api-client';
import { queryOnce } from '../support/database';
import { invitationTokenFromLog } from '../support/log-mail';
import { startTestServer, type TestServer } from '../support/test-server';

jest.setTimeout(90_000);

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
/** The code an authenticator app shows `offsetSteps` 30-second steps from now (RFC 6238, SHA-1, 6 digits). */
const codeAt = (secret: string, offsetSteps = 0) =>
  authenticator.clone({ epoch: Date.now() + offsetSteps * 30_000 }).generate(secret);

describe('hardening item 7: TOTP multi-factor authentication', () => {
  let server: TestServer;
  const logSpy = jest.spyOn(Logger.prototype, 'log');

  beforeAll(async () => {
    server = await startTestServer({ worker: false });
  }, 60_000);
  afterAll(async () => {
    logSpy.mockRestore();
    await server?.close();
  }, 60_000);

  const post = (path: string, token: string, body: object = {}) =>
    request(server.url).post(path).set(auth(token)).send(body);
  const del = (path: string, token: string, body: object = {}) =>
    request(server.url).delete(path).set(auth(token)).send(body);
  const login = (a: { email: string; password: string }, otp?: string) =>
    request(server.url)
      .post('/v1/auth/login')
      .send({ email: a.email, password: a.password, ...(otp === undefined ? {} : { otp }) });

  /** Enrols `a`; answers the secret and the recovery codes. */
  async function enrol(
    token: string,
  ): Promise<{ secret: string; recoveryCodes: string[]; enrolCode: string }> {
    const setup = await post('/v1/me/mfa', token);
    expect(setup.status).toBe(200);
    const enrolCode = codeAt(setup.body.secret);
    const enabled = await post('/v1/me/mfa/confirm', token, { code: enrolCode });
    expect(enabled.status).toBe(200);
    return { secret: setup.body.secret, recoveryCodes: enabled.body.recoveryCodes, enrolCode };
  }

  it('enrols with a QR-code URI, confirms with a code computed from the secret, and gives 10 recovery codes stored hashed', async () => {
    const a = await signUp(server.url, { company: 'Two Factor Oy' });
    expect((await request(server.url).get('/v1/me/mfa').set(auth(a.token))).body).toEqual({
      enabled: false,
      enabledAt: null,
      recoveryCodesLeft: 0,
      requiredByTenant: false,
    });
    const setup = await post('/v1/me/mfa', a.token);
    expect(setup.status).toBe(200);
    expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.body.otpauthUrl).toBe(
      `otpauth://totp/Contract%20Bank:${encodeURIComponent(a.email)}?secret=${setup.body.secret}&period=30&digits=6&algorithm=SHA1&issuer=Contract%20Bank`,
    );
    // Not in force before it is confirmed.
    expect((await login(a)).body.accessToken).toEqual(expect.any(String));
    const wrong = await post('/v1/me/mfa/confirm', a.token, {
      code: codeAt(setup.body.secret, 5),
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].field).toBe('code');
    const enabled = await post('/v1/me/mfa/confirm', a.token, { code: codeAt(setup.body.secret) });
    expect(enabled.status).toBe(200);
    const codes: string[] = enabled.body.recoveryCodes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[A-Z0-9]{5}-[A-Z0-9]{5}$/);
    const [row] = await queryOnce<{ mfa_recovery_codes: string[]; mfa_pending_secret: null }>(
      server.db.url,
      'SELECT mfa_recovery_codes, mfa_pending_secret FROM users WHERE id = $1',
      [a.userId],
    );
    expect(row.mfa_recovery_codes).toHaveLength(10);
    for (const c of codes) expect(JSON.stringify(row)).not.toContain(c.replace('-', ''));
    expect(row.mfa_pending_secret).toBeNull();
    const status = await request(server.url).get('/v1/me/mfa').set(auth(a.token));
    expect(status.body).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    expect((await request(server.url).get('/v1/me').set(auth(a.token))).body.security).toEqual({
      mfaEnabled: true,
      mfaRequired: false,
      mfaEnrollmentRequired: false,
    });
  });

  it('answers 401 mfa_required until the otp comes with the password; a code and a recovery code each work once', async () => {
    const a = await signUp(server.url, { company: 'Second Step Oy' });
    const { secret, recoveryCodes } = await enrol(a.token);

    const first = await login(a);
    expect(first.status).toBe(401);
    expect(first.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(first.body).toMatchObject({ status: 401, code: 'mfa_required' });
    expect(first.body.accessToken).toBeUndefined();
    expect(first.body.refreshToken).toBeUndefined();
    // A wrong password is still just wrong credentials (mfa_required tells the password was right).
    const badPassword = await request(server.url)
      .post('/v1/auth/login')
      .send({ email: a.email, password: 'not the password', otp: codeAt(secret) });
    expect(badPassword.status).toBe(401);
    expect(badPassword.body.code).toBe('unauthenticated');
    const wrongCode = await login(a, codeAt(secret, 10));
    expect(wrongCode.status).toBe(401);
    expect(wrongCode.body).toMatchObject({ code: 'mfa_required', errors: [{ field: 'otp' }] });
    // The enrolment used the current step: the next step's code (within the one-step window) signs in.
    const next = codeAt(secret, 1);
    const ok = await login(a, next);
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
    });
    expect((await request(server.url).get('/v1/me').set(auth(ok.body.accessToken))).status).toBe(
      200,
    );
    // Replaying the same code is refused (RFC 6238 section 5.2).
    const replay = await login(a, next);
    expect(replay.status).toBe(401);
    expect(replay.body.code).toBe('mfa_required');

    const withRecovery = await login(a, recoveryCodes[0].toLowerCase());
    expect(withRecovery.status).toBe(200);
    expect((await login(a, recoveryCodes[0])).status).toBe(401);
    expect((await request(server.url).get('/v1/me/mfa').set(auth(a.token))).body).toMatchObject({
      recoveryCodesLeft: 9,
    });
    // Garbage in otp is a validation error, not a sign-in.
    expect((await login(a, 'not-a-code-at-all')).status).toBe(400);
  });

  it('stores the TOTP secret sealed (AES-256-GCM), never as the secret itself', async () => {
    const a = await signUp(server.url, { company: 'Sealed Oy' });
    const setup = await post('/v1/me/mfa', a.token);
    const secret: string = setup.body.secret;
    const key = deriveKey(server.config.jwtSecret, 'totp-secret');
    const column = async () =>
      (
        await queryOnce<{ mfa_secret: string | null; mfa_pending_secret: string | null }>(
          server.db.url,
          'SELECT mfa_secret, mfa_pending_secret FROM users WHERE id = $1',
          [a.userId],
        )
      )[0];
    const pending = await column();
    expect(pending.mfa_pending_secret).not.toBeNull();
    expect(pending.mfa_pending_secret).not.toContain(secret);
    expect(pending.mfa_pending_secret).toMatch(/^enc:v1:/);
    expect(openSecret(key, pending.mfa_pending_secret!, a.userId)).toBe(secret);
    expect((await post('/v1/me/mfa/confirm', a.token, { code: codeAt(secret) })).status).toBe(200);
    const on = await column();
    expect(on.mfa_pending_secret).toBeNull();
    expect(on.mfa_secret).not.toContain(secret);
    expect(on.mfa_secret).toMatch(/^enc:v1:/);
    expect(openSecret(key, on.mfa_secret!, a.userId)).toBe(secret);
    // Bound to the user: the sealed value does not open for another row.
    expect(() => openSecret(key, on.mfa_secret!, a.tenantId)).toThrow();
    // And it still signs in with codes computed from the secret.
    expect((await login(a, codeAt(secret, 1))).status).toBe(200);
  });

  it('renews recovery codes and turns off only with a second factor, never a replayed or stale one', async () => {
    const a = await signUp(server.url, { company: 'Renewing Oy' });
    const { secret, recoveryCodes, enrolCode } = await enrol(a.token);
    // The account's security is for people: an API key of the same user is refused.
    const key = await post('/v1/api-keys', a.token, { name: 'not for security' });
    expect(key.status).toBe(201);
    expect((await del('/v1/me/mfa', key.body.key, { code: recoveryCodes[0] })).status).toBe(403);
    expect((await post('/v1/me/mfa', key.body.key)).status).toBe(403);
    expect(
      (
        await post('/v1/me/password', key.body.key, {
          currentPassword: a.password,
          newPassword: 'a brand new sound password',
        })
      ).status,
    ).toBe(403);

    const renewed = await post('/v1/me/mfa/recovery-codes', a.token, {
      code: recoveryCodes[0],
    });
    expect(renewed.status).toBe(200);
    expect(renewed.body.recoveryCodes).toHaveLength(10);
    const fresh: string[] = renewed.body.recoveryCodes;
    // The old codes stopped working.
    const stale = await del('/v1/me/mfa', a.token, { code: recoveryCodes[1] });
    expect(stale.status).toBe(400);
    expect(stale.body.errors[0].field).toBe('code');
    // A code from the wrong time, and no code at all, are refused.
    expect((await del('/v1/me/mfa', a.token, { code: codeAt(secret, 10) })).status).toBe(400);
    const none = await del('/v1/me/mfa', a.token, {});
    expect(none.status).toBe(400);
    expect(none.body.errors[0].field).toBe('code');
    // A TOTP step is accepted once: the code that confirmed the enrolment cannot turn it off.
    expect((await del('/v1/me/mfa', a.token, { code: enrolCode })).status).toBe(400);
    // Still on after every refusal.
    expect((await login(a)).body.code).toBe('mfa_required');
    expect((await del('/v1/me/mfa', a.token, { code: fresh[0] })).status).toBe(204);
    expect((await login(a)).body.accessToken).toEqual(expect.any(String));
    expect((await request(server.url).get('/v1/me/mfa').set(auth(a.token))).body).toMatchObject({
      enabled: false,
    });
  });

  it('lets an owner require MFA: members without it may only enrol, then work normally', async () => {
    const owner = await signUp(server.url, { company: 'Strict Oy' });
    // The owner must use it first (nobody locks the tenant out).
    const early = await request(server.url)
      .put('/v1/tenant/security')
      .set(auth(owner.token))
      .send({ requireMfa: true });
    expect(early.status).toBe(409);

    const email = `member-${Date.now()}@example.com`;
    await post('/v1/invitations', owner.token, { email, role: 'admin' });
    const invite = invitationTokenFromLog(logSpy, email);
    const member = (
      await request(server.url)
        .post('/v1/invitations/accept')
        .send({ token: invite, name: 'Admin Member', password: 'a long enough password' })
    ).body as { accessToken: string };

    await enrol(owner.token);
    // Only the owner may set it, not an admin.
    expect(
      (
        await request(server.url)
          .put('/v1/tenant/security')
          .set(auth(member.accessToken))
          .send({ requireMfa: true })
      ).status,
    ).toBe(403);
    const on = await request(server.url)
      .put('/v1/tenant/security')
      .set(auth(owner.token))
      .send({ requireMfa: true });
    expect(on.status).toBe(200);
    expect(on.body).toEqual({ requireMfa: true });

    const blocked = await request(server.url).get('/v1/contracts').set(auth(member.accessToken));
    expect(blocked.status).toBe(403);
    expect(blocked.body).toMatchObject({ code: 'mfa_enrollment_required' });
    const me = await request(server.url).get('/v1/me').set(auth(member.accessToken));
    expect(me.status).toBe(200);
    expect(me.body.security).toEqual({
      mfaEnabled: false,
      mfaRequired: true,
      mfaEnrollmentRequired: true,
    });
    const { recoveryCodes } = await enrol(member.accessToken);
    expect(
      (await request(server.url).get('/v1/contracts').set(auth(member.accessToken))).status,
    ).toBe(200);
    // While required, it cannot be turned off.
    const off = await del('/v1/me/mfa', member.accessToken, { code: recoveryCodes[0] });
    expect(off.status).toBe(409);
    // The owner's own contracts are unaffected.
    expect((await request(server.url).get('/v1/contracts').set(auth(owner.token))).status).toBe(
      200,
    );
  });
});
