import { DomainError, DomainErrorCode } from '../common/domain.error';
import { addDays, compareDates, isValidIsoDate } from '../contract/calendar-date';
import type { IsoDate } from '../contract/contract-terms.types';

/** "Snooze a week": without a date, a snooze lasts this many days from the tenant's today. */
export const SNOOZE_DEFAULT_DAYS = 7;
/** A snooze reaches at most this far ahead: it postpones a look at the deadline, it does not decide it. */
export const SNOOZE_MAX_DAYS = 90;

/**
 * Whether a snooze hides its deadline from the worklist today: until the day before `until`; on `until`
 * the deadline is back. A snooze never stops alerts (only a decision does).
 */
export function isSnoozed(until: IsoDate | null | undefined, today: IsoDate): boolean {
  return !!until && compareDates(until, today) > 0;
}

/**
 * The day a snooze ends: `until` when given (after today, at most SNOOZE_MAX_DAYS ahead), else today +
 * SNOOZE_DEFAULT_DAYS. Refused (409) when there is no notice deadline to decide on, or it is decided already.
 */
export function snoozeUntil(
  input: { until?: IsoDate | null },
  target: { deadline: IsoDate } | null,
  decided: boolean,
  today: IsoDate,
): IsoDate {
  const until = input.until ?? null;
  const latest = addDays(today, SNOOZE_MAX_DAYS);
  if (until !== null && !isValidIsoDate(until))
    throw new DomainError(DomainErrorCode.Validation, 'Invalid snooze', [
      { field: 'until', message: 'must be a date (YYYY-MM-DD)' },
    ]);
  if (until !== null && (compareDates(until, today) <= 0 || compareDates(until, latest) > 0))
    throw new DomainError(DomainErrorCode.Validation, 'Invalid snooze', [
      {
        field: 'until',
        message: `must be after today (${today}) and at most ${SNOOZE_MAX_DAYS} days ahead (${latest})`,
      },
    ]);
  if (!target)
    throw new DomainError(
      DomainErrorCode.Conflict,
      'This contract has no notice deadline to snooze',
    );
  if (decided)
    throw new DomainError(
      DomainErrorCode.Conflict,
      'This notice deadline is decided already: there is nothing left to snooze',
    );
  return until ?? addDays(today, SNOOZE_DEFAULT_DAYS);
}
