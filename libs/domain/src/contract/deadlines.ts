import {
  addDays,
  addDuration,
  compareDates,
  isValidIsoDate,
  isZeroDuration,
  parseIsoDuration,
  subtractDuration,
  sumDurations,
  type DurationParts,
} from './calendar-date';
import type { ContractTerms, IsoDate, IsoDuration } from './contract-terms.types';

/** Deadlines computed from a contract's terms (see docs/deadlines.md). Every field is `null` when unknown. */
export interface ContractDeadlines {
  /** Last day to give notice of non-renewal (auto-renewing contracts with a notice period). */
  noticeDeadline: IsoDate | null;
  /** First day of the next renewal term (auto-renewing contracts). */
  nextRenewalDate: IsoDate | null;
  /** Last day of a contract that does not renew by itself (may be in the past). */
  expirationDate: IsoDate | null;
  /** Last day of the term that contains today (or, when not renewing, of the only term). */
  currentTermEnd: IsoDate | null;
  /**
   * The renewal that noticeDeadline stops: the first day of the term that would follow the one notice ends.
   * Equals nextRenewalDate unless that renewal can no longer be stopped (its notice deadline has passed), in
   * which case it is a later renewal date. `null` without a noticeDeadline.
   */
  noticeRenewalDate: IsoDate | null;
}

export type DeadlineKind = 'notice' | 'renewal' | 'expiration' | 'obligation';
export const DEADLINE_KINDS: readonly DeadlineKind[] = [
  'notice',
  'renewal',
  'expiration',
  'obligation',
];

export interface DeadlineItem {
  kind: DeadlineKind;
  date: IsoDate;
  obligationId?: string;
}

/** The part of an obligation that has a date. */
export interface DatedObligation {
  id: string;
  dueDate: IsoDate | null;
  /** Repeat interval (`P3M` = quarterly) counted from dueDate. */
  recurrence: IsoDuration | null;
}

const NO_DEADLINES: ContractDeadlines = {
  noticeDeadline: null,
  nextRenewalDate: null,
  expirationDate: null,
  currentTermEnd: null,
  noticeRenewalDate: null,
};

// Upper bound on the term index searched for; far beyond any real contract (a daily renewal for 10,000 years).
const MAX_TERM_INDEX = 2 ** 22;

export type TermTerms = Pick<
  ContractTerms,
  | 'agreementDate'
  | 'effectiveDate'
  | 'expirationDate'
  | 'perpetual'
  | 'initialTerm'
  | 'autoRenewal'
  | 'renewalTerm'
  | 'noticePeriod'
>;

function date(value: IsoDate | null): IsoDate | null {
  return value !== null && isValidIsoDate(value) ? value : null;
}

function positiveDuration(value: IsoDuration | null): DurationParts | null {
  const parsed = parseIsoDuration(value);
  return parsed && !isZeroDuration(parsed) ? parsed : null;
}

/**
 * End of term k (k = 0 is the initial term), computed from one fixed anchor so month-end clamping never drifts.
 * When the initial term is whole months/years: start + (initial + k × renewal) − 1 day, months added in one
 * step (a 31 January start stays on month ends). When it has weeks/days, renewals are counted from the
 * renewal anchor start + initial: (start + initial) + k × renewal − 1 day. `null` outside the date range.
 */
type TermEnd = (k: number) => IsoDate | null;

function termEndFn(
  anchor: IsoDate,
  initial: DurationParts,
  renewal: DurationParts | null,
): TermEnd {
  const monthsOnly = initial.weeks === 0 && initial.days === 0;
  return (k) => {
    if (k > 0 && !renewal) return null;
    try {
      let next: IsoDate;
      if (!renewal || k === 0) next = addDuration(anchor, initial);
      else if (monthsOnly)
        next = addDuration(
          anchor,
          sumDurations({ duration: initial }, { duration: renewal, times: k }),
        );
      else next = addDuration(addDuration(anchor, initial), renewal, k);
      return addDays(next, -1);
    } catch {
      return null;
    }
  };
}

