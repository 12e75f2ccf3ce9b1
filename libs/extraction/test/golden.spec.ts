import { readFileSync } from 'node:fs';
import path from 'node:path';
import { extractDocument, reviewStatus, KEY_TERMS } from '@cb/extraction';

// Whole CUAD dev contracts (CC BY 4.0, The Atticus Project; see fixtures/README.md), checked against CUAD's
// expert labels: title, parties, dates (expiration within a day), renewal, notice and governing law.
const ok = (name: string) =>
  new Uint8Array(readFileSync(path.join(__dirname, 'fixtures/ok', name)));

function evidenceIsTraceable(result: Awaited<ReturnType<typeof extractDocument>>): void {
  for (const spans of Object.values(result.evidence)) {
    for (const span of spans ?? []) {
      expect(result.text.slice(span.start, span.end)).toBe(span.text);
      expect(span.start).toBeGreaterThanOrEqual(result.pageStarts[span.page - 1]);
      expect(
        span.page === result.pageStarts.length || span.start < result.pageStarts[span.page],
      ).toBe(true);
    }
  }
}

// Read (never failed), with a status that follows from its review reasons: here only key terms read below
// their calibrated review threshold, each offered with its candidates.
function readAndReviewed(result: Awaited<ReturnType<typeof extractDocument>>): void {
  expect(result.status).not.toBe('failed');
  expect(result.language).toBe('en');
  expect(result.status).toBe(reviewStatus(result.reviewReasons));
  for (const reason of result.reviewReasons) {
    expect(reason.code).toBe('low_confidence');
    expect(KEY_TERMS).toContain(reason.field);
    expect(result.candidates[reason.field!]!.length).toBeGreaterThan(0);
  }
}

describe('golden CUAD contracts', () => {
  it('consulting agreement: separate agreement and effective dates, explicit end, termination on notice', async () => {
    const result = await extractDocument(
      ok('ADUROBIOTECH_INC_06_02_2020-EX-10.7-CONSULTING_AGREEMENT.pdf'),
      { ocr: false },
    );
    readAndReviewed(result);
    expect(result.pages).toBe(4);
    expect(result.terms).toMatchObject({
      title: 'CONSULTING AGREEMENT',
      agreementDate: '2020-06-01',
      effectiveDate: '2020-07-01',
      expirationDate: '2020-12-31',
      perpetual: false,
      governingLaw: 'California',
      terminationForConvenience: true,
      autoRenewal: null,
    });
    expect(result.terms.parties.map((p) => p.name)).toEqual(['Aduro Biotech, Inc.', 'IREYA B.V']);
    expect(result.confidence.agreementDate).toBeGreaterThan(0.5);
    evidenceIsTraceable(result);
  });

  it('hosting agreement: five-year term from the agreement date, yearly automatic renewal, 90 days notice', async () => {
    const result = await extractDocument(
      ok('BOLIVARMININGCORP_05_23_2003-EX-2.1-VISP_WEB_SITE_BUILDING_AND_HOSTING_AGREEMENT.pdf'),
      { ocr: false },
    );
    readAndReviewed(result);
    expect(result.terms).toMatchObject({
      title: 'VISP WEB SITE BUILDING AND HOSTING AGREEMENT',
      agreementDate: '2003-05-12',
      initialTerm: 'P5Y',
      expirationDate: '2008-05-11',
      autoRenewal: true,
      renewalTerm: 'P1Y',
      noticePeriod: 'P90D',
      governingLaw: 'New York',
    });
    expect(result.terms.parties.map((p) => p.name)).toEqual([
      'YourNetPlus.com, Inc.',
      'Kingdom Connect, Inc.',
    ]);
    evidenceIsTraceable(result);
  });

  it('sponsorship agreement: dated preamble, term from the date hereof, explicit end date, no renewal, no convenience termination', async () => {
    const result = await extractDocument(
      ok('LOGANSROADHOUSEINC_03_27_1998-EX-10.17-SPONSORSHIP_AGREEMENT.pdf'),
      { ocr: false },
    );
    readAndReviewed(result);
    expect(result.terms).toMatchObject({
      title: 'SPONSORSHIP AGREEMENT',
      agreementDate: '1998-02-24',
      // "The term of this Agreement shall commence on the date hereof": it takes effect the day it is dated
      // (TERMS.md). CUAD leaves this contract's Effective Date blank.
      effectiveDate: '1998-02-24',
      expirationDate: '1998-11-30',
      autoRenewal: null,
      renewalTerm: null,
      governingLaw: 'Tennessee',
      terminationForConvenience: null,
    });
    expect(result.terms.parties.map((p) => p.name)).toEqual([
      'Southern Racing Promotions, Inc.',
      "Logan's Roadhouse, Inc.",
    ]);
    expect(result.obligations.length).toBeGreaterThan(0);
    for (const o of result.obligations) expect(o.evidence[0].text.length).toBeGreaterThan(10);
    evidenceIsTraceable(result);
  });
});
