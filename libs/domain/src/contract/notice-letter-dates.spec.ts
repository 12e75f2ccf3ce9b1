import { emptyTerms, type ContractTerms } from './contract-terms.types';
import { noticeLetterDates } from './notice-letter-dates';

const terms = (t: Partial<ContractTerms>): ContractTerms => ({ ...emptyTerms(), ...t });

describe('noticeLetterDates', () => {
  const yearly = terms({
    effectiveDate: '2024-03-01',
    initialTerm: 'P1Y',
    autoRenewal: true,
    renewalTerm: 'P1Y',
    noticePeriod: 'P120D',
  });

  it('a non-renewal given in time ends the agreement on the last day of the current term', () => {
    expect(noticeLetterDates(yearly, '2026-06-01')).toEqual({
      kind: 'non-renewal',
      noticeDeadline: '2026-10-31',
      endDate: '2027-02-28',
    });
  });

  it('once the notice deadline has passed, states the next term that can still be stopped', () => {
    expect(noticeLetterDates(yearly, '2026-11-15')).toEqual({
      kind: 'non-renewal',
      // 2028 is a leap year: 29 February - 120 days.
      noticeDeadline: '2027-11-01',
      endDate: '2028-02-29',
    });
  });

  it('a fixed-term contract gets a termination letter ending at its expiry, with no notice deadline', () => {
    const fixed = terms({ effectiveDate: '2024-03-01', initialTerm: 'P3Y', autoRenewal: false });
    expect(noticeLetterDates(fixed, '2025-01-10')).toEqual({
      kind: 'termination',
      noticeDeadline: null,
      endDate: '2027-02-28',
    });
  });

  it('a contract until further notice ends one notice period after the letter', () => {
    const open = terms({ effectiveDate: '2020-01-01', perpetual: true, noticePeriod: 'P3M' });
    expect(noticeLetterDates(open, '2026-11-30')).toEqual({
      kind: 'termination',
      noticeDeadline: null,
      endDate: '2027-02-28',
    });
  });

  it('knows nothing without terms, and says so with nulls', () => {
    expect(noticeLetterDates(emptyTerms(), '2026-11-30')).toEqual({
      kind: 'termination',
      noticeDeadline: null,
      endDate: null,
    });
  });
});