/**
 * The smallest k in [from, MAX_TERM_INDEX] with `test(k)` true, for a test that is monotone in k
 * (false…false true…true); `null` when there is none. `test` answers `null` when k is past the supported date
 * range, which can only happen after the answer. Galloping then binary search: O(log k) evaluations.
 */
function firstIndex(from: number, test: (k: number) => boolean | null): number | null {
  // Out of range counts as "at or past the answer" while searching; the final check rejects it.
  const holds = (k: number): boolean => test(k) ?? true;
  let low = from - 1; // every index <= low is false
  let high = from;
  let step = 1;
  while (!holds(high)) {
    low = high;
    high = from + step;
    step *= 2;
    if (high > MAX_TERM_INDEX) return null;
  }
  while (high - low > 1) {
    const mid = low + Math.floor((high - low) / 2);
    if (holds(mid)) high = mid;
    else low = mid;
  }
  return test(high) === true ? high : null;
}

/**
 * The contract's term ends, k = 0 being the initial term: anchored on the term start when it agrees with the
 * stated end (keeps a 31 January start on the 31st); an explicit expirationDate that disagrees wins, and
 * renewals are then counted from the day after it. `null` when no term end can be computed.
 */
function termSchedule(terms: TermTerms): TermEnd | null {
  const start = date(terms.effectiveDate) ?? date(terms.agreementDate);
  const explicitEnd = date(terms.expirationDate);
  const initial = positiveDuration(terms.initialTerm);
  const renewal = positiveDuration(terms.renewalTerm) ?? initial;
  if (start && initial) {
    const fromStart = termEndFn(start, initial, renewal);
    if (!explicitEnd || fromStart(0) === explicitEnd) return fromStart;
  }
  if (!explicitEnd) return null;
  const zero: DurationParts = { years: 0, months: 0, weeks: 0, days: 0 };
  try {
    return termEndFn(addDays(explicitEnd, 1), zero, renewal);
  } catch {
    return null;
  }
}

/**
 * The last day of the term that follows the one ending on `termEnd` (same schedule as computeDeadlines, so
 * month-end clamping never drifts); `null` when `termEnd` is not one of the contract's term ends or there is
 * no following term.
 */
export function followingTermEnd(terms: Partial<TermTerms>, termEnd: IsoDate): IsoDate | null {
  if (!isValidIsoDate(termEnd)) return null;
  const endOf = termSchedule({
    agreementDate: terms.agreementDate ?? null,
    effectiveDate: terms.effectiveDate ?? null,
    expirationDate: terms.expirationDate ?? null,
    perpetual: terms.perpetual ?? null,
    initialTerm: terms.initialTerm ?? null,
    autoRenewal: terms.autoRenewal ?? null,
    renewalTerm: terms.renewalTerm ?? null,
    noticePeriod: terms.noticePeriod ?? null,
  });
  if (!endOf) return null;
  const k = firstIndex(0, (i) => {
    const end = endOf(i);
    return end === null ? null : compareDates(end, termEnd) >= 0;
  });
  if (k === null || endOf(k) !== termEnd) return null;
  return endOf(k + 1);
}

/**
 * Computes the deadlines of a contract for `today` (a calendar date in the tenant's time zone).
 * Pure and total: bad or missing data gives `null` fields, never an exception. Rules: docs/deadlines.md.
 */
