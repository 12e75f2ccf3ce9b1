import { DomainError, DomainErrorCode } from '../common/domain.error';
import { checkLimit, isPaidPlanId, PLANS, PLAN_IDS, planLimits } from './plans';

function expectCode(fn: () => unknown, code: DomainErrorCode): void {
  try {
    fn();
  } catch (error) {
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe(code);
    return;
  }
  throw new Error(`expected a DomainError ${code}`);
}

describe('plans', () => {
  it('defines the three plans with their limits and EUR prices in minor units', () => {
    expect(planLimits('trial')).toEqual({ contracts: 50, users: 3 });
    expect(planLimits('starter')).toEqual({ contracts: 500, users: 5 });
    expect(planLimits('business')).toEqual({ contracts: 10_000, users: 25 });
    for (const id of PLAN_IDS) {
      expect(PLANS[id].id).toBe(id);
      expect(PLANS[id].displayName).not.toBe('');
      expect(Number.isInteger(PLANS[id].monthlyPriceMinor)).toBe(true);
      expect(PLANS[id].currency).toBe('EUR');
    }
    expect(PLANS.trial.monthlyPriceMinor).toBe(0);
  });

  it('allows adding up to the limit and refuses one more with PlanLimit', () => {
    expect(() => checkLimit('trial', { contracts: 49, users: 1 }, 'contracts')).not.toThrow();
    expectCode(
      () => checkLimit('trial', { contracts: 50, users: 1 }, 'contracts'),
      DomainErrorCode.PlanLimit,
    );
    expectCode(
      () => checkLimit('starter', { contracts: 0, users: 5 }, 'users'),
      DomainErrorCode.PlanLimit,
    );
    expectCode(
      () => checkLimit('business', { contracts: 9_990, users: 1 }, 'contracts', 11),
      DomainErrorCode.PlanLimit,
    );
    expect(() =>
      checkLimit('business', { contracts: 9_990, users: 1 }, 'contracts', 10),
    ).not.toThrow();
  });

  it('only starter and business can be chosen', () => {
    expect(['trial', 'starter', 'business', 'enterprise'].map(isPaidPlanId)).toEqual([
      false,
      true,
      true,
      false,
    ]);
  });
});
