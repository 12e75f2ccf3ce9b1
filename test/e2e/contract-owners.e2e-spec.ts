import { randomBytes, randomUUID } from 'node:crypto';
import { Client } from 'pg';
import request from 'supertest';
import { ScanAlerts, SendAlert } from '@cb/application';
import { signUp, type SignedUp } from '../support/api-client';
import { confirmEmail } from '../support/confirm-email';
import { startSmtpCapture, type SmtpCapture } from '../support/smtp-capture';
import { startTestServer, type TestServer } from '../support/test-server';

interface Member {
  token: string;
  userId: string;
  email: string;
}

// Sign-ups (argon2) and a worker on a machine shared with other suites.
jest.setTimeout(60_000);

const isoDate = (d: Date) => d.toISOString().slice(0, 10);
const inDays = (n: number) => isoDate(new Date(Date.now() + n * 86_400_000));

describe('contract owners: PATCH ownerId, the owner filter, the audit trail, and alerts to the owner', () => {
  let server: TestServer;
  let smtp: SmtpCapture;
  let db: Client;
  const auth = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    smtp = await startSmtpCapture();
    server = await startTestServer({ env: { SMTP_URL: smtp.url } });
    db = new Client({ connectionString: server.db.url });
    await db.connect();
  }, 60_000);
  afterAll(async () => {
    await db?.end();
    await server?.close();
    await smtp?.close();
  }, 60_000);

  /** Invites a user with `role` and accepts with the link from the real invitation e-mail. */
  async function join(owner: SignedUp, role: string): Promise<Member> {
    const email = `${role}-${randomBytes(5).toString('hex')}@example.com`;
    const since = smtp.received.length;
    const inv = await request(server.url)
      .post('/v1/invitations')
      .set(auth(owner.token))
      .send({ email, role });
    if (inv.status !== 201) throw new Error(`invite: ${inv.status} ${JSON.stringify(inv.body)}`);
    const mail = await smtp.waitFor(email, { since });
    const token = decodeURIComponent(/accept-invite\?token=(\S+)/.exec(mail.text ?? '')![1]!);
    const res = await request(server.url)
      .post('/v1/invitations/accept')
      .send({ token, name: `A ${role}`, password: 'a long enough password' });
    if (res.status !== 201) throw new Error(`accept: ${res.status} ${JSON.stringify(res.body)}`);
    return { token: res.body.accessToken, userId: res.body.user.id, email };
  }

  /** A parsed contract with one deadline, written as the database owner (parsing is tested elsewhere). */
  async function seedContract(tenantId: string, title: string, deadline?: string) {
    const id = randomUUID();
    await db.query(
      `INSERT INTO contracts (id, tenant_id, title, status, file_name, file_size, file_sha256, media_type, storage_key, terms)
       VALUES ($1, $2, $3, 'parsed', 'c.pdf', 1, $4, 'application/pdf', 'k', '{"autoRenewal": true, "renewalTerm": "P1Y"}')`,
      [id, tenantId, title, randomUUID()],
    );
    if (deadline)
      await db.query(
        `INSERT INTO deadlines (tenant_id, contract_id, kind, date) VALUES ($1, $2, 'notice', $3)`,
        [tenantId, id, deadline],
      );
    return id;
  }

  const patch = (token: string, id: string, body: object) =>
    request(server.url).patch(`/v1/contracts/${id}`).set(auth(token)).send(body);
  const listIds = async (token: string, query: string) => {
    const res = await request(server.url).get(`/v1/contracts?${query}`).set(auth(token));
    expect(res.status).toBe(200);
    return (res.body.data as { id: string }[]).map((c) => c.id).sort();
  };

  it('ownerId is null by default, PATCH sets and clears it (same team only, never a viewer), audited old -> new', async () => {
    const a = await signUp(server.url);
    const b = await signUp(server.url);
    const member = await join(a, 'member');
    const viewer = await join(a, 'viewer');
    const id = await seedContract(a.tenantId, 'Office Lease');

    const initial = await request(server.url).get(`/v1/contracts/${id}`).set(auth(a.token));
    expect(initial.body.ownerId).toBeNull();

    const set = await patch(member.token, id, { ownerId: member.userId });
    expect(set.status).toBe(200);
    expect(set.body.ownerId).toBe(member.userId);
    expect(
      (await request(server.url).get(`/v1/contracts/${id}`).set(auth(a.token))).body.ownerId,
    ).toBe(member.userId);

    // Another tenant's user, an unknown id and a malformed one: 400 problems naming ownerId; nothing changed.
    for (const ownerId of [b.userId, randomUUID(), 'not-a-uuid']) {
      const bad = await patch(a.token, id, { ownerId });
      expect({ ownerId, status: bad.status }).toEqual({ ownerId, status: 400 });
      expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['ownerId']);
    }
    expect((await patch(viewer.token, id, { ownerId: viewer.userId })).status).toBe(403);
    // Tenant B cannot touch tenant A's contract.
    expect((await patch(b.token, id, { ownerId: b.userId })).status).toBe(404);
    expect(
      (await request(server.url).get(`/v1/contracts/${id}`).set(auth(a.token))).body.ownerId,
    ).toBe(member.userId);

    const moved = await patch(a.token, id, { ownerId: a.userId });
    expect(moved.body.ownerId).toBe(a.userId);
    const cleared = await patch(a.token, id, { ownerId: null });
    expect(cleared.status).toBe(200);
    expect(cleared.body.ownerId).toBeNull();

    const events = await request(server.url).get('/v1/audit-events').set(auth(a.token));
    const owners = (
      events.body.data as { action: string; contractId: string; data: { owner?: unknown } }[]
    )
      .filter((e) => e.action === 'contract.updated' && e.contractId === id && e.data.owner)
      .map((e) => e.data.owner)
      .reverse();
    expect(owners).toEqual([
      { from: null, to: member.userId },
      { from: member.userId, to: a.userId },
      { from: a.userId, to: null },
    ]);
  });

  it('GET /v1/contracts?owner=<userId>|me lists the contracts a user owns; the filter is validated', async () => {
    const a = await signUp(server.url);
    const b = await signUp(server.url);
    const member = await join(a, 'member');
    const mine = await seedContract(a.tenantId, 'Mine');
    const theirs = await seedContract(a.tenantId, 'Theirs');
    const nobodys = await seedContract(a.tenantId, 'Unowned');
    await patch(a.token, mine, { ownerId: a.userId }).expect(200);
    await patch(a.token, theirs, { ownerId: member.userId }).expect(200);

    expect(await listIds(a.token, 'owner=me')).toEqual([mine]);
    expect(await listIds(member.token, 'owner=me')).toEqual([theirs]);
    expect(await listIds(member.token, `owner=${a.userId}`)).toEqual([mine]);
    expect(await listIds(a.token, '')).toEqual([mine, theirs, nobodys].sort());
    // Another tenant's user owns nothing here; tenant B's "my contracts" is empty.
    expect(await listIds(a.token, `owner=${b.userId}`)).toEqual([]);
    expect(await listIds(b.token, 'owner=me')).toEqual([]);

    const bad = await request(server.url).get('/v1/contracts?owner=someone').set(auth(a.token));
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(['owner']);
  });

  it("alerts go to the owner as well as the tenant's recipients, once each; a removed owner falls back to the admins", async () => {
    const a = await signUp(server.url);
    // Alerts go only to confirmed addresses (invited members confirmed theirs by accepting).
    await confirmEmail(server.url, smtp, a);
    const member = await join(a, 'member');
    const admin = await join(a, 'admin');
    // A configured list: the tenant owner (who is also a contract owner below) and legal.
    const legal = `legal-${randomBytes(4).toString('hex')}@example.com`;
    await request(server.url)
      .put('/v1/alert-settings')
      .set(auth(a.token))
      .send({ leadDays: [30], recipients: [a.email, legal], timezone: 'UTC' })
      .expect(200);
    const owned = await seedContract(a.tenantId, 'Owned Lease', inDays(10));
    const ownedByRecipient = await seedContract(a.tenantId, 'Recipient Lease', inDays(11));
    await seedContract(a.tenantId, 'Unowned Lease', inDays(12));
    await patch(a.token, owned, { ownerId: member.userId }).expect(200);
    await patch(a.token, ownedByRecipient, { ownerId: a.userId }).expect(200);

    // Two ticks: the second must not send anything again.
    await server.worker!.get(ScanAlerts).execute();
    await server.worker!.get(ScanAlerts).execute();
    await smtp.waitFor(member.email, { subject: /Owned Lease/ });
    await smtp.waitFor(legal, { subject: /Unowned Lease/ });
    await new Promise((r) => setTimeout(r, 1500)); // room for a (wrong) duplicate to arrive
    const subjects = (email: string) =>
      smtp
        .to(email)
        .map((m) => m.subject)
        .filter((s) => s?.startsWith('Notice deadline'))
        .sort();
    expect(subjects(member.email)).toEqual(['Notice deadline in 10 days: Owned Lease']);
    expect(subjects(legal)).toEqual([
      'Notice deadline in 10 days: Owned Lease',
      'Notice deadline in 11 days: Recipient Lease',
      'Notice deadline in 12 days: Unowned Lease',
    ]);
    // The tenant owner is a recipient and owns one contract: still one e-mail per contract.
    expect(subjects(a.email)).toEqual(subjects(legal));
    expect(subjects(admin.email)).toEqual([]);
    const log = await request(server.url).get('/v1/alerts').set(auth(a.token));
    const ownedRows = (log.body.data as { contractId: string; recipient: string }[])
      .filter((r) => r.contractId === owned)
      .map((r) => r.recipient)
      .sort();
    expect(ownedRows).toEqual([a.email, legal, member.email].map((e) => e.toLowerCase()).sort());

    // The member leaves: the contract loses its owner, and its alerts go to the owners and admins instead.
    await request(server.url).delete(`/v1/users/${member.userId}`).set(auth(a.token)).expect(204);
    const after = await request(server.url).get(`/v1/contracts/${owned}`).set(auth(a.token));
    expect(after.body.ownerId).toBeNull();
    const events = await request(server.url).get('/v1/audit-events').set(auth(a.token));
    expect(events.body.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          action: 'contract.updated',
          contractId: owned,
          data: expect.objectContaining({
            owner: { from: member.userId, to: null },
            reason: 'owner_removed',
          }),
        }),
        expect.objectContaining({
          action: 'user.removed',
          data: expect.objectContaining({ releasedContracts: 1 }),
        }),
      ]),
    );
    await server.worker!.get(ScanAlerts).execute();
    await smtp.waitFor(admin.email, { subject: /Owned Lease/ });
    await new Promise((r) => setTimeout(r, 1000));
    expect(subjects(admin.email)).toEqual(['Notice deadline in 10 days: Owned Lease']);
    // Nobody else got a second one.
    expect(subjects(a.email)).toEqual(subjects(legal));
    expect(subjects(legal)).toHaveLength(3);

    // Someone takes it over: the fallback ends, the new owner is a recipient from now on.
    await patch(a.token, owned, { ownerId: admin.userId }).expect(200);
    const row = await db.query(`SELECT owner_removed_at FROM contracts WHERE id = $1`, [owned]);
    expect(row.rows[0].owner_removed_at).toBeNull();
  }, 60_000);

  it('a pending alert for an owner who no longer owns the contract is canceled, not sent', async () => {
    const a = await signUp(server.url);
    const member = await join(a, 'member');
    await request(server.url)
      .put('/v1/alert-settings')
      .set(auth(a.token))
      .send({ leadDays: [30], timezone: 'UTC' })
      .expect(200);
    const id = await seedContract(a.tenantId, 'Reassigned Lease', inDays(9));
    await patch(a.token, id, { ownerId: member.userId }).expect(200);
    // The owner changes between the scan that recorded the alert and its send.
    const [alert] = (
      await db.query<{ id: string }>(
        `INSERT INTO alerts (tenant_id, contract_id, kind, deadline, lead_days, channel, recipient, alert_key)
         VALUES ($1, $2, 'notice', $3, 30, 'email', $4, $5) RETURNING id`,
        [a.tenantId, id, inDays(9), member.email, `test:${randomUUID()}`],
      )
    ).rows;
    await patch(a.token, id, { ownerId: null }).expect(200);
    const outcome = await server
      .worker!.get(SendAlert)
      .execute({ tenantId: a.tenantId, alertId: alert!.id }, { finalAttempt: false });
    expect(outcome).toEqual({ result: 'canceled', reason: 'recipient no longer receives alerts' });
  });
});
