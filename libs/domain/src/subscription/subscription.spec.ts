import fc from 'fast-check';
import { DomainError, DomainErrorCode } from '../common/domain.error';
import {
  addMonthsUtc,
  applySubscriptionEvent,
  assertCanWrite,
  canWrite,
  effectiveStatus,
  PAST_DUE_GRACE_DAYS,
  receivesAlerts,
  startTrial,
  SUBSCRIPTION_STATUSES,
  trialReminderDue,
  type Subscription,
  type SubscriptionEvent,
} from './subscription';

const DAY = 86_400_000;
const T0 = new Date('2026-01-10T12:00:00Z');
const at = (days: number): Date => new Date(T0.getTime() + days * DAY);

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

const trial = (): Subscription => startTrial(T0, 14);
const active = (): Subscription =>
  applySubscriptionEvent(trial(), { type: 'choosePlan', plan: 'starter' }, at(5));

describe('who receives deadline alerts', () => {
  it('a running trial or a paid plan does; an ended trial, a lapsed cancellation or no subscription does not', () => {
    expect(receivesAlerts(trial(), at(13))).toBe(true);
    expect(receivesAlerts(trial(), at(14))).toBe(false);
    expect(receivesAlerts(active(), at(100))).toBe(true); // a late renewal webhook must not silence alerts
    const canceled = applySubscriptionEvent(active(), { type: 'cancel' }, at(10));
    expect(receivesAlerts(canceled, at(35))).toBe(true);
    expect(receivesAlerts(canceled, canceled.currentPeriodEnd!)).toBe(false);
    expect(receivesAlerts(null, at(0))).toBe(false);
  });
});

