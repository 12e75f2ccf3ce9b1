import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Client } from 'pg';
import request from 'supertest';
import { signUp, type SignedUp } from '../support/api-client';
import { queryOnce } from '../support/database';
import { startTestServer, type TestServer } from '../support/test-server';

interface Member {
  token: string;
  refreshToken: string;
  userId: string;
  email: string;
}

// Tests sign up companies (argon2) and make many requests while other suites share the machine.
jest.setTimeout(60_000);

describe('team: invitations, roles, removal and the audit trail', () => {
  let server: TestServer;
  const logSpy = jest.spyOn(Logger.prototype, 'log');
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    server = await startTestServer({ worker: false });
  }, 60_000);
  afterAll(async () => {
    logSpy.mockRestore();
    await server?.close();
  }, 60_000);

  /** Without SMTP the invitation e-mail goes to the log: read the accept link from there. */
  function tokenFromLog(email: string): string {
    for (const call of [...logSpy.mock.calls].reverse()) {
      const mail = (call[0] as { mail?: { to: string; text: string } })?.mail;
      if (mail?.to === email) {
        const m = /accept-invite\?token=(\S+)/.exec(mail.text);
        if (m) return decodeURIComponent(m[1]);
      }
    }
    throw new Error(`no invitation e-mail to ${email} in the log`);
  }

  const invite = (token: string, email: string, role: string) =>
    request(server.url).post('/v1/invitations').set(auth(token)).send({ email, role });

  async function join(owner: SignedUp, role: string): Promise<Member> {
    const email = `${role}-${randomBytes(5).toString('hex')}@example.com`;
    const inv = await invite(owner.token, email, role);
    if (inv.status !== 201) throw new Error(`invite: ${inv.status} ${JSON.stringify(inv.body)}`);
    const res = await request(server.url)
      .post('/v1/invitations/accept')
      .send({ token: tokenFromLog(email), name: `A ${role}`, password: 'a long enough password' });
    if (res.status !== 201) throw new Error(`accept: ${res.status} ${JSON.stringify(res.body)}`);
    return {
      token: res.body.accessToken,
      refreshToken: res.body.refreshToken,
      userId: res.body.user.id,
      email,
    };
  }

  it('invites by e-mail with a single-use token that is stored hashed', async () => {
    const a = await signUp(server.url, { company: 'Inviting Oy' });
    const inv = await invite(a.token, 'New.Person@Example.com', 'member');
    expect(inv.status).toBe(201);
    expect(inv.body).toEqual({
      id: expect.any(String),
      email: 'new.person@example.com',
      role: 'member',
      expiresAt: expect.any(String),
      createdAt: expect.any(String),
    });
    const days = (Date.parse(inv.body.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.9);
    const token = tokenFromLog('new.person@example.com');
    expect(JSON.stringify(inv.body)).not.toContain(token);
    const [row] = await queryOnce<{ token_hash: string }>(
      server.db.url,
      'SELECT token_hash FROM invitations WHERE id = $1',
      [inv.body.id],
    );
    expect(row.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(row.token_hash).not.toContain(token);

    const accepted = await request(server.url)
      .post('/v1/invitations/accept')
      .send({ token, name: 'New Person', password: 'a long enough password' });
    expect(accepted.status).toBe(201);
    expect(accepted.body).toMatchObject({
      tenant: { id: a.tenantId, name: 'Inviting Oy' },
      user: { email: 'new.person@example.com', name: 'New Person', role: 'member' },
      expiresIn: 900,
    });
    expect(JSON.stringify(accepted.body)).not.toMatch(/argon2|passwordHash/);
    const me = await request(server.url).get('/v1/me').set(auth(accepted.body.accessToken));
    expect(me.body).toMatchObject({ user: { role: 'member' }, tenant: { id: a.tenantId } });
    // The new member can sign in with the password chosen on acceptance.
    expect(
      (
        await request(server.url)
          .post('/v1/auth/login')
          .send({ email: 'new.person@example.com', password: 'a long enough password' })
      ).status,
    ).toBe(200);

    const again = await request(server.url)
      .post('/v1/invitations/accept')
      .send({ token, name: 'Someone Else', password: 'another long password' });
    expect(again.status).toBe(404);
    const bogus = await request(server.url)
      .post('/v1/invitations/accept')
      .send({ token: `cbi_${'x'.repeat(43)}`, name: 'X', password: 'another long password' });
    expect(bogus.status).toBe(404);

    const users = await request(server.url).get('/v1/users').set(auth(a.token));
    expect(users.status).toBe(200);
    expect(users.body.data.map((u: { email: string; role: string }) => [u.email, u.role])).toEqual([
      [a.email, 'owner'],
      ['new.person@example.com', 'member'],
    ]);
    expect(JSON.stringify(users.body)).not.toMatch(/argon2|password/i);
  });

  it('refuses expired invitations, registered e-mails and invalid input', async () => {
    const a = await signUp(server.url);
    const email = `late-${randomBytes(4).toString('hex')}@example.com`;
    const inv = await invite(a.token, email, 'viewer');
    await queryOnce(
      server.db.url,
      `UPDATE invitations SET expires_at = now() - interval '1 second' WHERE id = $1`,
      [inv.body.id],
    );
    const late = await request(server.url)
      .post('/v1/invitations/accept')
      .send({ token: tokenFromLog(email), name: 'Late', password: 'a long enough password' });
    expect(late.status).toBe(404);

    // An address with an account elsewhere is invited like any other (issue 10 item 12); only its
    // acceptance fails, and only for the invitee. A member of the same team is refused at once.
    const other = await signUp(server.url);
    expect((await invite(a.token, other.email, 'member')).status).toBe(201);
    const takenAccept = await request(server.url)
      .post('/v1/invitations/accept')
      .send({
        token: tokenFromLog(other.email),
        name: 'Other',
        password: 'a long enough password',
      });
    expect(takenAccept.status).toBe(409);
    const member = await invite(a.token, a.email, 'member');
    expect(member.status).toBe(409);
    expect(member.body.errors).toEqual([
      { field: 'email', message: 'is already a member of this team' },
    ]);

    const bad = await invite(a.token, 'not-an-email', 'superuser');
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'email',
      'role',
    ]);
    const shortPw = await request(server.url)
      .post('/v1/invitations/accept')
      .send({ token: 'cbi_whatever-long', name: 'X', password: 'short' });
    expect(shortPw.status).toBe(400);
  });

  it('enforces roles: viewer reads only, member writes contracts, only owners touch billing and owners', async () => {
    const a = await signUp(server.url);
    await queryOnce(
      server.db.url,
      `UPDATE subscriptions SET plan = 'starter', status = 'active', current_period_end = now() + interval '30 days' WHERE tenant_id = $1`,
      [a.tenantId],
    );
    const viewer = await join(a, 'viewer');
    const member = await join(a, 'member');
    const admin = await join(a, 'admin');
    const { body: key } = await request(server.url)
      .post('/v1/api-keys')
      .set(auth(a.token))
      .send({ name: 'k' });
    const file = Buffer.from('SERVICE AGREEMENT between Alpha Oy and Beta AB.');

    expect((await request(server.url).get('/v1/contracts').set(auth(viewer.token))).status).toBe(
      200,
    );
    const viewerWrites = [
      await request(server.url)
        .post('/v1/contracts')
        .set(auth(viewer.token))
        .attach('file', file, 'a.txt'),
      await request(server.url).post('/v1/api-keys').set(auth(viewer.token)).send({ name: 'x' }),
      await request(server.url).get('/v1/api-keys').set(auth(viewer.token)),
      await request(server.url).delete(`/v1/api-keys/${key.id}`).set(auth(viewer.token)),
      await request(server.url).get('/v1/users').set(auth(viewer.token)),
      await invite(viewer.token, 'x@example.com', 'viewer'),
      await request(server.url)
        .patch(`/v1/users/${member.userId}`)
        .set(auth(viewer.token))
        .send({ role: 'viewer' }),
      await request(server.url).delete(`/v1/users/${member.userId}`).set(auth(viewer.token)),
      await request(server.url)
        .post('/v1/subscription')
        .set(auth(viewer.token))
        .send({ plan: 'business' }),
      await request(server.url).get('/v1/audit-events').set(auth(viewer.token)),
    ];
    expect(viewerWrites.map((res) => res.status)).toEqual(viewerWrites.map(() => 403));

    expect(
      (
        await request(server.url)
          .post('/v1/contracts')
          .set(auth(member.token))
          .attach('file', file, 'a.txt')
      ).status,
    ).toBe(202);
    expect((await invite(member.token, 'y@example.com', 'viewer')).status).toBe(403);
    expect(
      (
        await request(server.url)
          .post('/v1/subscription')
          .set(auth(member.token))
          .send({ plan: 'business' })
      ).status,
    ).toBe(403);

    // Admins manage the team, but never owners and never billing.
    expect((await request(server.url).get('/v1/users').set(auth(admin.token))).status).toBe(200);
    expect(
      (await invite(admin.token, `o-${randomBytes(3).toString('hex')}@example.com`, 'owner'))
        .status,
    ).toBe(403);
    expect(
      (
        await request(server.url)
          .patch(`/v1/users/${a.userId}`)
          .set(auth(admin.token))
          .send({ role: 'member' })
      ).status,
    ).toBe(403);
    expect(
      (await request(server.url).delete(`/v1/users/${a.userId}`).set(auth(admin.token))).status,
    ).toBe(403);
    expect(
      (
        await request(server.url)
          .post('/v1/subscription')
          .set(auth(admin.token))
          .send({ plan: 'business' })
      ).status,
    ).toBe(403);
    const promoted = await request(server.url)
      .patch(`/v1/users/${viewer.userId}`)
      .set(auth(admin.token))
      .send({ role: 'member' });
    expect(promoted.status).toBe(200);
    expect(promoted.body).toMatchObject({ id: viewer.userId, role: 'member' });
    // The role change applies to the next request with the same token.
    expect(
      (
        await request(server.url)
          .post('/v1/contracts')
          .set(auth(viewer.token))
          .attach(
            'file',
            Buffer.from('CONSULTING AGREEMENT between Alpha Oy and Gamma AB.'),
            'b.txt',
          )
      ).status,
    ).toBe(202);
  });

  it('always keeps one owner', async () => {
    const a = await signUp(server.url);
    const demote = await request(server.url)
      .patch(`/v1/users/${a.userId}`)
      .set(auth(a.token))
      .send({ role: 'admin' });
    expect(demote.status).toBe(409);
    expect(
      (await request(server.url).delete(`/v1/users/${a.userId}`).set(auth(a.token))).status,
    ).toBe(409);
    const second = await join(a, 'admin');
    expect(
      (
        await request(server.url)
          .patch(`/v1/users/${second.userId}`)
          .set(auth(a.token))
          .send({ role: 'owner' })
      ).status,
    ).toBe(200);
    const now = await request(server.url)
      .patch(`/v1/users/${a.userId}`)
      .set(auth(a.token))
      .send({ role: 'admin' });
    expect(now.status).toBe(200);
    expect(
      (await request(server.url).delete(`/v1/users/${second.userId}`).set(auth(second.token)))
        .status,
    ).toBe(409);
  });

  it('removing a user ends their sessions at once and is audited', async () => {
    const a = await signUp(server.url);
    const m = await join(a, 'member');
    expect((await request(server.url).get('/v1/contracts').set(auth(m.token))).status).toBe(200);
    const del = await request(server.url).delete(`/v1/users/${m.userId}`).set(auth(a.token));
    expect(del.status).toBe(204);
    expect((await request(server.url).get('/v1/contracts').set(auth(m.token))).status).toBe(401);
    expect(
      (await request(server.url).post('/v1/auth/refresh').send({ refreshToken: m.refreshToken }))
        .status,
    ).toBe(401);
    expect(
      (
        await request(server.url)
          .post('/v1/auth/login')
          .send({ email: m.email, password: 'a long enough password' })
      ).status,
    ).toBe(401);
    expect(
      (await request(server.url).delete(`/v1/users/${m.userId}`).set(auth(a.token))).status,
    ).toBe(404);
    const events = await request(server.url).get('/v1/audit-events').set(auth(a.token));
    expect(events.body.data.map((e: { action: string }) => e.action).slice(0, 3)).toEqual([
      'user.removed',
      'user.joined',
      'user.invited',
    ]);
    expect(events.body.data[0]).toMatchObject({
      actor: { type: 'user', id: a.userId },
      targetId: m.userId,
      data: { email: m.email, role: 'member' },
    });
  });

  it("keeps tenants apart: another tenant's users are 404 and never listed", async () => {
    const a = await signUp(server.url);
    const b = await signUp(server.url);
    const am = await join(a, 'member');
    expect(
      (
        await request(server.url)
          .patch(`/v1/users/${am.userId}`)
          .set(auth(b.token))
          .send({ role: 'viewer' })
      ).status,
    ).toBe(404);
    expect(
      (await request(server.url).delete(`/v1/users/${am.userId}`).set(auth(b.token))).status,
    ).toBe(404);
    const listB = await request(server.url).get('/v1/users').set(auth(b.token));
    expect(listB.body.data.map((u: { id: string }) => u.id)).toEqual([b.userId]);
    const auditB = await request(server.url).get('/v1/audit-events').set(auth(b.token));
    expect(JSON.stringify(auditB.body)).not.toContain(a.tenantId);
    expect(JSON.stringify(auditB.body)).not.toContain(am.userId);
    expect((await request(server.url).get('/v1/me').set(auth(am.token))).body.user.role).toBe(
      'member',
    );
  });

  it('counts users and open invitations against the plan (trial: 3 users)', async () => {
    const a = await signUp(server.url);
    await join(a, 'member');
    const pending = await invite(
      a.token,
      `p-${randomBytes(3).toString('hex')}@example.com`,
      'viewer',
    );
    expect(pending.status).toBe(201);
    const over = await invite(a.token, `q-${randomBytes(3).toString('hex')}@example.com`, 'viewer');
    expect(over.status).toBe(402);
    expect(over.body).toMatchObject({ code: 'plan_limit', errors: [{ field: 'users' }] });
  });

  it('answers 401 without a token', async () => {
    const id = '00000000-0000-4000-8000-000000000000';
    for (const res of [
      await request(server.url).get('/v1/users'),
      await request(server.url).patch(`/v1/users/${id}`).send({ role: 'viewer' }),
      await request(server.url).delete(`/v1/users/${id}`),
      await request(server.url)
        .post('/v1/invitations')
        .send({ email: 'a@example.com', role: 'viewer' }),
      await request(server.url).get('/v1/audit-events'),
    ]) {
      expect(res.status).toBe(401);
    }
  });

  it('records upload, correction and delete of a contract, newest first, paged by cursor, append-only', async () => {
    const a = await signUp(server.url);
    const up = await request(server.url)
      .post('/v1/contracts')
      .set(auth(a.token))
      .attach('file', Buffer.from('SERVICE AGREEMENT between Alpha Oy and Beta AB.'), 'deal.txt');
    expect(up.status).toBe(202);
    const id = up.body.id;
    expect(
      (
        await request(server.url)
          .patch(`/v1/contracts/${id}`)
          .set(auth(a.token))
          .send({ title: 'Deal', terms: { noticePeriod: 'P3M' } })
      ).status,
    ).toBe(200);
    expect(
      (await request(server.url).delete(`/v1/contracts/${id}`).set(auth(a.token))).status,
    ).toBe(204);

    const all = await request(server.url)
      .get('/v1/audit-events')
      .query({ contractId: id })
      .set(auth(a.token));
    expect(all.status).toBe(200);
    expect(all.body.data.map((e: { action: string }) => e.action)).toEqual([
      'contract.deleted',
      'contract.updated',
      'contract.uploaded',
    ]);
    expect(all.body.data[1]).toMatchObject({
      actor: { type: 'user', id: a.userId },
      contractId: id,
      data: { fields: ['title'], terms: ['noticePeriod'] },
    });
    expect(all.body.nextCursor).toBeNull();

    const page1 = await request(server.url)
      .get('/v1/audit-events')
      .query({ contractId: id, limit: 2 })
      .set(auth(a.token));
    expect(page1.body.data).toHaveLength(2);
    const page2 = await request(server.url)
      .get('/v1/audit-events')
      .query({ contractId: id, limit: 2, cursor: page1.body.nextCursor })
      .set(auth(a.token));
    expect(page2.body.data.map((e: { action: string }) => e.action)).toEqual(['contract.uploaded']);
    expect(page2.body.nextCursor).toBeNull();
    expect(
      (
        await request(server.url)
          .get('/v1/audit-events')
          .query({ cursor: 'garbage' })
          .set(auth(a.token))
      ).status,
    ).toBe(400);

    // The application's database role cannot rewrite history, even inside its own tenant.
    const c = new Client({ connectionString: server.db.appUrl });
    await c.connect();
    try {
      await c.query('BEGIN');
      await c.query(`SELECT set_config('app.tenant_id', $1, true)`, [a.tenantId]);
      await expect(c.query(`UPDATE audit_events SET action = 'x'`)).rejects.toThrow(
        /permission denied/,
      );
      await c.query('ROLLBACK');
      await c.query('BEGIN');
      await c.query(`SELECT set_config('app.tenant_id', $1, true)`, [a.tenantId]);
      await expect(c.query(`DELETE FROM audit_events`)).rejects.toThrow(/permission denied/);
      await c.query('ROLLBACK');
    } finally {
      await c.end();
    }
  });
});
