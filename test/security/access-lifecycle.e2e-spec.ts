import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import request from 'supertest';
import { signUp, type SignedUp } from '../support/api-client';
import { queryOnce } from '../support/database';
import { invitationTokenFromLog } from '../support/log-mail';
import { startTestServer, type TestServer } from '../support/test-server';

jest.setTimeout(90_000);

const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('hardening item 9: access lifecycle (keys of removed users, key expiry, pending invitations)', () => {
  let server: TestServer;
  let owner: SignedUp;
  const logSpy = jest.spyOn(Logger.prototype, 'log');

  beforeAll(async () => {
    server = await startTestServer({ worker: false });
    owner = await signUp(server.url, { company: 'Lifecycle Oy' });
  }, 60_000);
  afterAll(async () => {
    logSpy.mockRestore();
    await server?.close();
  }, 60_000);

  const invite = (email: string, role = 'admin') =>
    request(server.url).post('/v1/invitations').set(auth(owner.token)).send({ email, role });
  const linkTokenFor = (email: string) => invitationTokenFromLog(logSpy, email);
  const accept = (email: string) =>
    request(server.url)
      .post('/v1/invitations/accept')
      .send({ token: linkTokenFor(email), name: 'Member', password: 'a long enough password' });
  const newKey = (token: string, body: object = {}) =>
    request(server.url)
      .post('/v1/api-keys')
      .set(auth(token))
      .send({ name: `key ${randomBytes(3).toString('hex')}`, ...body });
  const contracts = (token: string) => request(server.url).get('/v1/contracts').set(auth(token));

  it('removing a user revokes the API keys they created, each recorded in the audit trail', async () => {
    const email = `admin-${randomBytes(4).toString('hex')}@example.com`;
    expect((await invite(email)).status).toBe(201);
    const admin = await accept(email);
    expect(admin.status).toBe(201);
    const theirs = (await newKey(admin.body.accessToken)).body;
    const mine = (await newKey(owner.token)).body;
    expect((await contracts(theirs.key)).status).toBe(200);

    const removed = await request(server.url)
      .delete(`/v1/users/${admin.body.user.id}`)
      .set(auth(owner.token));
    expect(removed.status).toBe(204);
    expect((await contracts(theirs.key)).status).toBe(401);
    expect((await contracts(mine.key)).status).toBe(200);
    expect((await contracts(admin.body.accessToken)).status).toBe(401);
    const listed = (await request(server.url).get('/v1/api-keys').set(auth(owner.token))).body.data;
    expect(listed.map((k: { id: string }) => k.id)).toEqual([mine.id]);

    const trail = (await request(server.url).get('/v1/audit-events').set(auth(owner.token))).body
      .data as { action: string; targetId: string; data: Record<string, unknown> }[];
    expect(
      trail.find((e) => e.action === 'apikey.revoked' && e.targetId === theirs.id),
    ).toMatchObject({
      data: { reason: 'creator_removed', userId: admin.body.user.id, prefix: theirs.prefix },
    });
    expect(
      trail.find((e) => e.action === 'user.removed' && e.targetId === admin.body.user.id),
    ).toMatchObject({ data: { revokedApiKeys: 1 } });
  });

  it('API keys may carry an expiry; an expired key answers 401', async () => {
    const past = await newKey(owner.token, { expiresAt: '2020-01-01T00:00:00Z' });
    expect(past.status).toBe(400);
    expect(past.body.errors).toEqual([{ field: 'expiresAt', message: 'must be in the future' }]);
    const tooFar = await newKey(owner.token, {
      expiresAt: new Date(Date.now() + 6 * 366 * 86_400_000).toISOString(),
    });
    expect(tooFar.status).toBe(400);
    expect((await newKey(owner.token, { expiresAt: 'next tuesday' })).status).toBe(400);

    const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
    const k = await newKey(owner.token, { expiresAt });
    expect(k.status).toBe(201);
    expect(k.body.expiresAt).toBe(expiresAt);
    expect((await contracts(k.body.key)).status).toBe(200);
    const listed = (await request(server.url).get('/v1/api-keys').set(auth(owner.token))).body.data;
    expect(listed.find((x: { id: string }) => x.id === k.body.id).expiresAt).toBe(expiresAt);
    const forever = await newKey(owner.token);
    expect(forever.body.expiresAt).toBeNull();

    // The expiry passes.
    await queryOnce(
      server.db.url,
      `UPDATE api_keys SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [k.body.id],
    );
    const expired = await contracts(k.body.key);
    expect(expired.status).toBe(401);
    expect(expired.body.code).toBe('unauthenticated');
    expect((await contracts(forever.body.key)).status).toBe(200);
  });

  it('lists pending invitations and withdraws one: its link stops working', async () => {
    const first = `first-${randomBytes(4).toString('hex')}@example.com`;
    const second = `second-${randomBytes(4).toString('hex')}@example.com`;
    const a = (await invite(first, 'member')).body;
    const b = (await invite(second, 'viewer')).body;
    const list = await request(server.url).get('/v1/invitations').set(auth(owner.token));
    expect(list.status).toBe(200);
    const pending = list.body.data as { id: string; email: string; role: string }[];
    expect(pending.slice(0, 2)).toEqual([
      { id: b.id, email: second, role: 'viewer', expiresAt: b.expiresAt, createdAt: b.createdAt },
      { id: a.id, email: first, role: 'member', expiresAt: a.expiresAt, createdAt: a.createdAt },
    ]);
    expect(list.body.nextCursor).toBeNull();

    const del = await request(server.url).delete(`/v1/invitations/${a.id}`).set(auth(owner.token));
    expect(del.status).toBe(204);
    const after = (await request(server.url).get('/v1/invitations').set(auth(owner.token))).body
      .data;
    expect(after.map((i: { id: string }) => i.id)).not.toContain(a.id);
    expect((await accept(first)).status).toBe(404);
    // Twice is a no-op; unknown is 404; accepted is 409.
    expect(
      (await request(server.url).delete(`/v1/invitations/${a.id}`).set(auth(owner.token))).status,
    ).toBe(204);
    expect(
      (
        await request(server.url)
          .delete('/v1/invitations/00000000-0000-4000-8000-000000000000')
          .set(auth(owner.token))
      ).status,
    ).toBe(404);
    const joined = await accept(second);
    expect(joined.status).toBe(201);
    expect(
      (await request(server.url).delete(`/v1/invitations/${b.id}`).set(auth(owner.token))).status,
    ).toBe(409);
    // Only those who manage the team see or withdraw invitations.
    expect(
      (await request(server.url).get('/v1/invitations').set(auth(joined.body.accessToken))).status,
    ).toBe(403);
    const trail = (await request(server.url).get('/v1/audit-events').set(auth(owner.token))).body
      .data as { action: string; targetId: string }[];
    expect(
      trail.filter((e) => e.action === 'invitation.revoked' && e.targetId === a.id),
    ).toHaveLength(1);
  });
});
