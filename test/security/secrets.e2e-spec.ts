import { createHash, createHmac, randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import request from 'supertest';
import { deriveKey } from '../../libs/config/src/secret-policy';
import { signUp, type SignedUp } from '../support/api-client';
import { queryOnce } from '../support/database';
import { startTestServer, type TestServer } from '../support/test-server';

jest.setTimeout(60_000);

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const feedToken = (key: string | Buffer, id: string) =>
  createHmac('sha256', key).update(`calendar-feed:${id}`).digest('base64url');

describe('hardening item 5: separate keys derived from JWT_SECRET', () => {
  let server: TestServer;
  let owner: SignedUp;

  beforeAll(async () => {
    server = await startTestServer({ worker: false });
    owner = await signUp(server.url);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  }, 60_000);

  // As the API signs them: the user, the tenant and the session (sid, the owner's own sign-in; issue 10 item 8).
  const claims = () => ({
    sub: owner.userId,
    tid: owner.tenantId,
    typ: 'access',
    sid: (new JwtService().decode(owner.token) as { sid: string }).sid,
  });
  const list = (token: string) =>
    request(server.url).get('/v1/contracts').set('Authorization', `Bearer ${token}`);

  it('signs access tokens with the derived access-token key, never with JWT_SECRET itself', async () => {
    const derived = new JwtService({ secret: deriveKey(server.config.jwtSecret, 'access-token') });
    const raw = new JwtService({ secret: server.config.jwtSecret });
    const calendarKey = new JwtService({
      secret: deriveKey(server.config.jwtSecret, 'calendar-feed'),
    });
    expect((await list(owner.token)).status).toBe(200);
    expect((await list(derived.sign(claims(), { algorithm: 'HS256', expiresIn: 60 }))).status).toBe(
      200,
    );
    // Whoever learns JWT_SECRET's raw value from a log or a sibling service, or the calendar key, cannot mint one.
    expect((await list(raw.sign(claims(), { algorithm: 'HS256', expiresIn: 60 }))).status).toBe(
      401,
    );
    expect(
      (await list(calendarKey.sign(claims(), { algorithm: 'HS256', expiresIn: 60 }))).status,
    ).toBe(401);
  });

  it('makes calendar feed tokens with the calendar-feed key', async () => {
    const res = await request(server.url)
      .get('/v1/calendar')
      .set('Authorization', `Bearer ${owner.token}`);
    expect(res.status).toBe(200);
    const token = /\/calendar\/([A-Za-z0-9_-]+)\.ics$/.exec(res.body.url)![1];
    const [feed] = await queryOnce<{ id: string }>(
      server.db.url,
      'SELECT id FROM calendar_feeds WHERE tenant_id = $1 AND revoked_at IS NULL',
      [owner.tenantId],
    );
    expect(token).toBe(feedToken(deriveKey(server.config.jwtSecret, 'calendar-feed'), feed.id));
    expect(token).not.toBe(feedToken(server.config.jwtSecret, feed.id));
    expect((await request(server.url).get(`/calendar/${token}.ics`)).status).toBe(200);
  });

  it('keeps a feed made before the keys were separated working, at the same URL', async () => {
    const other = await signUp(server.url);
    const id = randomUUID();
    const legacy = feedToken(server.config.jwtSecret, id);
    await queryOnce(
      server.db.url,
      'INSERT INTO calendar_feeds (id, tenant_id, token_hash) VALUES ($1, $2, $3)',
      [id, other.tenantId, sha256(legacy)],
    );
    const res = await request(server.url)
      .get('/v1/calendar')
      .set('Authorization', `Bearer ${other.token}`);
    expect(res.body.url).toBe(`${server.config.appUrl}/calendar/${legacy}.ics`);
    expect((await request(server.url).get(`/calendar/${legacy}.ics`)).status).toBe(200);
  });
});
