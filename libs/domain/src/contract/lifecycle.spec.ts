import { emptyTerms } from './contract-terms.types';
import {
  finishedEvent,
  isCurrentParse,
  needsReview,
  parseFailed,
  parseGivenUp,
  parseSucceeded,
  proposedCounterparty,
  reparseRequested,
  uploaded,
  type ReviewInput,
} from './lifecycle';

const read = (over: Partial<ReviewInput> = {}): ReviewInput => ({
  ocrPages: [],
  terms: { ...emptyTerms(), parties: [{ name: 'Acme Oy', role: null }] },
  confidence: {},
  ...over,
});

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
    expect(needsReview(read())).toBe(false);
    expect(parseSucceeded(read()).status).toBe('parsed');
  });

  it('OCR text, no party, or an uncertain key date sends it to review', () => {
    expect(needsReview(read({ ocrPages: [2] }))).toBe(true);
    expect(needsReview(read({ terms: { ...emptyTerms(), parties: [] } }))).toBe(true);
    const uncertain = read({
      terms: { ...read().terms, noticePeriod: 'P90D' },
      confidence: { noticePeriod: 0.4 },
    });
    expect(parseSucceeded(uncertain).status).toBe('needs_review');
  });

  it('an uncertain term that was not found, or a confident one, does not', () => {
    expect(needsReview(read({ confidence: { noticePeriod: 0.1 } }))).toBe(false);
    expect(
      needsReview(
        read({
          terms: { ...read().terms, effectiveDate: '2024-01-01' },
          confidence: { effectiveDate: 0.5 },
        }),
      ),
    ).toBe(false);
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
