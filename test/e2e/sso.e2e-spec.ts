import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { signUp, type SignedUp } from '../support/api-client';
import { queryOnce } from '../support/database';
import { startOidcTestProvider, type OidcTestProvider } from '../support/oidc-test-provider';
import { startTestServer, type TestServer } from '../support/test-server';

// Sign-ups hash with argon2 and every flow makes a dozen requests while other suites share the machine.
jest.setTimeout(60_000);

const APP_URL = 'http://app.test';
const REDIRECT_URI = `${APP_URL}/v1/auth/sso/callback`;

describe('single sign-on: OpenID Connect code flow with PKCE against a real provider', () => {
  let server: TestServer;
  let idp: OidcTestProvider;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
  const JSON_ONLY = { Accept: 'application/json' };

  beforeAll(async () => {
    idp = await startOidcTestProvider(REDIRECT_URI);
    server = await startTestServer({
      worker: false,
      env: { SSO_ALLOW_PRIVATE_ISSUERS: 'true', APP_URL },
    });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await idp?.close();
  }, 60_000);
  afterEach(() => {
    idp.tamperAudience = null;
  });

  /** A company whose owner's e-mail is in its own fresh domain, with SSO connected to the test provider. */
  async function companyWithSso(): Promise<SignedUp & { domain: string }> {
    const domain = `acme-${randomBytes(5).toString('hex')}.test`;
    const owner = await signUp(server.url, { email: `owner@${domain}` });
    const res = await request(server.url)
      .put('/v1/sso')
      .set(auth(owner.token))
      .send({
        issuerUrl: idp.issuer,
        clientId: idp.client.clientId,
        clientSecret: idp.client.clientSecret,
        domains: [domain],
        required: false,
      });
    if (res.status !== 200)
      throw new Error(`PUT /v1/sso: ${res.status} ${JSON.stringify(res.body)}`);
    return { ...owner, domain };
  }

  /** GET /v1/auth/sso/start as an API client: the provider URL and the browser-binding cookie. */
  async function start(email: string): Promise<{ authorizationUrl: string; cookie: string }> {
    const res = await request(server.url).get('/v1/auth/sso/start').query({ email }).set(JSON_ONLY);
    if (res.status !== 200) throw new Error(`start: ${res.status} ${JSON.stringify(res.body)}`);
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const cookie = setCookie.find((c) => c.startsWith('cb_sso='))!.split(';')[0];
    return { authorizationUrl: res.body.authorizationUrl, cookie };
  }

  /** Our callback, called with what the provider put in the redirect. */
  function callback(redirect: URL, cookie: string | null, accept: 'json' | 'browser' = 'json') {
    const req = request(server.url).get(`/v1/auth/sso/callback${redirect.search}`);
    if (cookie) req.set('Cookie', cookie);
    return accept === 'json' ? req.set(JSON_ONLY) : req.set('Accept', 'text/html');
  }

  /** The whole flow for `login` at the provider: start, provider login and consent, and the redirect back. */
  async function signInAtProvider(email: string, login = email) {
    const started = await start(email);
    const redirect = await idp.signIn(started.authorizationUrl, login, REDIRECT_URI);
    return { ...started, redirect };
  }

  describe('settings (GET/PUT/DELETE /v1/sso)', () => {
    it('never answer the client secret, store it encrypted, and can be removed', async () => {
      const owner = await signUp(server.url);
      const empty = await request(server.url).get('/v1/sso').set(auth(owner.token));
      expect(empty.status).toBe(200);
      expect(empty.body).toMatchObject({ configured: false, redirectUri: REDIRECT_URI });

      const domain = `secret-${randomBytes(4).toString('hex')}.test`;
      const saved = await request(server.url)
        .put('/v1/sso')
        .set(auth(owner.token))
        .send({
          issuerUrl: idp.issuer,
          clientId: idp.client.clientId,
          clientSecret: idp.client.clientSecret,
          domains: [`@${domain.toUpperCase()}`],
          required: false,
        });
      expect(saved.status).toBe(200);
      expect(saved.body).toMatchObject({
        configured: true,
        issuerUrl: idp.issuer,
        clientId: idp.client.clientId,
        domains: [domain],
        required: false,
      });
      expect(JSON.stringify(saved.body)).not.toContain(idp.client.clientSecret);
      const again = await request(server.url).get('/v1/sso').set(auth(owner.token));
      expect(JSON.stringify(again.body)).not.toContain(idp.client.clientSecret);

      const rows = await queryOnce<{ client_secret_sealed: string }>(
        server.db.url,
        'SELECT client_secret_sealed FROM sso_connections WHERE tenant_id = $1',
        [owner.tenantId],
      );
      expect(rows[0].client_secret_sealed).toMatch(/^enc:v1:/);
      expect(rows[0].client_secret_sealed).not.toContain(idp.client.clientSecret);

      const removed = await request(server.url).delete('/v1/sso').set(auth(owner.token));
      expect(removed.status).toBe(204);
      expect((await request(server.url).delete('/v1/sso').set(auth(owner.token))).status).toBe(404);
    });

    it('refuses bad input, an issuer that cannot be discovered, and a domain another company holds', async () => {
      const a = await companyWithSso();
      const b = await signUp(server.url);
      const base = {
        issuerUrl: idp.issuer,
        clientId: idp.client.clientId,
        clientSecret: 'x',
        required: false,
      };
      const badDomain = await request(server.url)
        .put('/v1/sso')
        .set(auth(b.token))
        .send({ ...base, domains: ['not a domain'] });
      expect(badDomain.status).toBe(400);
      expect(badDomain.body.errors).toEqual([expect.objectContaining({ field: 'domains' })]);

      const undiscoverable = await request(server.url)
        .put('/v1/sso')
        .set(auth(b.token))
        .send({ ...base, issuerUrl: `${idp.issuer}/nothing-here`, domains: ['b.test'] });
      expect(undiscoverable.status).toBe(400);
      expect(undiscoverable.body.errors).toEqual([expect.objectContaining({ field: 'issuerUrl' })]);

      const taken = await request(server.url)
        .put('/v1/sso')
        .set(auth(b.token))
        .send({ ...base, domains: [a.domain] });
      expect(taken.status).toBe(409);
      expect(taken.body.errors).toEqual([expect.objectContaining({ field: 'domains' })]);

      const noSecret = await request(server.url)
        .put('/v1/sso')
        .set(auth(b.token))
        .send({ ...base, clientSecret: undefined, domains: ['b-only.test'] });
      expect(noSecret.status).toBe(400);
      expect(noSecret.body.errors).toEqual([expect.objectContaining({ field: 'clientSecret' })]);
    });

    it('a member may not read or change them', async () => {
      const owner = await companyWithSso();
      const memberEmail = `member-${randomBytes(4).toString('hex')}@${owner.domain}`;
      await request(server.url)
        .post('/v1/invitations')
        .set(auth(owner.token))
        .send({ email: memberEmail, role: 'member' })
        .expect(201);
      const { redirect, cookie } = await signInAtProvider(memberEmail);
      const member = await callback(redirect, cookie);
      expect(member.status).toBe(200);
      expect(
        (await request(server.url).get('/v1/sso').set(auth(member.body.accessToken))).status,
      ).toBe(403);
      expect(
        (await request(server.url).delete('/v1/sso').set(auth(member.body.accessToken))).status,
      ).toBe(403);
    });
  });

  it('a member signs in: the provider redirects back with a code, and our session is issued', async () => {
    const owner = await companyWithSso();
    // A sign-up that has not opened its confirmation link yet.
    expect(
      (await request(server.url).get('/v1/me').set(auth(owner.token))).body.emailVerified,
    ).toBe(false);
    const { authorizationUrl, cookie, redirect } = await signInAtProvider(owner.email);
    const authz = new URL(authorizationUrl);
    expect(authz.origin).toBe(idp.issuer);
    expect(authz.searchParams.get('code_challenge_method')).toBe('S256');
    expect(authz.searchParams.get('client_id')).toBe(idp.client.clientId);
    expect(authz.searchParams.get('nonce')).toBeTruthy();
    expect(redirect.searchParams.get('code')).toBeTruthy();

    const res = await callback(redirect, cookie);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      accessToken: expect.any(String),
      refreshToken: expect.stringMatching(/^cbr_/),
      expiresIn: 900,
    });
    const me = await request(server.url).get('/v1/me').set(auth(res.body.accessToken));
    expect(me.status).toBe(200);
    expect(me.body.user).toMatchObject({ id: owner.userId, email: owner.email, role: 'owner' });
    // The provider verified the address (email_verified): it counts as confirmed from now on.
    expect(me.body.emailVerified).toBe(true);
    // A normal session: the refresh token rotates.
    const refreshed = await request(server.url)
      .post('/v1/auth/refresh')
      .send({ refreshToken: res.body.refreshToken });
    expect(refreshed.status).toBe(200);
  });

  it('a browser gets the cb_refresh cookie and goes to the web UI', async () => {
    const owner = await companyWithSso();
    const { cookie, redirect } = await signInAtProvider(owner.email);
    const res = await callback(redirect, cookie, 'browser');
    expect(res.status).toBe(302);
    expect(res.headers.location).toBe(`${APP_URL}/sso/complete`);
    const setCookie = ([] as string[]).concat(res.headers['set-cookie'] ?? []);
    const refreshCookie = setCookie.find((c) => c.startsWith('cb_refresh='))!;
    expect(refreshCookie).toMatch(/HttpOnly/i);
    expect(refreshCookie).toMatch(/SameSite=Strict/i);
    const refreshed = await request(server.url)
      .post('/v1/auth/refresh')
      .set('Cookie', refreshCookie.split(';')[0])
      .send({ refreshTokenInCookie: true });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.accessToken).toEqual(expect.any(String));
  });

  it('a wrong state is refused (as a problem, and for a browser as a readable page)', async () => {
    const owner = await companyWithSso();
    const { cookie, redirect } = await signInAtProvider(owner.email);
    const forged = new URL(redirect);
    forged.searchParams.set('state', randomBytes(24).toString('base64url'));
    const res = await callback(forged, cookie);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({ status: 400, code: 'sso_state_invalid' });
    expect(res.body.detail).toMatch(/start again/);

    const page = await callback(forged, cookie, 'browser');
    expect(page.status).toBe(302);
    expect(page.headers.location).toBe(`${APP_URL}/login?ssoError=sso_state_invalid`);

    // The right state from another browser (no binding cookie) is refused too, and uses the state up.
    const elsewhere = await callback(redirect, null);
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body.code).toBe('sso_state_invalid');
    expect((await callback(redirect, cookie)).body.code).toBe('sso_state_invalid');
  });

  it('a replayed code is refused, and so is a code from another sign-in', async () => {
    const owner = await companyWithSso();
    const first = await signInAtProvider(owner.email);
    expect((await callback(first.redirect, first.cookie)).status).toBe(200);
    const replay = await callback(first.redirect, first.cookie);
    expect(replay.status).toBe(400);
    expect(replay.body.code).toBe('sso_state_invalid');

    // The code of sign-in A delivered with the state of sign-in B: B's PKCE verifier does not match A's
    // challenge, so the provider refuses the exchange.
    const a = await signInAtProvider(owner.email);
    const b = await signInAtProvider(owner.email);
    const injected = new URL(b.redirect);
    injected.searchParams.set('code', a.redirect.searchParams.get('code')!);
    const res = await callback(injected, b.cookie);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('sso_rejected');
    expect(res.body.detail).toMatch(/invalid_grant/);
  });

  it('an ID token for another audience is refused', async () => {
    const owner = await companyWithSso();
    const { cookie, redirect } = await signInAtProvider(owner.email);
    idp.tamperAudience = idp.otherClient.clientId;
    const res = await callback(redirect, cookie);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('sso_rejected');
    expect(res.body.detail).toMatch(/aud mismatch/);
  });

  it('a code issued to another client is refused', async () => {
    const owner = await companyWithSso();
    const started = await start(owner.email);
    const url = new URL(started.authorizationUrl);
    url.searchParams.set('client_id', idp.otherClient.clientId);
    const redirect = await idp.signIn(url.href, owner.email, REDIRECT_URI);
    const res = await callback(redirect, started.cookie);
    expect(res.status).toBe(401);
    expect(res.body.code).toBe('sso_rejected');
  });

  it('an e-mail the provider has not verified, or outside the domains, is refused', async () => {
    const owner = await companyWithSso();
    const unverified = await signInAtProvider(owner.email, `unverified-x@${owner.domain}`);
    const res = await callback(unverified.redirect, unverified.cookie);
    expect(res.status).toBe(403);
    expect(res.body.code).toBe('sso_email_unverified');

    const outside = await signInAtProvider(owner.email, 'someone@elsewhere.test');
    const res2 = await callback(outside.redirect, outside.cookie);
    expect(res2.status).toBe(403);
    expect(res2.body.code).toBe('sso_not_invited');
  });

  it('a new person from the domain joins by invitation only', async () => {
    const owner = await companyWithSso();
    const newcomer = `new-${randomBytes(4).toString('hex')}@${owner.domain}`;
    const uninvited = await signInAtProvider(newcomer);
    const refused = await callback(uninvited.redirect, uninvited.cookie);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'sso_not_invited' });
    expect(refused.body.detail).toMatch(/invite/);
    const page = await callback((await signInAtProvider(newcomer)).redirect, null, 'browser');
    expect(page.status).toBe(302);

    await request(server.url)
      .post('/v1/invitations')
      .set(auth(owner.token))
      .send({ email: newcomer, role: 'viewer' })
      .expect(201);
    const invited = await signInAtProvider(newcomer);
    const joined = await callback(invited.redirect, invited.cookie);
    expect(joined.status).toBe(200);
    const me = await request(server.url).get('/v1/me').set(auth(joined.body.accessToken));
    expect(me.body.user).toMatchObject({ email: newcomer, role: 'viewer' });
    expect(me.body.emailVerified).toBe(true);
    const pending = await request(server.url).get('/v1/invitations').set(auth(owner.token));
    expect(pending.body.data).toEqual([]);
    // The newcomer has no password: password sign-in does not work for them.
    const login = await request(server.url)
      .post('/v1/auth/login')
      .send({ email: newcomer, password: 'correct horse battery staple' });
    expect(login.status).toBe(401);
  });

  it('requiring SSO blocks password sign-in for the domain (after one SSO sign-in proved the setup)', async () => {
    const owner = await companyWithSso();
    const settings = {
      issuerUrl: idp.issuer,
      clientId: idp.client.clientId,
      domains: [owner.domain],
      required: true,
    };
    const tooEarly = await request(server.url).put('/v1/sso').set(auth(owner.token)).send(settings);
    expect(tooEarly.status).toBe(409);
    expect(tooEarly.body.errors).toEqual([expect.objectContaining({ field: 'required' })]);

    const { cookie, redirect } = await signInAtProvider(owner.email);
    expect((await callback(redirect, cookie)).status).toBe(200);
    const required = await request(server.url).put('/v1/sso').set(auth(owner.token)).send(settings);
    expect(required.status).toBe(200);
    expect(required.body).toMatchObject({ required: true, lastSignInAt: expect.any(String) });

    const login = await request(server.url)
      .post('/v1/auth/login')
      .send({ email: owner.email, password: owner.password });
    expect(login.status).toBe(403);
    expect(login.body.code).toBe('sso_required');
    expect(login.body.detail).toMatch(/Sign in with your company account/);
    // Any address of the domain gets the same answer (whether or not it has an account).
    const unknown = await request(server.url)
      .post('/v1/auth/login')
      .send({ email: `nobody@${owner.domain}`, password: 'whatever it is' });
    expect(unknown.status).toBe(403);
    expect(unknown.body.code).toBe('sso_required');
    // SSO itself still works.
    const again = await signInAtProvider(owner.email);
    expect((await callback(again.redirect, again.cookie)).status).toBe(200);

    // Off again: passwords work.
    await request(server.url).delete('/v1/sso').set(auth(owner.token)).expect(204);
    const back = await request(server.url)
      .post('/v1/auth/login')
      .send({ email: owner.email, password: owner.password });
    expect(back.status).toBe(200);
  });

  it('an e-mail domain without SSO gets a clear answer at the start', async () => {
    const res = await request(server.url)
      .get('/v1/auth/sso/start')
      .query({ email: 'someone@no-sso-here.test' })
      .set(JSON_ONLY);
    expect(res.status).toBe(404);
    expect(res.body.code).toBe('sso_not_configured');
    const page = await request(server.url)
      .get('/v1/auth/sso/start')
      .query({ email: 'someone@no-sso-here.test' })
      .set('Accept', 'text/html');
    expect(page.status).toBe(302);
    expect(page.headers.location).toBe(`${APP_URL}/login?ssoError=sso_not_configured`);
  });
});
