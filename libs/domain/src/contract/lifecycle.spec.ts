import { emptyTerms } from './contract-terms.types';
import {
  contractReviewReasons,
  finishedEvent,
  isCurrentParse,
  parseFailed,
  parseGivenUp,
  parseSucceeded,
  proposedCounterparty,
  reparseRequested,
  reviewedStatus,
  uploaded,
  type ContractReviewInput,
  type ReviewReason,
} from './lifecycle';

const KEY = ['effectiveDate', 'expirationDate', 'noticePeriod'] as const;
const read = (over: Partial<ContractReviewInput> = {}): ContractReviewInput => ({
  engineReasons: [],
  keyTerms: KEY,
  languageRead: true,
  ocrPages: [],
  terms: { ...emptyTerms(), parties: [{ name: 'Acme Oy', role: null }] },
  evidence: {},
  userFields: [],
  ...over,
});
const codes = (reasons: ReviewReason[]) => reasons.map((r) => `${r.field}:${r.code}`);
const lowNotice: ReviewReason = { field: 'noticePeriod', code: 'low_confidence', message: 'm' };

describe('contract lifecycle', () => {
  it('an upload starts processing at parse version 1', () => {
    expect(uploaded()).toEqual({
      status: 'processing',
      errorCode: null,
      errorMessage: null,
      parseVersion: 1,
    });
  });

  it('a result applies only to the parse it belongs to, while that parse is still running', () => {
    const c = { status: 'processing' as const, parseVersion: 3 };
    expect(isCurrentParse(c, 3)).toBe(true);
    expect(isCurrentParse(c, 2)).toBe(false); // overtaken by a reparse
    expect(isCurrentParse({ ...c, status: 'parsed' }, 3)).toBe(false); // a retry after success
    expect(isCurrentParse(null, 3)).toBe(false); // deleted meanwhile
  });

  it('a reparse takes the next version, clears the error and counts attempts from zero', () => {
    expect(reparseRequested({ status: 'failed', parseVersion: 2 })).toEqual({
      status: 'processing',
      errorCode: null,
      errorMessage: null,
      parseVersion: 3,
      parseAttempts: 0,
    });
  });

  it('a failed read keeps the extractor reason; giving up says what a person can do', () => {
    expect(parseFailed({ code: 'pdf_encrypted', message: 'The PDF is encrypted' })).toEqual({
      status: 'failed',
      errorCode: 'pdf_encrypted',
      errorMessage: 'The PDF is encrypted',
    });
    expect(parseFailed(null).errorCode).toBe('extraction_failed');
    const gaveUp = parseGivenUp('timeout');
    expect(gaveUp).toMatchObject({ status: 'failed', errorCode: 'processing_failed' });
    expect(gaveUp.errorMessage).toMatch(/\(timeout\).*reparse/);
  });

  it('announces parsed and needs_review as contract.parsed, failed as contract.failed', () => {
    expect(finishedEvent('parsed')).toBe('contract.parsed');
    expect(finishedEvent('needs_review')).toBe('contract.parsed');
    expect(finishedEvent('failed')).toBe('contract.failed');
    expect(finishedEvent('processing')).toBeNull();
  });
});

describe('review policy', () => {
  it('a clean read with a party is parsed', () => {
    expect(contractReviewReasons(read())).toEqual([]);
    expect(parseSucceeded(contractReviewReasons(read())).status).toBe('parsed');
  });

  it("keeps the engine's reasons and sends the contract to review with them", () => {
    const reasons = contractReviewReasons(read({ engineReasons: [lowNotice] }));
    expect(codes(reasons)).toEqual(['noticePeriod:low_confidence']);
    expect(parseSucceeded(reasons).status).toBe('needs_review');
  });

  it('a key term read from an OCR page, or no party, is a reason of its own', () => {
    const terms = { ...emptyTerms(), expirationDate: '2026-04-30' };
    const evidence = { expirationDate: [{ page: 2, start: 0, end: 5, text: '30.4.' }] };
    expect(codes(contractReviewReasons(read({ terms, evidence, ocrPages: [2] })))).toEqual([
      'expirationDate:ocr_text',
      'parties:no_parties',
    ]);
    // text read from a page's text layer is not in doubt
    const parties = [{ name: 'Acme Oy', role: null }];
    expect(
      contractReviewReasons(read({ terms: { ...terms, parties }, evidence, ocrPages: [1] })),
    ).toEqual([]);
  });

  it("a person's value clears that field's reason, never another field's", () => {
    const noDeadline: ReviewReason = {
      field: 'expirationDate',
      code: 'no_notice_deadline',
      message: 'm',
    };
    const reasons = contractReviewReasons(
      read({ engineReasons: [lowNotice, noDeadline], userFields: ['noticePeriod'] }),
    );
    expect(codes(reasons)).toEqual(['expirationDate:no_notice_deadline']);
  });

  it('an unsupported language stays in review until a person enters terms', () => {
    const lang: ReviewReason = { field: null, code: 'unsupported_language', message: 'm' };
    const untouched = read({ engineReasons: [lang], languageRead: false, terms: emptyTerms() });
    expect(codes(contractReviewReasons(untouched))).toEqual(['null:unsupported_language']);
    expect(contractReviewReasons({ ...untouched, userFields: ['expirationDate'] })).toEqual([]);
  });

  it('after a correction a read contract follows its reasons; processing and failed stay', () => {
    expect(reviewedStatus('needs_review', [])).toBe('parsed');
    expect(reviewedStatus('parsed', [lowNotice])).toBe('needs_review');
    expect(reviewedStatus('failed', [])).toBe('failed');
    expect(reviewedStatus('processing', [lowNotice])).toBe('processing');
  });

  it('proposes the second party as the counterparty, else the only one', () => {
    expect(
      proposedCounterparty([
        { name: 'Us Oy', role: null },
        { name: 'Them AB', role: null },
      ]),
    ).toBe('Them AB');
    expect(proposedCounterparty([{ name: 'Solo Ltd', role: null }])).toBe('Solo Ltd');
    expect(proposedCounterparty([])).toBeNull();
  });
});
