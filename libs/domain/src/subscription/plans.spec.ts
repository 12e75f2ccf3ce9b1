import { DomainError, DomainErrorCode } from '../common/domain.error';
import {
  checkLimit,
  chosenPrice,
  isPlanId,
  offeredPlans,
  parsePlanCatalogue,
  planOf,
  type PlanCatalogue,
} from './plans';

function expectCode(fn: () => unknown, code: DomainErrorCode): DomainError {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    return error as DomainError;
  }
  throw new Error(`expected a DomainError ${code}`);
}

const raw = () => ({
  currency: 'EUR',
  vat: { sellerCountry: 'FI', ratePercent: 25.5, pricesIncludeVat: false, reverseChargeInEu: true },
  plans: [
    {
      id: 'trial',
      name: 'Trial',
      description: { en: 'Try it' },
      limits: { contracts: 50, users: 3 },
    },
    {
      id: 'starter',
      name: 'Starter',
      description: { en: 'Small teams', fi: 'Pienet tiimit' },
      limits: { contracts: 500, users: 5 },
      prices: { month: 49, year: 490 },
    },
    {
      id: 'business',
      name: 'Business',
      description: { en: 'Larger teams' },
      limits: { contracts: 10_000, users: null },
      prices: { month: 199.9 },
    },
    {
      id: 'legacy',
      name: 'Legacy',
      description: { en: 'Old' },
      limits: { contracts: 100, users: 2 },
      prices: { month: 19 },
      available: false,
    },
  ],
});

describe('the plan catalogue (from configuration)', () => {
  const catalogue: PlanCatalogue = parsePlanCatalogue(raw());

  it('reads prices as minor units, limits with null for unlimited, descriptions falling back to English', () => {
    expect(planOf(catalogue, 'starter')).toMatchObject({
      prices: { month: 4900, year: 49_000 },
      limits: { contracts: 500, users: 5 },
      description: { en: 'Small teams', fi: 'Pienet tiimit', sv: 'Small teams' },
      available: true,
    });
    expect(planOf(catalogue, 'business').prices).toEqual({ month: 19_990 });
    expect(planOf(catalogue, 'business').limits.users).toBeNull();
    expect(catalogue.vat).toEqual({
      sellerCountry: 'FI',
      ratePercent: 25.5,
      pricesIncludeVat: false,
      reverseChargeInEu: true,
    });
  });

  it('offers the available paid plans only: not the trial, not a retired plan', () => {
    expect(offeredPlans(catalogue).map((p) => p.id)).toEqual(['starter', 'business']);
    // A tenant on a retired plan keeps its limits.
    expect(planOf(catalogue, 'legacy').limits.contracts).toBe(100);
    expect(() => planOf(catalogue, 'gold')).toThrow(/not in the plan catalogue/);
  });

  it('names every bad field of a broken catalogue', () => {
    const broken = raw() as Record<string, unknown>;
    broken.currency = 'USD';
    (broken.vat as Record<string, unknown>).ratePercent = 'high';
    const plans = broken.plans as Record<string, unknown>[];
    plans[1]!.prices = { month: 49.999, week: 5 };
    plans[2]!.limits = { contracts: 0, users: null };
    plans[3]!.id = 'starter';
    plans[0]!.prices = { month: 1 };
    const error = expectCode(() => parsePlanCatalogue(broken), DomainErrorCode.Validation);
    expect(error.errors!.map((e) => e.field).sort()).toEqual(
      [
        'currency',
        'vat.ratePercent',
        'plans[0].prices',
        'plans[1].prices.week',
        'plans[1].prices.month',
        'plans[2].limits.contracts',
        'plans[3].id',
      ].sort(),
    );
  });

  it('requires the trial plan, and a price on every paid plan', () => {
    const noTrial = raw();
    noTrial.plans.shift();
    expect(
      expectCode(() => parsePlanCatalogue(noTrial), DomainErrorCode.Validation).errors,
    ).toEqual([{ field: 'plans', message: expect.stringContaining('"trial"') }]);
    const unpriced = raw();
    delete (unpriced.plans[1] as { prices?: unknown }).prices;
    expect(
      expectCode(() => parsePlanCatalogue(unpriced), DomainErrorCode.Validation).errors?.[0]?.field,
    ).toBe('plans[1].prices');
    expectCode(() => parsePlanCatalogue([]), DomainErrorCode.Validation);
  });

  it('chosenPrice accepts offered plans at a priced interval and names plan or interval otherwise', () => {
    expect(chosenPrice(catalogue, 'starter', 'year')).toMatchObject({
      interval: 'year',
      amountMinor: 49_000,
    });
    expect(chosenPrice(catalogue, 'starter').interval).toBe('month');
    for (const plan of ['trial', 'legacy', 'gold', 7])
      expect(
        expectCode(() => chosenPrice(catalogue, plan), DomainErrorCode.Validation).errors?.[0],
      ).toEqual({ field: 'plan', message: 'must be one of starter, business' });
    expect(
      expectCode(() => chosenPrice(catalogue, 'business', 'year'), DomainErrorCode.Validation)
        .errors?.[0],
    ).toEqual({ field: 'interval', message: 'must be one of month' });
  });

  it('allows adding up to the limit and refuses one more with PlanLimit; null is unlimited', () => {
    const trial = planOf(catalogue, 'trial');
    const starter = planOf(catalogue, 'starter');
    const business = planOf(catalogue, 'business');
    expect(() => checkLimit(trial, { contracts: 49, users: 1 }, 'contracts')).not.toThrow();
    expectCode(
      () => checkLimit(trial, { contracts: 50, users: 1 }, 'contracts'),
      DomainErrorCode.PlanLimit,
    );
    expectCode(
      () => checkLimit(starter, { contracts: 0, users: 5 }, 'users'),
      DomainErrorCode.PlanLimit,
    );
    expectCode(
      () => checkLimit(business, { contracts: 9_990, users: 1 }, 'contracts', 11),
      DomainErrorCode.PlanLimit,
    );
    expect(() =>
      checkLimit(business, { contracts: 9_990, users: 1 }, 'contracts', 10),
    ).not.toThrow();
    expect(() => checkLimit(business, { contracts: 0, users: 100_000 }, 'users')).not.toThrow();
  });

  it('plan ids are short lower-case words', () => {
    expect(['trial', 'starter', 'pro-2026', 'X', "a' OR 1=1", 7].map(isPlanId)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });
});
