import { DomainError, DomainErrorCode } from '../common/domain.error';

/** Every plan, in one place. Prices are monthly, in EUR minor units (cents), VAT excluded. */
export const PLAN_IDS = ['trial', 'starter', 'business'] as const;
export type PlanId = (typeof PLAN_IDS)[number];
/** Plans a tenant can choose; the trial is only ever started at signup. */
export const PAID_PLAN_IDS = ['starter', 'business'] as const;
export type PaidPlanId = (typeof PAID_PLAN_IDS)[number];

export type LimitedResource = 'contracts' | 'users';
export type PlanLimits = Readonly<Record<LimitedResource, number>>;
export type PlanUsage = Readonly<Record<LimitedResource, number>>;

export interface Plan {
  id: PlanId;
  displayName: string;
  /** Monthly price in minor units of `currency` (4900 = 49.00 EUR). */
  monthlyPriceMinor: number;
  currency: 'EUR';
  limits: PlanLimits;
}

export const PLANS: Readonly<Record<PlanId, Readonly<Plan>>> = Object.freeze({
  trial: {
    id: 'trial',
    displayName: 'Trial',
    monthlyPriceMinor: 0,
    currency: 'EUR',
    limits: { contracts: 50, users: 3 },
  },
  starter: {
    id: 'starter',
    displayName: 'Starter',
    monthlyPriceMinor: 4900,
    currency: 'EUR',
    limits: { contracts: 500, users: 5 },
  },
  business: {
    id: 'business',
    displayName: 'Business',
    monthlyPriceMinor: 19900,
    currency: 'EUR',
    limits: { contracts: 10_000, users: 25 },
  },
});

export function isPlanId(value: unknown): value is PlanId {
  return typeof value === 'string' && (PLAN_IDS as readonly string[]).includes(value);
}

export function isPaidPlanId(value: unknown): value is PaidPlanId {
  return typeof value === 'string' && (PAID_PLAN_IDS as readonly string[]).includes(value);
}

export function planLimits(plan: PlanId): PlanLimits {
  return PLANS[plan].limits;
}

/**
 * Throws a DomainError `PlanLimit` when adding `adding` more of `resource` (default 1) would exceed the plan:
 * call it before creating a contract or inviting a user, with the current usage.
 */
export function checkLimit(
  plan: PlanId,
  usage: PlanUsage,
  resource: LimitedResource,
  adding = 1,
): void {
  const limit = PLANS[plan].limits[resource];
  if (usage[resource] + adding > limit) {
    throw new DomainError(
      DomainErrorCode.PlanLimit,
      `The ${PLANS[plan].displayName} plan allows ${limit} ${resource}; ${usage[resource]} in use`,
      [{ field: resource, message: `limit ${limit} reached` }],
    );
  }
}
