import { Logger } from '@nestjs/common';
import { authenticator } from 'otplib';
import request from 'supertest';
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
  const login = (a: { email: string; password: string }) =>
    request(server.url).post('/v1/auth/login').send({ email: a.email, password: a.password });

  /** Enrols `a`; answers the secret and the recovery codes. */
  async function enrol(token: string): Promise<{ secret: string; recoveryCodes: string[] }> {
    const setup = await post('/v1/auth/mfa/setup', token);
    expect(setup.status).toBe(200);
    const enabled = await post('/v1/auth/mfa/enable', token, { code: codeAt(setup.body.secret) });
    expect(enabled.status).toBe(200);
    return { secret: setup.body.secret, recoveryCodes: enabled.body.recoveryCodes };
  }

  it('enrols with a QR-code URI, confirms with a code computed from the secret, and gives 10 recovery codes stored hashed', async () => {
    const a = await signUp(server.url, { company: 'Two Factor Oy' });
    expect((await request(server.url).get('/v1/auth/mfa').set(auth(a.token))).body).toEqual({
      enabled: false,
      enabledAt: null,
      recoveryCodesLeft: 0,
      requiredByTenant: false,
    });
    const setup = await post('/v1/auth/mfa/setup', a.token);
    expect(setup.status).toBe(200);
    expect(setup.body.secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(setup.body.otpauthUri).toBe(
      `otpauth://totp/Contract%20Bank:${encodeURIComponent(a.email)}?secret=${setup.body.secret}&period=30&digits=6&algorithm=SHA1&issuer=Contract%20Bank`,
    );
    // Not in force before it is confirmed.
    expect((await login(a)).body.accessToken).toEqual(expect.any(String));
    const wrong = await post('/v1/auth/mfa/enable', a.token, {
      code: codeAt(setup.body.secret, 5),
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors[0].field).toBe('code');
    const enabled = await post('/v1/auth/mfa/enable', a.token, { code: codeAt(setup.body.secret) });
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
    const status = await request(server.url).get('/v1/auth/mfa').set(auth(a.token));
    expect(status.body).toMatchObject({ enabled: true, recoveryCodesLeft: 10 });
    expect((await request(server.url).get('/v1/me').set(auth(a.token))).body.security).toEqual({
      mfaEnabled: true,
      mfaRequired: false,
      mfaEnrollmentRequired: false,
    });
  });

  it('asks for the code as a second step; a code and a recovery code each work once', async () => {
    const a = await signUp(server.url, { company: 'Second Step Oy' });
    const { secret, recoveryCodes } = await enrol(a.token);

    const first = await login(a);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({ mfaRequired: true, mfaToken: expect.any(String), expiresIn: 300 });
    const mfa = (body: object) =>
      request(server.url)
        .post('/v1/auth/login/mfa')
        .send({ mfaToken: first.body.mfaToken, ...body });
    // The challenge is no access token.
    expect((await request(server.url).get('/v1/me').set(auth(first.body.mfaToken))).status).toBe(
      401,
    );
    expect((await mfa({ code: codeAt(secret, 10) })).status).toBe(401);
    // The enrolment used the current step: the next step's code (within the one-step window) signs in.
    const next = codeAt(secret, 1);
    const ok = await mfa({ code: next });
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({
      accessToken: expect.any(String),
      refreshToken: expect.any(String),
    });
    expect((await request(server.url).get('/v1/me').set(auth(ok.body.accessToken))).status).toBe(
      200,
    );
    // Replaying the same code is refused (RFC 6238 section 5.2).
    expect((await mfa({ code: next })).status).toBe(401);

    const withRecovery = await mfa({ recoveryCode: recoveryCodes[0].toLowerCase() });
    expect(withRecovery.status).toBe(200);
    expect((await mfa({ recoveryCode: recoveryCodes[0] })).status).toBe(401);
    expect((await request(server.url).get('/v1/auth/mfa').set(auth(a.token))).body).toMatchObject({
      recoveryCodesLeft: 9,
    });
    // A forged or garbled challenge is refused.
    expect(
      (
        await request(server.url)
          .post('/v1/auth/login/mfa')
          .send({ mfaToken: 'not-a-real-challenge-token', code: codeAt(secret) })
      ).status,
    ).toBe(401);
  });

  it('renews recovery codes and turns off only with the password and a second factor', async () => {
    const a = await signUp(server.url, { company: 'Renewing Oy' });
    const { recoveryCodes } = await enrol(a.token);
    const renewed = await post('/v1/auth/mfa/recovery-codes', a.token, {
      recoveryCode: recoveryCodes[0],
    });
    expect(renewed.status).toBe(200);
    expect(renewed.body.recoveryCodes).toHaveLength(10);
    const fresh: string[] = renewed.body.recoveryCodes;
    // The old codes stopped working.
    expect(
      (
        await post('/v1/auth/mfa/disable', a.token, {
          password: a.password,
          recoveryCode: recoveryCodes[1],
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await post('/v1/auth/mfa/disable', a.token, {
          password: 'not the password',
          recoveryCode: fresh[0],
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await post('/v1/auth/mfa/disable', a.token, {
          password: a.password,
          recoveryCode: fresh[0],
        })
      ).status,
    ).toBe(204);
    expect((await login(a)).body.accessToken).toEqual(expect.any(String));
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
    const off = await post('/v1/auth/mfa/disable', member.accessToken, {
      password: 'a long enough password',
      recoveryCode: recoveryCodes[0],
    });
    expect(off.status).toBe(409);
    // The owner's own contracts are unaffected.
    expect((await request(server.url).get('/v1/contracts').set(auth(owner.token))).status).toBe(
      200,
    );
  });
});