describe('subscription lifecycle', () => {
  it('a signup starts a trial of the configured length', () => {
    expect(trial()).toEqual({
      plan: 'trial',
      status: 'trialing',
      trialEndsAt: new Date('2026-01-24T12:00:00Z'),
      currentPeriodEnd: null,
      canceledAt: null,
    });
    expectCode(() => startTrial(T0, 0), DomainErrorCode.Validation);
    expectCode(() => startTrial(T0, 1.5), DomainErrorCode.Validation);
  });

  it('choosing a plan during the trial activates it for one month', () => {
    expect(active()).toMatchObject({
      plan: 'starter',
      status: 'active',
      currentPeriodEnd: at(5 + 31),
    });
  });

  it('changing plan while active keeps the period', () => {
    const upgraded = applySubscriptionEvent(
      active(),
      { type: 'choosePlan', plan: 'business' },
      at(10),
    );
    expect(upgraded).toMatchObject({
      plan: 'business',
      status: 'active',
      currentPeriodEnd: active().currentPeriodEnd,
    });
  });

  it('a cancellation can be taken back before the period ends, not after, and not on a trial', () => {
    const canceled = applySubscriptionEvent(active(), { type: 'cancel' }, at(10));
    expect(applySubscriptionEvent(canceled, { type: 'reactivate' }, at(20))).toMatchObject({
      plan: 'starter',
      status: 'active',
      canceledAt: null,
      currentPeriodEnd: active().currentPeriodEnd,
    });
    expectCode(
      () => applySubscriptionEvent(canceled, { type: 'reactivate' }, at(5 + 31)),
      DomainErrorCode.InvalidState,
    );
    expectCode(
      () => applySubscriptionEvent(active(), { type: 'reactivate' }, at(10)),
      DomainErrorCode.InvalidState,
    );
    const canceledTrial = applySubscriptionEvent(trial(), { type: 'cancel' }, at(1));
    expectCode(
      () => applySubscriptionEvent(canceledTrial, { type: 'reactivate' }, at(2)),
      DomainErrorCode.InvalidState,
    );
  });

  it('a plan change that starts a new period (another billing interval) takes its period end', () => {
    expect(
      applySubscriptionEvent(
        active(),
        { type: 'choosePlan', plan: 'business', periodEnd: at(400) },
        at(10),
      ),
    ).toMatchObject({ plan: 'business', status: 'active', currentPeriodEnd: at(400) });
  });

  it('the trial plan cannot be chosen', () => {
    const event = { type: 'choosePlan', plan: 'trial' } as unknown as SubscriptionEvent;
    expectCode(() => applySubscriptionEvent(trial(), event, at(1)), DomainErrorCode.Validation);
  });

  it('a failed payment makes it past_due, a later success makes it active again with a new period', () => {
    const pastDue = applySubscriptionEvent(active(), { type: 'paymentFailed' }, at(36));
    expect(pastDue.status).toBe('past_due');
    expect(canWrite(pastDue, at(37))).toBe(true);
    const paid = applySubscriptionEvent(pastDue, { type: 'paymentSucceeded' }, at(40));
    expect(paid).toMatchObject({ status: 'active', currentPeriodEnd: addMonthsUtc(at(40), 1) });
    expectCode(
      () => applySubscriptionEvent(pastDue, { type: 'choosePlan', plan: 'business' }, at(40)),
      DomainErrorCode.InvalidState,
    );
  });

  it('a renewal payment before the period end extends from the period end, not from now', () => {
    const sub = active();
    const renewed = applySubscriptionEvent(sub, { type: 'paymentSucceeded' }, at(30));
    expect(renewed.currentPeriodEnd).toEqual(addMonthsUtc(sub.currentPeriodEnd!, 1));
  });

  it('a canceled subscription can write until its period end, then only read', () => {
    const canceled = applySubscriptionEvent(active(), { type: 'cancel' }, at(10));
    expect(canceled).toMatchObject({ status: 'canceled', canceledAt: at(10) });
    expect(canWrite(canceled, at(35))).toBe(true);
    expect(canWrite(canceled, canceled.currentPeriodEnd!)).toBe(false);
    expectCode(() => assertCanWrite(canceled, at(40)), DomainErrorCode.SubscriptionRequired);
    expectCode(
      () => applySubscriptionEvent(canceled, { type: 'cancel' }, at(11)),
      DomainErrorCode.InvalidState,
    );
    expect(
      applySubscriptionEvent(canceled, { type: 'choosePlan', plan: 'starter' }, at(50)),
    ).toMatchObject({
      status: 'active',
      canceledAt: null,
    });
  });

  it('canceling a trial keeps writes until the trial would have ended', () => {
    const canceled = applySubscriptionEvent(trial(), { type: 'cancel' }, at(2));
    expect(canWrite(canceled, at(13))).toBe(true);
    expect(canWrite(canceled, at(14))).toBe(false);
  });

  it('a trial ends as expired only once its end has come; the tenant keeps read access and can subscribe', () => {
    expectCode(
      () => applySubscriptionEvent(trial(), { type: 'trialEnded' }, at(13)),
      DomainErrorCode.InvalidState,
    );
    const expired = applySubscriptionEvent(trial(), { type: 'trialEnded' }, at(14));
    expect(expired.status).toBe('expired');
    expect(canWrite(expired, at(14))).toBe(false);
    expectCode(
      () => applySubscriptionEvent(expired, { type: 'paymentFailed' }, at(15)),
      DomainErrorCode.InvalidState,
    );
    expect(
      applySubscriptionEvent(expired, { type: 'choosePlan', plan: 'business' }, at(20)).status,
    ).toBe('active');
  });

  it('a trial past its end is effectively expired even before the daily job runs', () => {
    expect(effectiveStatus(trial(), at(14))).toBe('expired');
    expect(effectiveStatus(trial(), new Date(at(14).getTime() - 1))).toBe('trialing');
    expect(canWrite(trial(), at(14))).toBe(false);
    expect(canWrite(trial(), at(13))).toBe(true);
  });

  it('an unpaid period end makes it past_due, and the end of the grace period cancels it', () => {
    const sub = active();
    const end = sub.currentPeriodEnd!;
    expectCode(
      () => applySubscriptionEvent(sub, { type: 'periodEnded' }, new Date(end.getTime() - 1)),
      DomainErrorCode.InvalidState,
    );
    const pastDue = applySubscriptionEvent(sub, { type: 'periodEnded' }, end);
    expect(pastDue.status).toBe('past_due');
    const graceEnd = new Date(end.getTime() + PAST_DUE_GRACE_DAYS * DAY);
    expectCode(
      () =>
        applySubscriptionEvent(pastDue, { type: 'periodEnded' }, new Date(graceEnd.getTime() - 1)),
      DomainErrorCode.InvalidState,
    );
    expect(effectiveStatus(pastDue, graceEnd)).toBe('canceled');
    expect(canWrite(pastDue, graceEnd)).toBe(false);
    expect(applySubscriptionEvent(pastDue, { type: 'periodEnded' }, graceEnd).status).toBe(
      'canceled',
    );
  });

  it('an active subscription past its period end keeps writing until told otherwise (late payment webhooks)', () => {
    const sub = active();
    expect(effectiveStatus(sub, at(100))).toBe('active');
    expect(canWrite(sub, at(100))).toBe(true);
  });

  it('sends the trial reminder from 3 days before the trial end until it ends', () => {
    const sub = trial(); // ends at(14)
    expect(trialReminderDue(sub, at(10.99))).toBe(false);
    expect(trialReminderDue(sub, at(11))).toBe(true);
    expect(trialReminderDue(sub, new Date(at(14).getTime() - 1))).toBe(true);
    expect(trialReminderDue(sub, at(14))).toBe(false);
    expect(trialReminderDue(active(), at(11))).toBe(false);
  });

  it('month arithmetic on instants clamps to the month end in UTC', () => {
    expect(addMonthsUtc(new Date('2024-01-31T23:30:00Z'), 1).toISOString()).toBe(
      '2024-02-29T23:30:00.000Z',
    );
  });

  it('any sequence of events either gives a known state or throws a domain error, never mutating the input', () => {
    const event: fc.Arbitrary<SubscriptionEvent> = fc.oneof(
      fc.constantFrom<SubscriptionEvent>(
        { type: 'paymentSucceeded' },
        { type: 'paymentFailed' },
        { type: 'cancel' },
        { type: 'periodEnded' },
        { type: 'trialEnded' },
        { type: 'reactivate' },
      ),
      fc
        .constantFrom('starter' as const, 'business' as const)
        .map((plan): SubscriptionEvent => ({ type: 'choosePlan', plan })),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(event, fc.integer({ min: 0, max: 40 })), { maxLength: 25 }),
        (steps) => {
          let sub = trial();
          let day = 0;
          for (const [e, gap] of steps) {
            day += gap;
            const before = JSON.stringify(sub);
            try {
              sub = applySubscriptionEvent(Object.freeze({ ...sub }), e, at(day));
            } catch (error) {
              expect(error).toBeInstanceOf(DomainError);
              expect((error as DomainError).code).toBe(DomainErrorCode.InvalidState);
              expect(JSON.stringify(sub)).toBe(before);
            }
            expect(SUBSCRIPTION_STATUSES).toContain(sub.status);
            if (sub.status === 'active') expect(sub.plan).not.toBe('trial');
            if (effectiveStatus(sub, at(day)) === 'expired')
              expect(canWrite(sub, at(day))).toBe(false);
          }
        },
      ),
    );
  });
});
