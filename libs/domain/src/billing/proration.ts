import { DomainError, DomainErrorCode } from '../common/domain.error';
import type { BillingInterval, PlanId } from '../subscription/plans';
import { addMonthsUtc, effectiveStatus, type Subscription } from '../subscription/subscription';

/** Where a billing period of `interval` that starts at `start` ends. */
export function periodEnd(start: Date, interval: BillingInterval): Date {
  return addMonthsUtc(start, interval === 'year' ? 12 : 1);
}

export interface Proration {
  /** Unused part of what was paid for the current period (minor units, net of VAT), credited. */
  creditMinor: number;
  /** What the new plan costs from now (net): the rest of the current period, or a whole new period. */
  chargeMinor: number;
  /** charge - credit: positive is invoiced now, negative is a credit carried to the next invoice. */
  netMinor: number;
  /** The share of the current period still unused, 0..1 (to 4 decimals). */
  unusedFraction: number;
  /** When the period ends after the change. */
  periodEnd: Date;
}

/**
 * The change from one paid plan to another during a period: the unused share of the current period is
 * credited at the old price; the same billing period continues at the new price for its rest, or, when the
 * billing interval changes, a new full period starts now (as Stripe prorates). Shares are by time, to the
 * second; amounts round half up to the cent.
 */
export function prorate(input: {
  now: Date;
  periodStart: Date;
  periodEnd: Date;
  oldPriceMinor: number;
  oldInterval: BillingInterval;
  newPriceMinor: number;
  newInterval: BillingInterval;
}): Proration {
  const total = input.periodEnd.getTime() - input.periodStart.getTime();
  const left = Math.min(Math.max(input.periodEnd.getTime() - input.now.getTime(), 0), total);
  const unused = total > 0 ? left / total : 0;
  const creditMinor = Math.round(input.oldPriceMinor * unused);
  const sameInterval = input.oldInterval === input.newInterval;
  const chargeMinor = sameInterval ? Math.round(input.newPriceMinor * unused) : input.newPriceMinor;
  return {
    creditMinor,
    chargeMinor,
    netMinor: chargeMinor - creditMinor,
    unusedFraction: Math.round(unused * 10_000) / 10_000,
    periodEnd: sameInterval ? input.periodEnd : periodEnd(input.now, input.newInterval),
  };
}

/** A request for a paid plan: a new subscription, or a change of the one that runs. */
export type PlanRequestKind = 'subscribe' | 'change';

/**
 * What asking for `plan` at `interval` means for this subscription: a change while a paid plan is active, a
 * new subscription otherwise (trial, expired, canceled). Throws InvalidState for a past_due subscription
 * (settle the payment first) and Conflict for the plan and interval already running.
 */
export function planRequestKind(
  sub: Subscription,
  currentInterval: BillingInterval | null,
  plan: PlanId,
  interval: BillingInterval,
  now: Date,
): PlanRequestKind {
  const status = effectiveStatus(sub, now);
  if (status === 'past_due')
    throw new DomainError(
      DomainErrorCode.InvalidState,
      'The last payment failed: settle it before changing the plan',
    );
  if (status !== 'active') return 'subscribe';
  if (sub.plan === plan && (currentInterval ?? 'month') === interval)
    throw new DomainError(DomainErrorCode.Conflict, `The ${plan} plan is already active`, [
      { field: 'plan', message: 'is the current plan' },
    ]);
  return 'change';
}

/** The current period's start: stored, or (for periods from before it was stored) one interval before its end. */
export function periodStartOf(
  stored: Date | null,
  end: Date,
  interval: BillingInterval | null,
): Date {
  return stored ?? addMonthsUtc(end, interval === 'year' ? -12 : -1);
}
