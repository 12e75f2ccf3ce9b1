import type { Contract, ContractTerms } from '../api/types';
import { annualValue, computePortfolio } from './portfolio';

function contract(
  partial: Omit<Partial<Contract>, 'terms'> & { terms?: Partial<ContractTerms> },
): Contract {
  return {
    id: Math.random().toString(36).slice(2),
    title: 'C',
    status: 'parsed',
    error: null,
    counterparty: null,
    tags: [],
    createdAt: '2026-01-01T00:00:00Z',
    updatedAt: '2026-01-01T00:00:00Z',
    file: null,
    evidence: {},
    termSources: {},
    obligations: [],
    deadlines: {
      noticeDeadline: null,
      nextRenewalDate: null,
      expirationDate: null,
      endingOn: null,
    },
    ...partial,
    terms: { ...(partial.terms ?? {}) },
  } as Contract;
}

describe('portfolio figures', () => {
  it('spreads a value over a multi-year initial term, keeps one-year values as they are', () => {
    expect(
      annualValue(
        contract({
          terms: { contractValue: { amount: 90000, currency: 'EUR' }, initialTerm: 'P3Y' },
        }),
      ),
    ).toBe(30000);
    expect(
      annualValue(
        contract({
          terms: { contractValue: { amount: 12000, currency: 'EUR' }, initialTerm: 'P12M' },
        }),
      ),
    ).toBe(12000);
    expect(annualValue(contract({ terms: { contractValue: null } }))).toBeNull();
  });

  it('sums live contracts per currency, skips expired ones, and buckets renewals by month', () => {
    const today = '2026-11-22';
    const p = computePortfolio(
      [
        contract({
          counterparty: 'Acme Oy',
          terms: { contractValue: { amount: 24000, currency: 'EUR' } },
          deadlines: {
            noticeDeadline: null,
            nextRenewalDate: '2027-01-15',
            expirationDate: null,
            noticeRenewalDate: null,
            endingOn: null,
          },
        }),
        contract({
          counterparty: 'Acme Oy',
          terms: { contractValue: { amount: 6000, currency: 'EUR' } },
          deadlines: {
            noticeDeadline: null,
            nextRenewalDate: null,
            expirationDate: '2027-01-31',
            noticeRenewalDate: null,
            endingOn: null,
          },
        }),
        contract({
          counterparty: 'Svea AB',
          terms: { contractValue: { amount: 50000, currency: 'SEK' } },
          deadlines: {
            noticeDeadline: null,
            nextRenewalDate: '2027-03-01',
            expirationDate: null,
            noticeRenewalDate: null,
            endingOn: null,
          },
        }),
        contract({
          counterparty: 'Old Ltd',
          terms: { contractValue: { amount: 99999, currency: 'EUR' } },
          deadlines: {
            noticeDeadline: null,
            nextRenewalDate: null,
            expirationDate: '2026-01-31',
            noticeRenewalDate: null,
            endingOn: null,
          },
        }),
      ],
      today,
    );
    expect(p.annualByCurrency).toEqual([
      { currency: 'SEK', amount: 50000 },
      { currency: 'EUR', amount: 30000 },
    ]);
    // The chart currency is the one with the largest total; other currencies are never converted into it.
    expect(p.currency).toBe('SEK');
    const jan = p.months.find((m) => m.month === '2027-01')!;
    expect(jan.renewals).toBe(2);
    expect(jan.value).toBe(0);
    expect(p.months.find((m) => m.month === '2027-03')).toMatchObject({
      renewals: 1,
      value: 50000,
    });
    expect(p.months).toHaveLength(12);
    expect(p.counterparties).toEqual([{ name: 'Svea AB', value: 50000 }]);
  });
});
