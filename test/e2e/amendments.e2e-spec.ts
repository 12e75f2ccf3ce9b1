import request from 'supertest';
import { signUp, waitForParsed, type SignedUp } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';

const MASTER = `MASTER SERVICES AGREEMENT

This Master Services Agreement (the "Agreement") is entered into on 1 January 2024 by and between Alpha Oy ("Customer") and Beta AB ("Supplier").

1. Term. This Agreement shall commence on 1 January 2024 and shall continue for an initial term of three (3) years. Thereafter this Agreement shall automatically renew for successive periods of one (1) year unless either party gives written notice of non-renewal at least three (3) months before the end of the then-current term.

2. Governing law. This Agreement is governed by the laws of Finland.
`;

const AMENDMENT = `AMENDMENT NO. 1 TO THE MASTER SERVICES AGREEMENT

This Amendment No. 1 to the Master Services Agreement is entered into by and between Alpha Oy ("Customer") and Beta AB ("Supplier") and is effective as of 1 March 2026.

1. Extension. The term of the Agreement is hereby extended, and the Agreement shall expire on 31 December 2029.

2. All other terms of the Agreement remain in force.
`;

describe('amendments: linked to the master, the master deadlines follow the terms in force', () => {
  let server: TestServer;
  let a: SignedUp;
  let b: SignedUp;

  beforeAll(async () => {
    server = await startTestServer();
    [a, b] = await Promise.all([
      signUp(server.url, { company: 'Alpha Oy' }),
      signUp(server.url, { company: 'Other AB' }),
    ]);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  const auth = (s: SignedUp) => ({ Authorization: `Bearer ${s.token}` });
  const upload = async (s: SignedUp, text: string, name: string) => {
    const res = await request(server.url)
      .post('/v1/contracts')
      .set(auth(s))
      .attach('file', Buffer.from(text), name);
    expect(res.status).toBe(202);
    return res.body.id as string;
  };
  const get = async (s: SignedUp, id: string) =>
    (await request(server.url).get(`/v1/contracts/${id}`).set(auth(s))).body;
  const patch = (s: SignedUp, id: string, body: object) =>
    request(server.url).patch(`/v1/contracts/${id}`).set(auth(s)).send(body);

  let masterId: string;
  let amendmentId: string;

  it('suggests the master for a document that calls itself its amendment, then links it and moves the notice deadline', async () => {
    masterId = await upload(a, MASTER, 'msa.txt');
    const master = await waitForParsed(server.url, a.token, masterId);
    expect(master.terms).toMatchObject({
      initialTerm: 'P3Y',
      autoRenewal: true,
      noticePeriod: 'P3M',
    });
    expect(master.parentId).toBeNull();
    expect(master.amendments).toEqual([]);
    const before = master.deadlines as { noticeDeadline: string; nextRenewalDate: string };

    amendmentId = await upload(a, AMENDMENT, 'amendment-1.txt');
    const amendment = await waitForParsed(server.url, a.token, amendmentId);
    expect(amendment.terms).toMatchObject({
      effectiveDate: '2026-03-01',
      expirationDate: '2029-12-31',
    });
    expect(amendment.parentSuggestion).toMatchObject({
      id: masterId,
      sentence: expect.stringMatching(/Amendment No\. 1 to the Master Services Agreement/i),
    });
    // Not linked until a person says so: the master is unchanged.
    expect((await get(a, masterId)).deadlines).toEqual(master.deadlines);

    const linked = await patch(a, amendmentId, { parentId: masterId });
    expect(linked.status).toBe(200);
    expect(linked.body.parentId).toBe(masterId);
    expect(linked.body.parentSuggestion).toBeNull();
    // An amendment has no deadlines of its own (they are its master's: no double alerts).
    expect(linked.body.deadlines).toEqual({
      noticeDeadline: null,
      nextRenewalDate: null,
      expirationDate: null,
      noticeRenewalDate: null,
      endingOn: null,
    });

    const after = await get(a, masterId);
    expect(after.deadlines.nextRenewalDate).toBe('2030-01-01');
    expect(after.deadlines.noticeDeadline).toBe('2029-09-30');
    expect(after.deadlines.noticeDeadline).not.toBe(before.noticeDeadline);
    // The master's own terms are untouched; the terms in force carry the amendment.
    expect(after.terms).toEqual(master.terms);
    expect(after.termsInForce).toMatchObject({ expirationDate: '2029-12-31', noticePeriod: 'P3M' });
    expect(after.amendments).toEqual([
      {
        id: amendmentId,
        title: expect.any(String),
        effectiveDate: '2026-03-01',
        inForce: true,
        changes: [
          expect.objectContaining({
            field: 'expirationDate',
            from: (master.terms as { expirationDate: string | null }).expirationDate,
            to: '2029-12-31',
            evidence: [
              expect.objectContaining({ text: expect.stringMatching(/31 December 2029/) }),
            ],
          }),
        ],
      },
    ]);

    const deadlines = await request(server.url)
      .get('/v1/deadlines')
      .query({ from: '2026-01-01', to: '2031-01-01' })
      .set(auth(a));
    expect(deadlines.status).toBe(200);
    const mine = deadlines.body.data.filter(
      (d: { contractId: string }) => d.contractId === masterId || d.contractId === amendmentId,
    );
    expect(
      mine.map((d: { contractId: string; kind: string; date: string }) => [
        d.contractId,
        d.kind,
        d.date,
      ]),
    ).toEqual([
      [masterId, 'notice', '2029-09-30'],
      [masterId, 'renewal', '2030-01-01'],
    ]);

    const list = await request(server.url).get('/v1/contracts').set(auth(a));
    const listed = list.body.data.find((c: { id: string }) => c.id === masterId);
    expect(listed.amendments).toEqual([
      { id: amendmentId, title: expect.any(String), effectiveDate: '2026-03-01' },
    ]);
  }, 180_000);

  it('a person correcting the amendment moves the master again', async () => {
    const res = await patch(a, amendmentId, { terms: { expirationDate: '2028-12-31' } });
    expect(res.status).toBe(200);
    const master = await get(a, masterId);
    expect(master.deadlines).toMatchObject({
      nextRenewalDate: '2029-01-01',
      noticeDeadline: '2028-09-30',
    });
  });

  it('refuses itself, a cycle, and another tenant contract as the parent', async () => {
    const self = await patch(a, masterId, { parentId: masterId });
    expect(self.status).toBe(400);
    expect(self.body.errors).toEqual([expect.objectContaining({ field: 'parentId' })]);

    const cycle = await patch(a, masterId, { parentId: amendmentId });
    expect(cycle.status).toBe(400);
    expect(cycle.body.errors[0].message).toMatch(/cycle/);

    const foreignId = await upload(b, 'A contract of another tenant.\n', 'other.txt');
    const foreign = await patch(a, amendmentId, { parentId: foreignId });
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors).toEqual([expect.objectContaining({ field: 'parentId' })]);
    expect((await get(a, amendmentId)).parentId).toBe(masterId);

    const bad = await patch(a, amendmentId, { parentId: 'not-a-uuid' });
    expect(bad.status).toBe(400);
  });

  it('unlinking gives the master its own deadlines back', async () => {
    const res = await patch(a, amendmentId, { parentId: null });
    expect(res.status).toBe(200);
    expect(res.body.parentId).toBeNull();
    const master = await get(a, masterId);
    expect(master.amendments).toEqual([]);
    expect(master.deadlines.nextRenewalDate).not.toBe('2029-01-01');
    expect(master.deadlines.noticeDeadline).toMatch(/-09-30$/);
  });

  it('deleting a master leaves its amendment standalone', async () => {
    expect((await patch(a, amendmentId, { parentId: masterId })).status).toBe(200);
    const del = await request(server.url).delete(`/v1/contracts/${masterId}`).set(auth(a));
    expect(del.status).toBe(204);
    const left = await get(a, amendmentId);
    expect(left.parentId).toBeNull();
  });
});
