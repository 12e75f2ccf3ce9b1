import { DomainError, DomainErrorCode, ValidationError } from '../common/domain.error';
import { addDuration } from '../contract/calendar-date';
import { TRIAL_PLAN_ID, type PlanId } from './plans';

export const SUBSCRIPTION_STATUSES = [
  'trialing',
  'active',
  'past_due',
  'canceled',
  'expired',
] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

/** A tenant's subscription; instants are `Date`s (timestamptz in storage). */
export interface Subscription {
  plan: PlanId;
  status: SubscriptionStatus;
  trialEndsAt: Date | null;
  /** End of the paid period (or of the trial, for a trial canceled early); writes stop after it once canceled. */
  currentPeriodEnd: Date | null;
  canceledAt: Date | null;
}

export type SubscriptionEvent =
  | { type: 'choosePlan'; plan: PlanId; periodEnd?: Date }
  | { type: 'paymentSucceeded'; periodEnd?: Date }
  | { type: 'paymentFailed' }
  | { type: 'cancel' }
  | { type: 'reactivate' }
  | { type: 'periodEnded' }
  | { type: 'trialEnded' };

/** A trial reminder is due this many days before the trial ends. */
export const TRIAL_REMINDER_DAYS = 3;
/** Days a past_due subscription keeps working after its period end before it is canceled. */
export const PAST_DUE_GRACE_DAYS = 14;
const DAY_MS = 86_400_000;

/** Adds calendar months to an instant in UTC, keeping the time of day and clamping to the month end. */
export function addMonthsUtc(instant: Date, months: number): Date {
  const iso = instant.toISOString();
  const day = addDuration(iso.slice(0, 10), { years: 0, months, weeks: 0, days: 0 });
  return new Date(`${day}${iso.slice(10)}`);
}

function invalid(sub: Subscription, event: SubscriptionEvent, why: string): DomainError {
  return new DomainError(
    DomainErrorCode.InvalidState,
    `cannot ${event.type} a ${sub.status} subscription: ${why}`,
  );
}

function requireInstant(now: Date): void {
  if (Number.isNaN(now.getTime())) throw new ValidationError('invalid instant');
}

export function startTrial(now: Date, trialDays: number): Subscription {
  requireInstant(now);
  if (!Number.isInteger(trialDays) || trialDays < 1 || trialDays > 365) {
    throw new ValidationError(`trial days must be an integer from 1 to 365: ${trialDays}`, [
      { field: 'trialDays', message: 'must be an integer from 1 to 365' },
    ]);
  }
  return {
    plan: 'trial',
    status: 'trialing',
    trialEndsAt: new Date(now.getTime() + trialDays * DAY_MS),
    currentPeriodEnd: null,
    canceledAt: null,
  };
}

/**
 * The subscription state machine: returns the new state, or throws a DomainError `InvalidState`.
 *
 * | event            | from                                   | to                                          |
 * |------------------|----------------------------------------|---------------------------------------------|
 * | choosePlan       | trialing, active, canceled, expired    | active (period end kept on a plan change)   |
 * | reactivate       | canceled (before its period end)       | active, same plan and period                |
 * | paymentSucceeded | active, past_due                       | active, period extended                     |
 * | paymentFailed    | active, past_due                       | past_due                                    |
 * | cancel           | trialing, active, past_due             | canceled (writes until the period end)      |
 * | periodEnded      | active (at period end)                 | past_due                                    |
 * |                  | past_due (period end + grace)          | canceled                                    |
 * |                  | canceled (at period end)               | canceled (no change)                        |
 * | trialEnded       | trialing (at trial end)                | expired                                     |
 *
 * A past_due subscription must settle its payment before changing plan. Time-based events are checked
 * against `now`, so a job that fires early cannot end a period or a trial.
 */
