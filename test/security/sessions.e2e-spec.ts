import request from 'supertest';
import { signUp, type SignedUp } from '../support/api-client';
import { queryOnce } from '../support/database';
import { startTestServer, type TestServer } from '../support/test-server';

jest.setTimeout(90_000);

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The `cb_refresh` cookie from a response's Set-Cookie headers. */
function refreshCookie(res: request.Response): string | undefined {
  const raw = res.headers['set-cookie'] as unknown as string[] | undefined;
  return (raw ?? []).find((c) => c.startsWith('cb_refresh='));
}

describe('hardening item 8: sessions', () => {
  let server: TestServer;
  let a: SignedUp;

  beforeAll(async () => {
    server = await startTestServer({ worker: false });
    a = await signUp(server.url, { company: 'Sessions Oy' });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  }, 60_000);

  const login = (extra: Record<string, unknown> = {}) =>
    request(server.url)
      .post('/v1/auth/login')
      .send({ email: a.email, password: a.password, ...extra });

  it('takes tokens only from the Authorization header, never ?access_token= or the body', async () => {
    expect((await request(server.url).get('/v1/me').set(auth(a.token))).status).toBe(200);
    const inQuery = await request(server.url).get(`/v1/me?access_token=${a.token}`);
    expect(inQuery.status).toBe(401);
    expect(inQuery.body).toMatchObject({ code: 'unauthenticated' });
    expect(inQuery.body.detail).toMatch(/Authorization header/);
    const inBody = await request(server.url)
      .post('/v1/auth/logout')
      .send({ access_token: a.token });
    expect(inBody.status).toBe(401);
    // Next to a valid header, the parameter is refused too (it must not be used anywhere).
    const both = await request(server.url)
      .get(`/v1/contracts?access_token=${a.token}`)
      .set(auth(a.token));
    expect(both.status).toBe(401);
  });

  it('logout ends the access token at once; other sessions go on', async () => {
    const one = await login();
    const two = await login();
    expect(one.status).toBe(200);
    expect((await request(server.url).get('/v1/me').set(auth(one.body.accessToken))).status).toBe(
      200,
    );
    const out = await request(server.url)
      .post('/v1/auth/logout')
      .set(auth(one.body.accessToken))
      .send({ refreshToken: one.body.refreshToken });
    expect(out.status).toBe(204);
    const after = await request(server.url).get('/v1/me').set(auth(one.body.accessToken));
    expect(after.status).toBe(401);
    expect(
      (
        await request(server.url)
          .post('/v1/auth/refresh')
          .send({ refreshToken: one.body.refreshToken })
      ).status,
    ).toBe(401);
    expect((await request(server.url).get('/v1/me').set(auth(two.body.accessToken))).status).toBe(
      200,
    );
  });

  it('logout without a refresh token ends every session of the user at once', async () => {
    const one = await login();
    const two = await login();
    const out = await request(server.url)
      .post('/v1/auth/logout')
      .set(auth(one.body.accessToken))
      .send({});
    expect(out.status).toBe(204);
    for (const s of [one, two]) {
      expect((await request(server.url).get('/v1/me').set(auth(s.body.accessToken))).status).toBe(
        401,
      );
      expect(
        (
          await request(server.url)
            .post('/v1/auth/refresh')
            .send({ refreshToken: s.body.refreshToken })
        ).status,
      ).toBe(401);
    }
  });

  it('ends a refresh-token family 90 days after sign-in however often it is refreshed', async () => {
    const s = await login();
    // 89 days in: refresh still works, but the new token cannot outlive day 90.
    await queryOnce(
      server.db.url,
      `UPDATE refresh_tokens SET family_started_at = now() - interval '89 days'
        WHERE token_hash = encode(sha256($1::bytea), 'hex')`,
      [s.body.refreshToken],
    );
    const r1 = await request(server.url)
      .post('/v1/auth/refresh')
      .send({ refreshToken: s.body.refreshToken });
    expect(r1.status).toBe(200);
    const [row] = await queryOnce<{ expires_at: Date; family_started_at: Date }>(
      server.db.url,
      `SELECT expires_at, family_started_at FROM refresh_tokens
        WHERE token_hash = encode(sha256($1::bytea), 'hex')`,
      [r1.body.refreshToken],
    );
    const end = row.family_started_at.getTime() + 90 * 86_400_000;
    expect(row.expires_at.getTime()).toBeLessThanOrEqual(end + 1000);
    expect(row.expires_at.getTime() - Date.now()).toBeLessThan(1.1 * 86_400_000);

    // Past day 90: refused, though the token itself is fresh.
    await queryOnce(
      server.db.url,
      `UPDATE refresh_tokens SET family_started_at = now() - interval '91 days',
              expires_at = now() + interval '20 days'
        WHERE token_hash = encode(sha256($1::bytea), 'hex')`,
      [r1.body.refreshToken],
    );
    const r2 = await request(server.url)
      .post('/v1/auth/refresh')
      .send({ refreshToken: r1.body.refreshToken });
    expect(r2.status).toBe(401);
  });

  it('keeps the web UI refresh token in an HttpOnly, SameSite=Strict cookie on the auth path', async () => {
    const s = await login({ refreshTokenInCookie: true });
    expect(s.status).toBe(200);
    expect(s.body.accessToken).toEqual(expect.any(String));
    expect(s.body.refreshToken).toBeUndefined();
    const cookie = refreshCookie(s)!;
    expect(cookie).toMatch(/^cb_refresh=cbr_[\w-]+;/);
    expect(cookie).toMatch(/; Path=\/v1\/auth/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/); // http://127.0.0.1 here; https below
    const pair = cookie.split(';')[0];

    // Refresh with the cookie alone: a new access token, and the rotated token in a new cookie.
    const r = await request(server.url).post('/v1/auth/refresh').set('Cookie', pair).send({});
    expect(r.status).toBe(200);
    expect(r.body.refreshToken).toBeUndefined();
    const rotated = refreshCookie(r)!.split(';')[0];
    expect(rotated).not.toBe(pair);
    // The old one was rotated away: reuse revokes the family (as with the body form).
    expect(
      (await request(server.url).post('/v1/auth/refresh').set('Cookie', pair).send({})).status,
    ).toBe(401);

    // API clients keep the body form.
    const api = await login();
    expect(api.body.refreshToken).toMatch(/^cbr_/);
    expect(refreshCookie(api)).toBeUndefined();
  });

  it('logout with the cookie ends that session and clears the cookie', async () => {
    const s = await login({ refreshTokenInCookie: true });
    const pair = refreshCookie(s)!.split(';')[0];
    const out = await request(server.url)
      .post('/v1/auth/logout')
      .set(auth(s.body.accessToken))
      .set('Cookie', pair)
      .send({});
    expect(out.status).toBe(204);
    expect(refreshCookie(out)).toMatch(/^cb_refresh=;.*Expires=Thu, 01 Jan 1970/);
    expect(
      (await request(server.url).post('/v1/auth/refresh').set('Cookie', pair).send({})).status,
    ).toBe(401);
    expect((await request(server.url).get('/v1/me').set(auth(s.body.accessToken))).status).toBe(
      401,
    );
  });
});

describe('hardening item 8: the refresh cookie is Secure when the app runs on https', () => {
  it('sets Secure with an https APP_URL', async () => {
    const server = await startTestServer({
      worker: false,
      env: { APP_URL: 'https://bank.example.com' },
    });
    try {
      const a = await signUp(server.url);
      const res = await request(server.url)
        .post('/v1/auth/login')
        .send({ email: a.email, password: a.password, refreshTokenInCookie: true });
      expect(refreshCookie(res)).toMatch(/; Secure/);
    } finally {
      await server.close();
    }
  });
});