export function computeDeadlines(terms: TermTerms, today: IsoDate): ContractDeadlines {
  if (!isValidIsoDate(today)) return NO_DEADLINES;
  const autoRenews = terms.autoRenewal === true;

  // A perpetual contract has no end to warn about unless it is described as renewing in terms.
  if (terms.perpetual === true && !autoRenews) return NO_DEADLINES;

  const termEnd = termSchedule(terms);
  const firstEnd = termEnd?.(0) ?? null;
  if (!termEnd || !firstEnd) return NO_DEADLINES;

  if (!autoRenews) {
    return {
      noticeDeadline: null,
      nextRenewalDate: null,
      expirationDate: firstEnd,
      currentTermEnd: firstEnd,
      noticeRenewalDate: null,
    };
  }

  const endOf = termEnd;
  // Current term: the first whose last day is today or later.
  const current = firstIndex(0, (k) => {
    const end = endOf(k);
    return end === null ? null : compareDates(end, today) >= 0;
  });
  const currentTermEnd = current === null ? null : endOf(current);
  if (current === null || currentTermEnd === null) return NO_DEADLINES;

  let nextRenewalDate: IsoDate | null;
  try {
    nextRenewalDate = addDays(currentTermEnd, 1);
  } catch {
    nextRenewalDate = null;
  }

  // Choice: when the current term's notice deadline has already passed, the renewal can no longer be stopped,
  // so the useful date is the next term's notice deadline (or a later one if the notice period is longer than
  // a renewal term). Such a deadline can therefore fall after currentTermEnd.
  const notice = parseIsoDuration(terms.noticePeriod);
  let noticeDeadline: IsoDate | null = null;
  let noticeRenewalDate: IsoDate | null = null;
  if (notice) {
    const noticeFor = (k: number): IsoDate | null => {
      const end = endOf(k);
      if (end === null) return null;
      try {
        return subtractDuration(end, notice);
      } catch {
        return null;
      }
    };
    const k = firstIndex(current, (i) => {
      const d = noticeFor(i);
      return d === null ? null : compareDates(d, today) >= 0;
    });
    noticeDeadline = k === null ? null : noticeFor(k);
    const stoppedEnd = k === null || noticeDeadline === null ? null : endOf(k);
    try {
      noticeRenewalDate = stoppedEnd === null ? null : addDays(stoppedEnd, 1);
    } catch {
      noticeRenewalDate = null;
    }
  }

  return {
    noticeDeadline,
    nextRenewalDate,
    expirationDate: null,
    currentTermEnd,
    noticeRenewalDate,
  };
}

/**
 * The next occurrence of an obligation on or after `today`: dueDate itself when it is a one-off or not yet
 * past, else dueDate + k × recurrence (anchored on dueDate, so a 31st stays on month ends). `null` without dueDate.
 */
export function nextObligationDate(
  obligation: Omit<DatedObligation, 'id'>,
  today?: IsoDate,
): IsoDate | null {
  const due = date(obligation.dueDate);
  if (!due) return null;
  const every = positiveDuration(obligation.recurrence);
  if (!every || !today || !isValidIsoDate(today) || compareDates(due, today) >= 0) return due;
  const at = (k: number): IsoDate | null => {
    try {
      return addDuration(due, every, k);
    } catch {
      return null;
    }
  };
  const k = firstIndex(1, (i) => {
    const d = at(i);
    return d === null ? null : compareDates(d, today) >= 0;
  });
  return k === null ? null : at(k);
}

const KIND_ORDER: Record<DeadlineKind, number> = {
  notice: 0,
  renewal: 1,
  expiration: 2,
  obligation: 3,
};

/**
 * Flattens a contract's deadlines and its dated obligations into one list sorted by date (then kind).
 * Recurring obligations give their next occurrence on or after `today` (their dueDate when `today` is omitted);
 * one-off obligations give their dueDate even when past.
 */
export function deadlineList(
  deadlines: ContractDeadlines,
  obligations: readonly DatedObligation[] = [],
  today?: IsoDate,
): DeadlineItem[] {
  const items: DeadlineItem[] = [];
  if (deadlines.noticeDeadline) items.push({ kind: 'notice', date: deadlines.noticeDeadline });
  if (deadlines.nextRenewalDate) items.push({ kind: 'renewal', date: deadlines.nextRenewalDate });
  if (deadlines.expirationDate) items.push({ kind: 'expiration', date: deadlines.expirationDate });
  for (const obligation of obligations) {
    const next = nextObligationDate(obligation, today);
    if (next) items.push({ kind: 'obligation', date: next, obligationId: obligation.id });
  }
  return items
    .filter((item) => isValidIsoDate(item.date))
    .sort(
      (a, b) =>
        compareDates(a.date, b.date) ||
        KIND_ORDER[a.kind] - KIND_ORDER[b.kind] ||
        (a.obligationId ?? '').localeCompare(b.obligationId ?? ''),
    );
}
