import request from 'supertest';
import { signUp, waitForParsed, type SignedUp } from '../support/api-client';
import { docxText, pdfText } from '../support/letter-text';
import { startTestServer, type TestServer } from '../support/test-server';

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const iso = (d: Date) => d.toISOString().slice(0, 10);
const utc = (y: number, m: number, day: number) => new Date(Date.UTC(y, m, day));
const english = (d: Date) => `${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
const finnish = (d: Date) => `${d.getUTCDate()}.${d.getUTCMonth() + 1}.${d.getUTCFullYear()}`;

// A one-year agreement that began on the first of the month ten months ago: its term ends at the end of next
// month plus one, and the 30-day notice deadline is a month or more ahead whatever today's time zone.
const now = new Date();
const start = utc(now.getUTCFullYear(), now.getUTCMonth() - 10, 1);
const termEnd = utc(start.getUTCFullYear() + 1, start.getUTCMonth(), 0);
const noticeBy = new Date(termEnd.getTime() - 30 * 86_400_000);

const CLAUSE =
  'This Agreement shall automatically renew for successive one (1) year periods unless either party gives ' +
  'written notice of non-renewal to the other party at least thirty (30) days before the end of the then-current term.';

const CONTRACT = `MASTER SERVICES AGREEMENT

This Master Services Agreement (the "Agreement") is dated ${english(start)} and is made between:

Northwind Analytics Ltd, a company registered in England, whose registered office is at 12 Harbour Street, Bristol BS1 4QA, United Kingdom (the "Supplier"); and

Lakeside Retail Oy, Business ID 1234567-8, Aleksanterinkatu 15, 00100 Helsinki, Finland (the "Customer").

1. Services. The Supplier shall provide the analytics services described in Schedule 1.

2. Term. This Agreement takes effect on ${english(start)} and continues for an initial term of one (1) year.

3. Renewal. ${CLAUSE}

4. Fees. The Customer shall pay the fees set out in Schedule 2 within thirty (30) days of invoice.

5. Governing law. This Agreement is governed by the laws of England and Wales.
`;

// No renewal and no notice period: a fixed two-year term (set by a person below).
const FIXED = `SUPPORT AGREEMENT

