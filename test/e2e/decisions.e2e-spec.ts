import request from 'supertest';
import { signUp, waitForParsed, type SignedUp } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';

// Started 1 January 2024 for three years, renewing yearly, three months' notice: the current term ends on
// 31 December 2026 and its notice deadline, 30 September 2026, has passed (the session's today is later).
const MASTER = `MASTER SERVICES AGREEMENT

This Master Services Agreement (the "Agreement") is entered into on 1 January 2024 by and between Alpha Oy ("Customer") and Beta AB ("Supplier").

1. Term. This Agreement shall commence on 1 January 2024 and shall continue for an initial term of three (3) years. Thereafter this Agreement shall automatically renew for successive periods of one (1) year unless either party gives written notice of non-renewal at least three (3) months before the end of the then-current term.
`;

describe('decisions on notice deadlines: PUT/DELETE /v1/contracts/:id/decision', () => {
  let server: TestServer;
  let a: SignedUp;
  let b: SignedUp;
  let id: string;

  beforeAll(async () => {
    server = await startTestServer();
    [a, b] = await Promise.all([
      signUp(server.url, { company: 'Alpha Oy' }),
      signUp(server.url, { company: 'Other AB' }),
    ]);
    const res = await request(server.url)
      .post('/v1/contracts')
      .set(auth(a))
      .attach('file', Buffer.from(MASTER), 'msa.txt');
    id = res.body.id as string;
    await waitForParsed(server.url, a.token, id);
  }, 90_000);

  afterAll(async () => {
    await server?.close();
  });

  const auth = (s: SignedUp) => ({ Authorization: `Bearer ${s.token}` });
  const put = (s: SignedUp, body: object, contractId = id) =>
    request(server.url).put(`/v1/contracts/${contractId}/decision`).set(auth(s)).send(body);
  const undecided = async (s: SignedUp) =>
    (await request(server.url).get('/v1/deadlines?undecided=true').set(auth(s))).body.data as {
      contractId: string;
      kind: string;
      date: string;
    }[];

  it('a passed notice deadline without a decision is listed as undecided; the contract shows no decision', async () => {
    const c = (await request(server.url).get(`/v1/contracts/${id}`).set(auth(a))).body;
    expect(c.decision).toBeNull();
    expect(c.deadlines).toMatchObject({
      noticeDeadline: '2027-09-30',
      nextRenewalDate: '2027-01-01',
      endingOn: null,
    });
    expect(await undecided(a)).toEqual([
      {
        contractId: id,
        contractTitle: expect.any(String),
        kind: 'notice',
        date: '2026-09-30',
        counterparty: 'Beta AB',
        ownerId: null,
        language: 'en',
        renewalDate: '2027-01-01',
        renewalTerm: 'P1Y',
        snoozedUntil: null,
      },
    ]);
    expect(await undecided(b)).toEqual([]);
  });

  it('terminate with notice sent ends the contract at the end of the current term, audited old -> new', async () => {
    const res = await put(a, {
      decision: 'terminate',
      noticeSentOn: '2026-09-15',
      note: 'Sent by registered mail',
    });
    expect(res.status).toBe(200);
    expect(res.body.decision).toMatchObject({
      decision: 'terminate',
      noticeSentOn: '2026-09-15',
      note: 'Sent by registered mail',
      deadline: '2026-09-30',
      decidedBy: { type: 'user', name: expect.any(String) },
    });
    // The contract read on its own shows the same decision (it has a deadline to decide: its decisions are read).
    const read = (await request(server.url).get(`/v1/contracts/${id}`).set(auth(a))).body;
    expect(read.decision).toEqual(res.body.decision);
    expect(res.body.deadlines).toEqual({
      noticeDeadline: null,
      nextRenewalDate: null,
      noticeRenewalDate: null,
      expirationDate: '2026-12-31',
      endingOn: '2026-12-31',
    });
    expect(await undecided(a)).toEqual([]);
    const list = (await request(server.url).get('/v1/deadlines?from=2026-01-01').set(auth(a))).body
      .data as { contractId: string; kind: string; date: string }[];
    expect(list.filter((d) => d.contractId === id)).toEqual([
      expect.objectContaining({ kind: 'expiration', date: '2026-12-31' }),
    ]);
    const audit = (await request(server.url).get(`/v1/audit-events?contractId=${id}`).set(auth(a)))
      .body.data as { action: string; data: Record<string, unknown> }[];
    expect(audit.find((e) => e.action === 'deadline.decided')?.data).toMatchObject({
      deadline: '2026-09-30',
      old: null,
      new: { decision: 'terminate', noticeSentOn: '2026-09-15' },
    });
    expect(audit.find((e) => e.action === 'contract.terminated')?.data).toMatchObject({
      old: { endingOn: null },
      new: { endingOn: '2026-12-31' },
    });
  });

  it('changing the decision replaces it (old -> new in the audit) and undoes the termination', async () => {
    const res = await put(a, { decision: 'renegotiate' });
    expect(res.status).toBe(200);
    expect(res.body.decision).toMatchObject({ decision: 'renegotiate', noticeSentOn: null });
    expect(res.body.deadlines).toMatchObject({ nextRenewalDate: '2027-01-01', endingOn: null });
    const audit = (await request(server.url).get(`/v1/audit-events?contractId=${id}`).set(auth(a)))
      .body.data as { action: string; data: Record<string, unknown> }[];
    expect(audit[0]).toMatchObject({
      action: 'deadline.decided',
      data: { old: { decision: 'terminate' }, new: { decision: 'renegotiate' } },
    });
  });

  it('DELETE takes the decision back (204): the deadline is undecided again', async () => {
    const res = await request(server.url).delete(`/v1/contracts/${id}/decision`).set(auth(a));
    expect(res.status).toBe(204);
    const c = (await request(server.url).get(`/v1/contracts/${id}`).set(auth(a))).body;
    expect(c.decision).toBeNull();
    expect((await undecided(a)).map((d) => d.contractId)).toEqual([id]);
  });

  it('refuses notice sent in the future, an unknown decision and an over-long note (400 problem+json)', async () => {
    for (const body of [
      { decision: 'renew', noticeSentOn: '2999-01-01' },
      { decision: 'snooze' },
      { decision: 'renew', note: 'x'.repeat(2001) },
      { decision: 'renew', noticeSentOn: '2026-02-30' },
    ]) {
      const res = await put(a, body);
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('another tenant gets 404; a read-only key gets 403', async () => {
    expect((await put(b, { decision: 'renew' })).status).toBe(404);
    expect(
      (await request(server.url).delete(`/v1/contracts/${id}/decision`).set(auth(b))).status,
    ).toBe(404);
    const key = await request(server.url)
      .post('/v1/api-keys')
      .set(auth(a))
      .send({ name: 'read only', scopes: ['contracts:read'] });
    expect(key.status).toBe(201);
    const res = await request(server.url)
      .put(`/v1/contracts/${id}/decision`)
      .set({ Authorization: `Bearer ${key.body.key ?? key.body.secret ?? key.body.token}` })
      .send({ decision: 'renew' });
    expect(res.status).toBe(403);
  });
});
