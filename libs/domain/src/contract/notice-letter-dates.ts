import { addDays, addDuration, isValidIsoDate, parseIsoDuration } from './calendar-date';
import type { ContractTerms, IsoDate } from './contract-terms.types';
import { computeDeadlines } from './deadlines';

/** The dates a notice letter states, and which letter it is. */
export interface NoticeLetterDates {
  /** `non-renewal` for a contract that renews by itself, else `termination`. */
  kind: 'non-renewal' | 'termination';
  /** The last day notice can be given to stop the renewal (null when no notice deadline applies). */
  noticeDeadline: IsoDate | null;
  /** The last day of the agreement once the notice is given (null when it cannot be known). */
  endDate: IsoDate | null;
}

/**
 * The dates of a notice letter written on `today`. An auto-renewing contract ends the day before the renewal its
 * notice deadline stops (a later renewal when the next one can no longer be stopped, the same rule as
 * `deadlines.noticeRenewalDate`). A contract that does not renew ends at the end of its term; one that runs until
 * further notice ends `noticePeriod` after today. Pure and total.
 */
export function noticeLetterDates(terms: ContractTerms, today: IsoDate): NoticeLetterDates {
  const kind = terms.autoRenewal === true ? 'non-renewal' : 'termination';
  if (!isValidIsoDate(today)) return { kind, noticeDeadline: null, endDate: null };
  const d = computeDeadlines(terms, today);
  if (d.noticeDeadline && d.noticeRenewalDate) {
    return { kind, noticeDeadline: d.noticeDeadline, endDate: addDays(d.noticeRenewalDate, -1) };
  }
  const notice = parseIsoDuration(terms.noticePeriod);
  if (terms.perpetual === true && terms.autoRenewal !== true && notice) {
    try {
      return { kind, noticeDeadline: null, endDate: addDuration(today, notice) };
    } catch {
      return { kind, noticeDeadline: null, endDate: null };
    }
  }
  return { kind, noticeDeadline: null, endDate: d.currentTermEnd ?? d.expirationDate };
}
