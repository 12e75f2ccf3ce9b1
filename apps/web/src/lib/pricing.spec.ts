import {
  describe as describePlan,
  intervalsOf,
  priceOf,
  withVat,
  yearlySavingPercent,
} from './pricing';
import type { CataloguePlan, PlanList } from './pricing';

const plan = (prices: [string, number][], id = 'starter'): CataloguePlan => ({
  id,
  name: 'Starter',
  description: { en: 'For small teams', fi: 'Pienille tiimeille', sv: '' },
  limits: { contracts: 500, users: 5 },
  prices: prices.map(([interval, amount]) => ({
    interval: interval as 'month' | 'year',
    amount: { amount, currency: 'EUR' },
  })),
});
const vat = (included: boolean): PlanList['vat'] => ({
  included,
  ratePercent: 25.5,
  sellerCountry: 'FI',
  reverseChargeInEu: true,
});

describe('pricing helpers (GET /v1/plans)', () => {
  it('finds the price of an interval and the intervals on offer', () => {
    const starter = plan([
      ['month', 49],
      ['year', 490],
    ]);
    expect(priceOf(starter, 'year')).toEqual({ amount: 490, currency: 'EUR' });
    expect(priceOf(plan([['month', 49]]), 'year')).toBeNull();
    expect(intervalsOf([plan([['month', 49]]), plan([['year', 490]])])).toEqual(['month', 'year']);
    expect(intervalsOf([plan([['month', 49]])])).toEqual(['month']);
  });

  it('says how much cheaper a year is than twelve months', () => {
    expect(
      yearlySavingPercent(
        plan([
          ['month', 49],
          ['year', 490],
        ]),
      ),
    ).toBe(16);
    expect(
      yearlySavingPercent(
        plan([
          ['month', 49],
          ['year', 600],
        ]),
      ),
    ).toBe(0);
    expect(yearlySavingPercent(plan([['month', 49]]))).toBe(0);
  });

  it('adds VAT only when the catalogue prices exclude it, rounding to cents', () => {
    expect(withVat({ amount: 49, currency: 'EUR' }, vat(false))).toEqual({
      amount: 61.5,
      currency: 'EUR',
    });
    expect(withVat({ amount: 199.9, currency: 'EUR' }, vat(false)).amount).toBe(250.87);
    expect(withVat({ amount: 49, currency: 'EUR' }, vat(true)).amount).toBe(49);
  });

  it('describes a plan in the UI language, in English when there is no translation', () => {
    const p = plan([['month', 49]]);
    expect(describePlan(p, 'fi')).toBe('Pienille tiimeille');
    expect(describePlan(p, 'sv')).toBe('For small teams');
    expect(describePlan(p, 'de')).toBe('For small teams');
  });
});
