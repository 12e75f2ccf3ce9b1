import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { signUp, waitForParsed, type SignedUp } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';

const SAMPLE = path.resolve(
  __dirname,
  '../../samples/contracts/DUOSTECHNOLOGIESGROUP_INC_04_21_2009-EX-10.1-STRATEGIC_ALLIANCE_AGREEMENT.pdf',
);

describe('contracts: upload, parse, read, and tenant isolation', () => {
  let server: TestServer;
  let a: SignedUp;
  let b: SignedUp;
  let contractId: string;
  const pdf = fs.readFileSync(SAMPLE);

  beforeAll(async () => {
    server = await startTestServer({ env: { MAX_UPLOAD_MB: '2' } });
    [a, b] = await Promise.all([
      signUp(server.url, { company: 'Tenant A Oy' }),
      signUp(server.url, { company: 'Tenant B AB' }),
    ]);
    const upload = await request(server.url)
      .post('/v1/contracts')
      .set('Authorization', `Bearer ${a.token}`)
      .field('title', 'Strategic alliance with Duos')
      .field('tags', 'alliance,2009')
      .attach('file', pdf, 'duos-alliance.pdf');
    expect(upload.status).toBe(202);
    expect(upload.body.status).toBe('processing');
    contractId = upload.body.id;
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  it('parses the real PDF and returns its terms with evidence', async () => {
    const parsed = await waitForParsed(server.url, a.token, contractId);
    expect(parsed.error).toBeNull();
    expect(['parsed', 'needs_review']).toContain(parsed.status);
    const body = parsed as {
      file: { pages: number; sha256: string; size: number; mediaType: string };
      terms: { parties: { name: string }[]; governingLaw: string | null };
      evidence: Record<string, { page: number; start: number; end: number; text: string }[]>;
      tags: string[];
      title: string;
    };
    expect(body.file.pages).toBe(7);
    expect(body.file.mediaType).toBe('application/pdf');
    expect(body.file.size).toBe(pdf.length);
    expect(body.title).toBe('Strategic alliance with Duos');
    expect(body.tags).toEqual(['alliance', '2009']);
    expect(body.terms.parties.length).toBeGreaterThan(0);
    expect(body.terms.governingLaw).toMatch(/Florida/);
    const lawEvidence = body.evidence.governingLaw?.[0];
    expect(lawEvidence?.text).toMatch(/Florida/);
    expect(lawEvidence?.page).toBeGreaterThanOrEqual(1);
  }, 120_000);

  it('returns the original file byte for byte', async () => {
    const res = await request(server.url)
      .get(`/v1/contracts/${contractId}/file`)
      .set('Authorization', `Bearer ${a.token}`)
      .buffer(true)
      .parse((r, cb) => {
        const chunks: Buffer[] = [];
        r.on('data', (c: Buffer) => chunks.push(c));
        r.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/application\/pdf/);
    expect(Buffer.compare(res.body as Buffer, pdf)).toBe(0);
  });

  it('lists and finds the contract by full-text search for its owner', async () => {
    const list = await request(server.url)
      .get('/v1/contracts')
      .set('Authorization', `Bearer ${a.token}`);
    expect(list.status).toBe(200);
    expect(list.body.data.map((c: { id: string }) => c.id)).toContain(contractId);
    const search = await request(server.url)
      .get('/v1/contracts')
      .query({ q: 'Florida' })
      .set('Authorization', `Bearer ${a.token}`);
    expect(search.body.data.map((c: { id: string }) => c.id)).toEqual([contractId]);
    const miss = await request(server.url)
      .get('/v1/contracts')
      .query({ q: 'zebracorn' })
      .set('Authorization', `Bearer ${a.token}`);
    expect(miss.body.data).toEqual([]);
  });

  it('hides everything of tenant A from tenant B (404, never 403)', async () => {
    const auth = { Authorization: `Bearer ${b.token}` };
    const api = request(server.url);
    expect((await api.get(`/v1/contracts/${contractId}`).set(auth)).status).toBe(404);
    expect((await api.get(`/v1/contracts/${contractId}/file`).set(auth)).status).toBe(404);
    expect(
      (await api.patch(`/v1/contracts/${contractId}`).set(auth).send({ title: 'stolen' })).status,
    ).toBe(404);
    expect((await api.post(`/v1/contracts/${contractId}/reparse`).set(auth)).status).toBe(404);
    expect((await api.delete(`/v1/contracts/${contractId}`).set(auth)).status).toBe(404);
    const list = await api.get('/v1/contracts').set(auth);
    expect(list.body.data).toEqual([]);
    const search = await api.get('/v1/contracts').query({ q: 'Florida' }).set(auth);
    expect(search.body.data).toEqual([]);
    const deadlines = await api
      .get('/v1/deadlines')
      .query({ from: '2000-01-01', to: '2100-01-01' })
      .set(auth);
    expect(deadlines.body.data).toEqual([]);
    // Still there for A, untouched.
    const mine = await api
      .get(`/v1/contracts/${contractId}`)
      .set({ Authorization: `Bearer ${a.token}` });
    expect(mine.status).toBe(200);
    expect(mine.body.title).toBe('Strategic alliance with Duos');
  });

  it('corrects a term: marked as set by a person, deadlines recomputed, and kept across a reparse', async () => {
    const api = request(server.url);
    const auth = { Authorization: `Bearer ${a.token}` };
    const patched = await api
      .patch(`/v1/contracts/${contractId}`)
      .set(auth)
      .send({
        terms: {
          effectiveDate: '2030-01-15',
          initialTerm: 'P1Y',
          expirationDate: null,
          autoRenewal: true,
          renewalTerm: 'P1Y',
          noticePeriod: 'P90D',
        },
      });
    expect(patched.status).toBe(200);
    expect(patched.body.termSources.noticePeriod).toBe('user');
    expect(patched.body.terms.noticePeriod).toBe('P90D');
    expect(patched.body.deadlines).toEqual({
      noticeDeadline: '2030-10-16',
      nextRenewalDate: '2031-01-15',
      expirationDate: null,
      noticeRenewalDate: '2031-01-15',
      endingOn: null,
    });
    const deadlines = await api
      .get('/v1/deadlines')
      .query({ from: '2030-01-01', to: '2031-12-31' })
      .set(auth);
    expect(deadlines.body.data).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ contractId, kind: 'notice', date: '2030-10-16' }),
        expect.objectContaining({ contractId, kind: 'renewal', date: '2031-01-15' }),
      ]),
    );
    const bad = await api
      .patch(`/v1/contracts/${contractId}`)
      .set(auth)
      .send({ terms: { noticePeriod: 'ninety days', agreementDate: '2020-02-30' } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'terms.agreementDate',
      'terms.noticePeriod',
    ]);

    const reparse = await api.post(`/v1/contracts/${contractId}/reparse`).set(auth);
    expect(reparse.status).toBe(202);
    const again = (await waitForParsed(server.url, a.token, contractId)) as {
      terms: { noticePeriod: string };
      termSources: Record<string, string>;
    };
    expect(again.terms.noticePeriod).toBe('P90D');
    expect(again.termSources.noticePeriod).toBe('user');
  }, 120_000);

  it('replays an upload with the same Idempotency-Key, and refuses the key for a different file', async () => {
    const api = request(server.url);
    const auth = { Authorization: `Bearer ${a.token}` };
    const key = `upload-${Date.now()}`;
    const first = await api
      .post('/v1/contracts')
      .set(auth)
      .set('Idempotency-Key', key)
      .attach('file', Buffer.from('Agreement text v1\n'), 'a.txt');
    const second = await api
      .post('/v1/contracts')
      .set(auth)
      .set('Idempotency-Key', key)
      .attach('file', Buffer.from('Agreement text v1\n'), 'a.txt');
    expect(first.status).toBe(202);
    expect(second.status).toBe(202);
    expect(second.body.id).toBe(first.body.id);
    const other = await api
      .post('/v1/contracts')
      .set(auth)
      .set('Idempotency-Key', key)
      .attach('file', Buffer.from('Another text\n'), 'a.txt');
    expect(other.status).toBe(422);
    expect(other.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('deletes a contract for its owner', async () => {
    const api = request(server.url);
    const auth = { Authorization: `Bearer ${a.token}` };
    const up = await api
      .post('/v1/contracts')
      .set(auth)
      .attach('file', Buffer.from('A short agreement to delete.\n'), 'x.txt');
    expect((await api.delete(`/v1/contracts/${up.body.id}`).set(auth)).status).toBe(204);
    expect((await api.get(`/v1/contracts/${up.body.id}`).set(auth)).status).toBe(404);
  });

  describe('bad input', () => {
    const post = () =>
      request(server.url).post('/v1/contracts').set('Authorization', `Bearer ${a.token}`);

    it('refuses an empty file with 400', async () => {
      const res = await post().attach('file', Buffer.alloc(0), 'empty.pdf');
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('empty_file');
    });

    it('refuses non-PDF bytes named .pdf with 415', async () => {
      const png = Buffer.from(
        '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c489',
        'hex',
      );
      const res = await post().attach('file', png, 'contract.pdf');
      expect(res.status).toBe(415);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    });

    it('refuses a file over MAX_UPLOAD_MB with 413', async () => {
      const big = Buffer.concat([
        Buffer.from('%PDF-1.4\n'),
        Buffer.alloc(2 * 1024 * 1024 + 10, 0x20),
      ]);
      const res = await post().attach('file', big, 'big.pdf');
      expect(res.status).toBe(413);
    });

    it('accepts a truncated PDF, then marks it failed with a reason a person can act on', async () => {
      const truncated = pdf.subarray(0, Math.floor(pdf.length / 3));
      const res = await post().attach('file', truncated, 'truncated.pdf');
      expect(res.status).toBe(202);
      const done = (await waitForParsed(server.url, a.token, res.body.id)) as {
        status: string;
        error: { code: string; message: string };
      };
      expect(done.status).toBe('failed');
      expect(done.error.message.length).toBeGreaterThan(10);
    }, 60_000);

    it('answers malformed JSON with a 400 problem', async () => {
      const res = await request(server.url)
        .patch(`/v1/contracts/${contractId}`)
        .set('Authorization', `Bearer ${a.token}`)
        .set('Content-Type', 'application/json')
        .send('{"title": ');
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({ status: 400, code: 'malformed_json' });
    });

    it('stores SQL and script text verbatim in every string field, and never fails', async () => {
      const nasty = `'); DROP TABLE contracts; -- <script>alert(1)</script>`;
      const signup = await request(server.url)
        .post('/v1/signup')
        .send({
          company: nasty,
          name: nasty,
          email: `x${Date.now()}@example.com`,
          password: 'long enough password',
        });
      expect(signup.status).toBe(201);
      expect(signup.body.tenant.name).toBe(nasty);
      const up = await post()
        .field('title', nasty)
        .field('counterparty', nasty)
        .field('tags', 'x<script>')
        .attach('file', Buffer.from('Plain agreement.\n'), `${nasty}.txt`);
      expect(up.status).toBe(202);
      expect(up.body.title).toBe(nasty);
      expect(up.body.counterparty).toBe(nasty);
      const search = await request(server.url)
        .get('/v1/contracts')
        .query({ q: nasty, counterparty: nasty, tag: 'x<script>' })
        .set('Authorization', `Bearer ${a.token}`);
      expect(search.status).toBe(200);
      const patched = await request(server.url)
        .patch(`/v1/contracts/${up.body.id}`)
        .set('Authorization', `Bearer ${a.token}`)
        .send({ terms: { governingLaw: nasty, paymentTerms: nasty } });
      expect(patched.status).toBe(200);
      expect(patched.body.terms.governingLaw).toBe(nasty);
      const login = await request(server.url)
        .post('/v1/auth/login')
        .send({ email: nasty, password: nasty });
      expect(login.status).toBe(401);
    });

    it('validates ids, queries and unknown fields', async () => {
      const auth = { Authorization: `Bearer ${a.token}` };
      expect((await request(server.url).get('/v1/contracts/not-a-uuid').set(auth)).status).toBe(
        400,
      );
      const q = await request(server.url)
        .get('/v1/contracts')
        .query({ limit: 1000, status: 'weird' })
        .set(auth);
      expect(q.status).toBe(400);
      expect(q.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
        'limit',
        'status',
      ]);
      expect(
        (await request(server.url).get('/v1/contracts').query({ cursor: 'garbage' }).set(auth))
          .status,
      ).toBe(400);
      const unknown = await request(server.url)
        .patch(`/v1/contracts/${contractId}`)
        .set(auth)
        .send({ owner: 'x' });
      expect(unknown.status).toBe(400);
    });
  });

  it('pages through a list with cursors without repeats', async () => {
    const api = request(server.url);
    const c = await signUp(server.url);
    const auth = { Authorization: `Bearer ${c.token}` };
    for (let i = 0; i < 5; i++) {
      await api
        .post('/v1/contracts')
        .set(auth)
        .field('title', `Contract ${i}`)
        .attach('file', Buffer.from(`Agreement number ${i}\n`), `c${i}.txt`);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res: request.Response = await api
        .get('/v1/contracts')
        .query({ limit: 2, sort: 'title', ...(cursor ? { cursor } : {}) })
        .set(auth);
      expect(res.status).toBe(200);
      seen.push(...res.body.data.map((x: { title: string }) => x.title));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['Contract 0', 'Contract 1', 'Contract 2', 'Contract 3', 'Contract 4']);
  });
});