export function applySubscriptionEvent(
  sub: Subscription,
  event: SubscriptionEvent,
  now: Date,
): Subscription {
  requireInstant(now);
  const t = now.getTime();
  switch (event.type) {
    case 'choosePlan': {
      // Which plans are offered is the catalogue's business (chosenPrice); the trial is never a choice.
      if (typeof event.plan !== 'string' || !event.plan || event.plan === TRIAL_PLAN_ID) {
        throw new ValidationError(`not a plan that can be chosen: ${String(event.plan)}`, [
          { field: 'plan', message: 'must be a paid plan of the catalogue' },
        ]);
      }
      if (sub.status === 'past_due') throw invalid(sub, event, 'settle the failed payment first');
      // A plan change keeps the paid period, unless the change starts a new one (another billing interval).
      if (sub.status === 'active')
        return {
          ...sub,
          plan: event.plan,
          currentPeriodEnd: event.periodEnd ?? sub.currentPeriodEnd,
        };
      return {
        ...sub,
        plan: event.plan,
        status: 'active',
        currentPeriodEnd: event.periodEnd ?? addMonthsUtc(now, 1),
        canceledAt: null,
      };
    }
    case 'paymentSucceeded': {
      if (sub.status !== 'active' && sub.status !== 'past_due')
        throw invalid(sub, event, 'no paid plan');
      const from =
        sub.currentPeriodEnd && sub.currentPeriodEnd.getTime() > t ? sub.currentPeriodEnd : now;
      return {
        ...sub,
        status: 'active',
        currentPeriodEnd: event.periodEnd ?? addMonthsUtc(from, 1),
      };
    }
    case 'paymentFailed': {
      if (sub.status !== 'active' && sub.status !== 'past_due')
        throw invalid(sub, event, 'no paid plan');
      return { ...sub, status: 'past_due' };
    }
    case 'cancel': {
      if (sub.status === 'trialing') {
        return { ...sub, status: 'canceled', canceledAt: now, currentPeriodEnd: sub.trialEndsAt };
      }
      if (sub.status !== 'active' && sub.status !== 'past_due')
        throw invalid(sub, event, 'already ended');
      return { ...sub, status: 'canceled', canceledAt: now };
    }
    case 'reactivate': {
      // Taking back a cancellation: only while the paid period still runs, and only for a paid plan.
      if (sub.status !== 'canceled') throw invalid(sub, event, 'not canceled');
      if (sub.plan === TRIAL_PLAN_ID)
        throw invalid(sub, event, 'a trial is not reactivated: choose a plan');
      if (!sub.currentPeriodEnd || t >= sub.currentPeriodEnd.getTime())
        throw invalid(sub, event, 'the paid period has ended: choose a plan');
      return { ...sub, status: 'active', canceledAt: null };
    }
    case 'periodEnded': {
      const end = sub.currentPeriodEnd?.getTime();
      if (end === undefined) throw invalid(sub, event, 'no period');
      if (sub.status === 'active') {
        if (t < end) throw invalid(sub, event, 'the period has not ended');
        return { ...sub, status: 'past_due' };
      }
      if (sub.status === 'past_due') {
        if (t < end + PAST_DUE_GRACE_DAYS * DAY_MS)
          throw invalid(sub, event, 'the grace period has not ended');
        return { ...sub, status: 'canceled', canceledAt: now };
      }
      if (sub.status === 'canceled') {
        if (t < end) throw invalid(sub, event, 'the period has not ended');
        return sub;
      }
      throw invalid(sub, event, 'no paid period');
    }
    case 'trialEnded': {
      if (sub.status !== 'trialing' || !sub.trialEndsAt)
        throw invalid(sub, event, 'not in a trial');
      if (t < sub.trialEndsAt.getTime()) throw invalid(sub, event, 'the trial has not ended');
      return { ...sub, status: 'expired' };
    }
  }
}

/**
 * The status as of `now`, counting time-based transitions the daily job may not have applied yet:
 * a trial past trialEndsAt is `expired`, a past_due subscription past its grace is `canceled`.
 * An active subscription past its period end stays active (a late payment webhook must not lock anyone out).
 */
export function effectiveStatus(sub: Subscription, now: Date): SubscriptionStatus {
  const t = now.getTime();
  if (sub.status === 'trialing' && sub.trialEndsAt && t >= sub.trialEndsAt.getTime())
    return 'expired';
  if (
    sub.status === 'past_due' &&
    sub.currentPeriodEnd &&
    t >= sub.currentPeriodEnd.getTime() + PAST_DUE_GRACE_DAYS * DAY_MS
  ) {
    return 'canceled';
  }
  return sub.status;
}

/** trialing, active and past_due can write; canceled until its period end; expired never. Reads always work. */
export function canWrite(sub: Subscription, now: Date): boolean {
  const status = effectiveStatus(sub, now);
  switch (status) {
    case 'trialing':
    case 'active':
    case 'past_due':
      return true;
    case 'canceled':
      return (
        sub.status === 'canceled' &&
        sub.currentPeriodEnd !== null &&
        now.getTime() < sub.currentPeriodEnd.getTime()
      );
    case 'expired':
      return false;
  }
}

/**
 * Deadline alerts (e-mail and deadline.upcoming webhooks) go to tenants that may write: they stop when a
 * trial ends without a subscription or a canceled one runs out, and start again on subscribing. Reads and
 * the calendar feed keep working. No subscription at all receives nothing.
 */
export function receivesAlerts(sub: Subscription | null, now: Date): boolean {
  return sub !== null && canWrite(sub, now);
}

/** Throws a DomainError `SubscriptionRequired` (402) when the tenant may not write. */
export function assertCanWrite(sub: Subscription, now: Date): void {
  if (!canWrite(sub, now)) {
    throw new DomainError(
      DomainErrorCode.SubscriptionRequired,
      'An active subscription is required to make changes',
    );
  }
}

/** `true` from TRIAL_REMINDER_DAYS before the trial end until it ends; the sender dedupes by tenant. */
export function trialReminderDue(sub: Subscription, now: Date): boolean {
  if (sub.status !== 'trialing' || !sub.trialEndsAt) return false;
  const t = now.getTime();
  const end = sub.trialEndsAt.getTime();
  return t >= end - TRIAL_REMINDER_DAYS * DAY_MS && t < end;
}
