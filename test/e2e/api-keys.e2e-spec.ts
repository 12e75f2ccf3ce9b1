import { createHash } from 'node:crypto';
import request from 'supertest';
import { signUp, type SignedUp } from '../support/api-client';
import { queryOnce } from '../support/database';
import { startTestServer, type TestServer } from '../support/test-server';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

// Tests sign up companies (argon2) and make many requests while other suites share the machine.
jest.setTimeout(60_000);

describe('API keys', () => {
  let server: TestServer;
  let a: SignedUp;
  let b: SignedUp;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    server = await startTestServer({ worker: false });
    a = await signUp(server.url, { company: 'Key Holder Oy' });
    b = await signUp(server.url, { company: 'Other Tenant AB' });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  }, 60_000);

  const createKey = (token: string, body: Record<string, unknown>) =>
    request(server.url).post('/v1/api-keys').set(auth(token)).send(body);

  it('creates a key shown once, stores only its hash, and authenticates with it', async () => {
    const res = await createKey(a.token, { name: 'ERP' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.any(String),
      name: 'ERP',
      key: expect.stringMatching(/^cbk_[0-9a-f]{8}_[A-Za-z0-9_-]{43}$/),
      prefix: expect.stringMatching(/^[0-9a-f]{8}$/),
      scopes: ['contracts:read', 'contracts:write', 'deadlines:read', 'webhooks:write'],
      createdAt: expect.any(String),
      expiresAt: null,
    });
    expect(res.body.key.startsWith(`cbk_${res.body.prefix}_`)).toBe(true);

    // The database holds the SHA-256 of the key, never the key.
    const rows = await queryOnce(server.db.url, `SELECT key_hash FROM api_keys WHERE id = $1`, [
      res.body.id,
    ]);
    expect(rows).toEqual([{ key_hash: sha256(res.body.key) }]);

    const list0 = await request(server.url).get('/v1/api-keys').set(auth(a.token));
    expect(list0.status).toBe(200);
    const listed = list0.body.data.find((k: { id: string }) => k.id === res.body.id);
    expect(listed).toEqual({
      id: res.body.id,
      name: 'ERP',
      prefix: res.body.prefix,
      scopes: res.body.scopes,
      createdAt: res.body.createdAt,
      lastUsedAt: null,
      expiresAt: null,
    });
    expect(JSON.stringify(list0.body)).not.toContain(res.body.key);
    expect(JSON.stringify(list0.body)).not.toContain(sha256(res.body.key));

    const used = await request(server.url).get('/v1/contracts').set(auth(res.body.key));
    expect(used.status).toBe(200);
    const list1 = await request(server.url).get('/v1/api-keys').set(auth(a.token));
    const after = list1.body.data.find((k: { id: string }) => k.id === res.body.id);
    expect(Date.parse(after.lastUsedAt)).toBeGreaterThan(Date.now() - 60_000);
  });

  it('replays an Idempotency-Key without the secret, which is never stored', async () => {
    const send = () =>
      request(server.url)
        .post('/v1/api-keys')
        .set(auth(a.token))
        .set('Idempotency-Key', `k-${a.userId}`)
        .send({ name: 'once' });
    const first = await send();
    expect(first.status).toBe(201);
    expect(first.body.key).toMatch(/^cbk_/);
    const replay = await send();
    expect(replay.status).toBe(201);
    expect(replay.headers['idempotent-replayed']).toBe('true');
    expect(replay.body).toEqual({ ...first.body, key: null });
    const list = await request(server.url).get('/v1/api-keys').set(auth(a.token));
    expect(list.body.data.filter((k: { name: string }) => k.name === 'once')).toHaveLength(1);
    const stored = await queryOnce<{ body: string }>(
      server.db.url,
      `SELECT response_body::text AS body FROM idempotency_keys WHERE key = $1`,
      [`k-${a.userId}`],
    );
    expect(stored).toHaveLength(1);
    expect(stored[0].body).not.toContain(first.body.key);
    const changed = await request(server.url)
      .post('/v1/api-keys')
      .set(auth(a.token))
      .set('Idempotency-Key', `k-${a.userId}`)
      .send({ name: 'other' });
    expect(changed.status).toBe(422);
  });

  it('revokes a key: it answers 401 at once and leaves the list', async () => {
    const { body: key } = await createKey(a.token, { name: 'to revoke' });
    expect((await request(server.url).get('/v1/contracts').set(auth(key.key))).status).toBe(200);
    const del = await request(server.url).delete(`/v1/api-keys/${key.id}`).set(auth(a.token));
    expect(del.status).toBe(204);
    const after = await request(server.url).get('/v1/contracts').set(auth(key.key));
    expect(after.status).toBe(401);
    expect(after.body.code).toBe('unauthenticated');
    const list = await request(server.url).get('/v1/api-keys').set(auth(a.token));
    expect(list.body.data.map((k: { id: string }) => k.id)).not.toContain(key.id);
    // Revoking again is harmless.
    expect(
      (await request(server.url).delete(`/v1/api-keys/${key.id}`).set(auth(a.token))).status,
    ).toBe(204);
  });

  it('limits a key to its scopes and never lets a key manage keys, users or billing', async () => {
    const { body: readOnly } = await createKey(a.token, {
      name: 'reader',
      scopes: ['contracts:read', 'contracts:read'],
    });
    expect(readOnly.scopes).toEqual(['contracts:read']);
    expect((await request(server.url).get('/v1/contracts').set(auth(readOnly.key))).status).toBe(
      200,
    );
    expect((await request(server.url).get('/v1/deadlines').set(auth(readOnly.key))).status).toBe(
      403,
    );
    const upload = await request(server.url)
      .post('/v1/contracts')
      .set(auth(readOnly.key))
      .attach('file', Buffer.from('This Agreement is made between A and B.'), 'c.txt');
    expect(upload.status).toBe(403);

    const { body: full } = await createKey(a.token, { name: 'full' });
    expect((await request(server.url).get('/v1/api-keys').set(auth(full.key))).status).toBe(403);
    expect((await createKey(full.key, { name: 'child' })).status).toBe(403);
    expect((await request(server.url).get('/v1/audit-events').set(auth(full.key))).status).toBe(
      403,
    );
  });

  it('refuses unknown or empty scopes and a missing name, naming the fields', async () => {
    const bad = await createKey(a.token, {
      name: 'x',
      scopes: ['contracts:read', 'billing:manage'],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors).toEqual([
      { field: 'scopes[1]', message: expect.stringContaining('contracts:read') },
    ]);
    const empty = await createKey(a.token, { name: 'x', scopes: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.errors[0].field).toBe('scopes');
    const noName = await createKey(a.token, {});
    expect(noName.status).toBe(400);
    expect(noName.body.errors.map((e: { field: string }) => e.field)).toContain('name');
  });

  it('answers 401 without a token or with a made-up key', async () => {
    expect((await request(server.url).get('/v1/api-keys')).status).toBe(401);
    expect((await request(server.url).post('/v1/api-keys').send({ name: 'x' })).status).toBe(401);
    expect(
      (await request(server.url).delete('/v1/api-keys/00000000-0000-4000-8000-000000000000'))
        .status,
    ).toBe(401);
    const fake = `cbk_deadbeef_${'A'.repeat(43)}`;
    expect((await request(server.url).get('/v1/contracts').set(auth(fake))).status).toBe(401);
  });

  it("keeps tenants apart: another tenant's key is 404 and never listed, and a key only sees its tenant", async () => {
    const { body: aKey } = await createKey(a.token, { name: 'tenant A key' });
    const listB = await request(server.url).get('/v1/api-keys').set(auth(b.token));
    expect(listB.status).toBe(200);
    expect(listB.body.data.map((k: { id: string }) => k.id)).not.toContain(aKey.id);
    expect(JSON.stringify(listB.body)).not.toContain(a.tenantId);
    const del = await request(server.url).delete(`/v1/api-keys/${aKey.id}`).set(auth(b.token));
    expect(del.status).toBe(404);
    // Still working: B could not revoke it.
    expect((await request(server.url).get('/v1/contracts').set(auth(aKey.key))).status).toBe(200);
    const me = await request(server.url).get('/v1/me').set(auth(aKey.key));
    expect(me.body.tenant.id).toBe(a.tenantId);
  });

  it('keeps keys off session endpoints: a key cannot log its creator out', async () => {
    const { body: key } = await createKey(a.token, { name: 'no sessions' });
    const out = await request(server.url).post('/v1/auth/logout').set(auth(key.key)).send({});
    expect(out.status).toBe(403);
    expect(
      (await request(server.url).post('/v1/auth/refresh').send({ refreshToken: a.refreshToken }))
        .status,
    ).toBe(200);
  });

  it('records what a key does as the key, not as its creator', async () => {
    const { body: key } = await createKey(a.token, { name: 'uploader' });
    const up = await request(server.url)
      .post('/v1/contracts')
      .set(auth(key.key))
      .attach('file', Buffer.from('SERVICE AGREEMENT between Alpha Oy and Beta AB.'), 'k.txt');
    expect(up.status).toBe(202);
    const events = await request(server.url)
      .get('/v1/audit-events')
      .query({ contractId: up.body.id })
      .set(auth(a.token));
    expect(events.body.data).toEqual([
      expect.objectContaining({
        action: 'contract.uploaded',
        actor: { type: 'apiKey', id: key.id },
      }),
    ]);
  });

  it('records key creation and revocation in the audit trail', async () => {
    const { body: key } = await createKey(a.token, { name: 'audited' });
    await request(server.url).delete(`/v1/api-keys/${key.id}`).set(auth(a.token));
    const events = await request(server.url).get('/v1/audit-events').set(auth(a.token));
    expect(events.status).toBe(200);
    const mine = events.body.data.filter((e: { targetId: string }) => e.targetId === key.id);
    expect(mine.map((e: { action: string }) => e.action)).toEqual([
      'apikey.revoked',
      'apikey.created',
    ]);
    expect(mine[1]).toMatchObject({
      actor: { type: 'user', id: a.userId },
      targetType: 'apiKey',
      data: { name: 'audited', prefix: key.prefix },
    });
    expect(JSON.stringify(events.body)).not.toContain(key.key);
  });
});