This Support Agreement is dated ${english(start)} between Northwind Analytics Ltd and Harbour Tools Oy.
`;

function binary(res: request.Response, cb: (err: Error | null, body: Buffer) => void) {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
}

describe('GET /v1/contracts/:id/notice-letter', () => {
  let server: TestServer;
  let a: SignedUp;
  let b: SignedUp;
  let id: string;
  let fixedId: string;

  const letter = (who: SignedUp, contractId: string, query = '') =>
    request(server.url)
      .get(`/v1/contracts/${contractId}/notice-letter${query}`)
      .set('Authorization', `Bearer ${who.token}`)
      .buffer(true)
      .parse(binary);

  beforeAll(async () => {
    server = await startTestServer();
    [a, b] = await Promise.all([
      signUp(server.url, { company: 'Northwind Analytics Ltd', name: 'Jane Smith' }),
      signUp(server.url, { company: 'Other Tenant AB' }),
    ]);
    const upload = async (text: string, name: string) => {
      const res = await request(server.url)
        .post('/v1/contracts')
        .set('Authorization', `Bearer ${a.token}`)
        .attach('file', Buffer.from(text, 'utf8'), name);
      expect(res.status).toBe(202);
      return res.body.id as string;
    };
    [id, fixedId] = await Promise.all([upload(CONTRACT, 'msa.txt'), upload(FIXED, 'support.txt')]);
    await Promise.all([
      waitForParsed(server.url, a.token, id),
      waitForParsed(server.url, a.token, fixedId),
    ]);
    const corrected = await request(server.url)
      .patch(`/v1/contracts/${fixedId}`)
      .set('Authorization', `Bearer ${a.token}`)
      .send({ terms: { effectiveDate: iso(start), initialTerm: 'P2Y', autoRenewal: false } });
    expect(corrected.status).toBe(200);
  }, 120_000);

  afterAll(async () => {
    await server?.close();
  });

  it('the contract has the notice deadline the letter will state', async () => {
    const res = await request(server.url)
      .get(`/v1/contracts/${id}`)
      .set('Authorization', `Bearer ${a.token}`);
    expect(res.body.terms).toMatchObject({ autoRenewal: true, noticePeriod: 'P30D' });
    expect(res.body.deadlines).toMatchObject({
      noticeDeadline: iso(noticeBy),
      nextRenewalDate: iso(new Date(termEnd.getTime() + 86_400_000)),
      noticeRenewalDate: iso(new Date(termEnd.getTime() + 86_400_000)),
    });
  });

  it('renders a PDF by default, as an attachment, whose text holds everything the letter must say', async () => {
    const res = await letter(a, id);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="notice-of-non-renewal-lakeside-retail-oy-\d{4}-\d{2}-\d{2}\.pdf"; filename\*=UTF-8''/,
    );
    const body = res.body as Buffer;
    expect(body.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = await pdfText(body);
    expect(text).toContain('Notice of non-renewal');
    // Both parties, with the addresses the contract states beside their names.
    expect(text).toContain('Lakeside Retail Oy');
    expect(text).toContain('Aleksanterinkatu 15 00100 Helsinki Finland');
    expect(text).toContain('Northwind Analytics Ltd');
    expect(text).toContain('12 Harbour Street Bristol BS1 4QA United Kingdom');
    // The title in normal case, and the agreement's date.
    expect(text).toContain('Master Services Agreement');
    expect(text).toContain(english(start));
    // The notice clause quoted, the period in words, the date notice is due and the day the agreement ends.
    expect(text).toContain(CLAUSE);
    expect(text).toContain('30 days');
    expect(text).not.toContain('P30D');
    expect(text).toContain(english(noticeBy));
    expect(text).toContain(english(termEnd));
    // The signature block: the tenant's company and the requesting user.
    expect(text).toContain('Yours faithfully,');
    expect(text).toContain('Jane Smith');
    expect(text).not.toMatch(/undefined|null/);
  }, 60_000);

  it('renders a DOCX in Finnish that mammoth opens', async () => {
    const res = await letter(a, id, '?format=docx&language=fi');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(res.headers['content-disposition']).toMatch(/^attachment; .*\.docx"/);
    const text = await docxText(res.body as Buffer);
    expect(text).toContain('Ilmoitus sopimuksen jatkamatta jättämisestä');
    expect(text).toContain('Lakeside Retail Oy');
    expect(text).toContain('Aleksanterinkatu 15');
    expect(text).toContain(CLAUSE);
    expect(text).toContain('30 päivää');
    expect(text).toContain(finnish(noticeBy));
    expect(text).toContain(finnish(termEnd));
    expect(text).toContain('Ystävällisin terveisin');
  }, 60_000);

  it('writes a termination letter for a contract without a notice deadline', async () => {
    const res = await letter(a, fixedId, '?format=docx');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/notice-of-termination-harbour-tools-oy/);
    const text = await docxText(res.body as Buffer);
    expect(text).toContain('Notice of termination');
    expect(text).toContain('Harbour Tools Oy');
    // The contract states no address for it: a blank to fill in, never a guess.
    expect(text).toContain('[address]');
    const fixedEnd = utc(start.getUTCFullYear() + 2, start.getUTCMonth(), 0);
    expect(text).toContain(english(fixedEnd));
  }, 60_000);

  it('refuses an unknown format or language with a problem, field by field', async () => {
    const res = await request(server.url)
      .get(`/v1/contracts/${id}/notice-letter?format=odt&language=de`)
      .set('Authorization', `Bearer ${a.token}`);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it("is not found for another tenant's contract", async () => {
    const res = await request(server.url)
      .get(`/v1/contracts/${id}/notice-letter`)
      .set('Authorization', `Bearer ${b.token}`);
    expect(res.status).toBe(404);
  });
});
