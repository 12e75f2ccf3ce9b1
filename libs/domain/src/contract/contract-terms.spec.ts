import { evidenceAfterParse } from './contract-terms';
import { emptyTerms, type EvidenceSpan } from './contract-terms.types';

const span = (text: string): EvidenceSpan[] => [{ page: 1, start: 0, end: text.length, text }];

describe('evidenceAfterParse: a reparse keeps the evidence of what a person set', () => {
  const extracted = {
    terms: {
      ...emptyTerms(),
      noticePeriod: 'P30D',
      governingLaw: 'Finland',
      contractValue: { amount: 1200, currency: 'EUR' },
    },
    evidence: {
      noticePeriod: span('30 days'),
      governingLaw: span('laws of Finland'),
      contractValue: span('EUR 1,200'),
    },
  };

  it('takes the engine’s spans for the fields nobody corrected', () => {
    expect(evidenceAfterParse(extracted, {}, { noticePeriod: span('old') })).toEqual(
      extracted.evidence,
    );
  });

  it('keeps the sentence a person selected for their value', () => {
    const out = evidenceAfterParse(
      extracted,
      { noticePeriod: 'P3M' },
      { noticePeriod: span('three months') },
    );
    expect(out.noticePeriod).toEqual(span('three months'));
    expect(out.governingLaw).toEqual(span('laws of Finland'));
  });

  it('drops the engine’s span when it backs another value than the person’s, keeps it when the values agree', () => {
    const out = evidenceAfterParse(
      extracted,
      {
        noticePeriod: 'P90D',
        governingLaw: 'Finland',
        contractValue: { currency: 'EUR', amount: 1200 },
      },
      {},
    );
    expect(out.noticePeriod).toBeUndefined();
    expect(out.governingLaw).toEqual(span('laws of Finland'));
    expect(out.contractValue).toEqual(span('EUR 1,200'));
  });
});
