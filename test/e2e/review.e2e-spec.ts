import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { signUp, waitForParsed, type SignedUp } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';

const FIXTURES = path.resolve(__dirname, '../fixtures/review');
const NO_NOTICE = fs.readFileSync(path.join(FIXTURES, 'fi-huolto-ei-irtisanomisaikaa.txt'));
const GERMAN = fs.readFileSync(path.join(FIXTURES, 'de-wartungsvertrag.txt'));

interface Span {
  page: number;
  start: number;
  end: number;
  text: string;
}
interface Reason {
  field: string | null;
  code: string;
  message: string;
}
interface Contract {
  id: string;
  status: string;
  language: string | null;
  terms: Record<string, unknown>;
  termSources: Record<string, string>;
  confidence: Record<string, number>;
  evidence: Record<string, Span[]>;
  candidates?: Record<string, { value: unknown; confidence: number; evidence: Span[] }[]>;
  reviewReasons: Reason[];
  deadlines: { noticeDeadline: string | null };
}

/** needs_review exactly when there is a reason (API.md, TERMS.md "Confidence and review"). */
function expectConsistent(c: Contract) {
  expect(c.status).toBe(c.reviewReasons.length > 0 ? 'needs_review' : 'parsed');
}

describe('review: reasons, candidates, corrections by a person, text set as a value', () => {
  let server: TestServer;
  let a: SignedUp;
  let b: SignedUp;
  let noNotice: Contract;
  let german: Contract;

  const upload = async (bytes: Buffer, name: string, token = a.token) => {
    const res = await request(server.url)
      .post('/v1/contracts')
      .set('Authorization', `Bearer ${token}`)
      .attach('file', bytes, name);
    expect(res.status).toBe(202);
    return (await waitForParsed(server.url, token, res.body.id)) as unknown as Contract;
  };
  const patch = (id: string, terms: Record<string, unknown>) =>
    request(server.url)
      .patch(`/v1/contracts/${id}`)
      .set('Authorization', `Bearer ${a.token}`)
      .send({ terms });
  const fromText = (id: string, body: Record<string, unknown>, token = a.token) =>
    request(server.url)
      .post(`/v1/contracts/${id}/terms-from-text`)
      .set('Authorization', `Bearer ${token}`)
      .send(body);

  beforeAll(async () => {
    server = await startTestServer();
    [a, b] = await Promise.all([
      signUp(server.url, { company: 'Arvioija Oy' }),
      signUp(server.url, { company: 'Other AB' }),
    ]);
    [noNotice, german] = await Promise.all([
      upload(NO_NOTICE, 'huoltosopimus.txt'),
      upload(GERMAN, 'wartungsvertrag.txt'),
    ]);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it('an auto-renewing contract without a notice period is needs_review with the reason, never an empty parsed', () => {
    expect(noNotice.language).toBe('fi');
    expect(noNotice.terms.autoRenewal).toBe(true);
    expect(noNotice.terms.noticePeriod).toBeNull();
    expect(noNotice.deadlines.noticeDeadline).toBeNull();
    expect(noNotice.status).toBe('needs_review');
    expect(noNotice.reviewReasons).toContainEqual({
      field: 'noticePeriod',
      code: 'no_notice_deadline',
      message: expect.stringMatching(/renews automatically but no notice period was read/),
    });
    expectConsistent(noNotice);
    // calibrated confidence and the candidates a reviewer picks from, each with its sentence
    expect(noNotice.confidence.autoRenewal).toBeGreaterThan(0);
    expect(noNotice.confidence.autoRenewal).toBeLessThanOrEqual(1);
    const renewal = noNotice.candidates?.autoRenewal?.[0];
    expect(renewal?.value).toBe(true);
    expect(renewal?.evidence[0]?.text).toMatch(/vuoden kerrallaan/);
    expect(renewal?.evidence[0]?.page).toBe(1);
  });

  it('a contract in a language the engine does not read is needs_review: unsupported_language', () => {
    expect(german.language).toBe('de');
    expect(german.status).toBe('needs_review');
    expect(german.reviewReasons).toEqual([
      { field: null, code: 'unsupported_language', message: expect.stringMatching(/\(de\)/) },
    ]);
  });

  it('the list filters the review queue, with the reasons; candidates only when expanded', async () => {
    const queue = await request(server.url)
      .get('/v1/contracts?status=needs_review')
      .set('Authorization', `Bearer ${a.token}`);
    expect(queue.status).toBe(200);
    const rows = queue.body.data as Contract[];
    expect(rows.map((c) => c.id).sort()).toEqual([noNotice.id, german.id].sort());
    const row = rows.find((c) => c.id === noNotice.id)!;
    expect(row.reviewReasons).toEqual(noNotice.reviewReasons);
    expect(row.confidence).toEqual(noNotice.confidence);
    expect(row.candidates).toBeUndefined();
    const expanded = await request(server.url)
      .get('/v1/contracts?status=needs_review&expand=candidates')
      .set('Authorization', `Bearer ${a.token}`);
    const full = (expanded.body.data as Contract[]).find((c) => c.id === noNotice.id)!;
    expect(full.candidates).toEqual(noNotice.candidates);
    const parsed = await request(server.url)
      .get('/v1/contracts?status=parsed')
      .set('Authorization', `Bearer ${a.token}`);
    expect(parsed.body.data).toEqual([]);
    const bad = await request(server.url)
      .get('/v1/contracts?expand=everything')
      .set('Authorization', `Bearer ${a.token}`);
    expect(bad.status).toBe(400);
    expect(bad.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('another tenant sees none of it', async () => {
    const queue = await request(server.url)
      .get('/v1/contracts?status=needs_review')
      .set('Authorization', `Bearer ${b.token}`);
    expect(queue.body.data).toEqual([]);
    const res = await fromText(
      noNotice.id,
      { field: 'noticePeriod', text: '3 kuukautta' },
      b.token,
    );
    expect(res.status).toBe(404);
  });

  it('selected text that holds no value of the field gets a readable 400 and changes nothing', async () => {
    const res = await fromText(noNotice.id, { field: 'noticePeriod', text: 'Sovellettava laki' });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body.detail).toMatch(
      /No duration could be read in "Sovellettava laki" \(Finnish rules\); select a duration/,
    );
    const two = await fromText(noNotice.id, {
      field: 'effectiveDate',
      text: '1.3.2024 ... 15.2.2024',
    });
    expect(two.status).toBe(400);
    expect(two.body.detail).toMatch(/2 different dates/);
    const bool = await fromText(noNotice.id, { field: 'autoRenewal', text: 'kyllä' });
    expect(bool.status).toBe(400);
    const after = await request(server.url)
      .get(`/v1/contracts/${noNotice.id}`)
      .set('Authorization', `Bearer ${a.token}`);
    expect(after.body.terms.noticePeriod).toBeNull();
    expect(after.body.termSources.noticePeriod).toBe('extracted');
  });

  it('text selected in the document sets the notice period: read the Finnish way, set by a person, with its evidence; the deadline appears and the reason clears', async () => {
    const res = await fromText(noNotice.id, {
      field: 'noticePeriod',
      text: 'kolmen (3)\nkuukauden',
      page: 1,
    });
    expect(res.status).toBe(200);
    const c = res.body as Contract;
    expect(c.terms.noticePeriod).toBe('P3M');
    expect(c.termSources.noticePeriod).toBe('user');
    expect(c.confidence.noticePeriod).toBeUndefined();
    expect(c.evidence.noticePeriod).toEqual([
      { page: 1, start: expect.any(Number), end: expect.any(Number), text: 'kolmen (3) kuukauden' },
    ]);
    expect(c.deadlines.noticeDeadline).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(c.reviewReasons.filter((r) => r.field === 'noticePeriod')).toEqual([]);
    expectConsistent(c);
    noNotice = c;
  });

  it('picking a candidate saves it as set by a person with its evidence; the last reason clears and the contract is parsed', async () => {
    const remaining = noNotice.reviewReasons.map((r) => r.field!);
    expect(remaining.length).toBeGreaterThan(0);
    const terms: Record<string, unknown> = {};
    const picked: string[] = [];
    for (const field of remaining) {
      const top = noNotice.candidates?.[field]?.[0];
      if (top) picked.push(field);
      // no party was read (reason no_parties): the reviewer types them
      terms[field] = top ? top.value : [{ name: 'Asiakas Oy', role: null }];
    }
    const res = await patch(noNotice.id, terms);
    expect(res.status).toBe(200);
    const c = res.body as Contract;
    for (const field of remaining) expect(c.termSources[field]).toBe('user');
    for (const field of picked)
      expect(c.evidence[field]).toEqual(noNotice.candidates?.[field]?.[0]?.evidence);
    expect(c.reviewReasons).toEqual([]);
    expect(c.status).toBe('parsed');
    const queue = await request(server.url)
      .get('/v1/contracts?status=needs_review')
      .set('Authorization', `Bearer ${a.token}`);
    expect((queue.body.data as Contract[]).map((x) => x.id)).toEqual([german.id]);
  });

  it('a correction that leaves an auto-renewing contract without a notice deadline sends it back to review', async () => {
    const res = await patch(noNotice.id, { noticePeriod: null });
    expect(res.body.status).toBe('needs_review');
    expect(res.body.reviewReasons).toEqual([
      expect.objectContaining({ field: 'noticePeriod', code: 'no_notice_deadline' }),
    ]);
    const back = await patch(noNotice.id, { noticePeriod: 'P3M' });
    expect(back.body.status).toBe('parsed');
  });

  it('an unsupported-language contract leaves review once a person enters its terms', async () => {
    const res = await patch(german.id, {
      effectiveDate: '2024-03-01',
      expirationDate: '2026-02-28',
    });
    expect(res.status).toBe(200);
    expect(res.body.reviewReasons).toEqual([]);
    expect(res.body.status).toBe('parsed');
    // and a reparse keeps a person's values out of review
    const reparse = await request(server.url)
      .post(`/v1/contracts/${noNotice.id}/reparse`)
      .set('Authorization', `Bearer ${a.token}`);
    expect(reparse.status).toBe(202);
    const again = (await waitForParsed(server.url, a.token, noNotice.id)) as unknown as Contract;
    expect(again.terms.noticePeriod).toBe('P3M');
    // the sentence the person selected still backs their value (the engine read no notice period)
    expect(again.evidence.noticePeriod).toEqual([
      expect.objectContaining({ page: 1, text: 'kolmen (3) kuukauden' }),
    ]);
    expect(again.reviewReasons).toEqual([]);
    expect(again.status).toBe('parsed');
  });
});
