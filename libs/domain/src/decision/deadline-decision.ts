import { DomainError, DomainErrorCode, type FieldError } from '../common/domain.error';
import {
  addDays,
  compareDates,
  isValidIsoDate,
  subtractDuration,
  parseIsoDuration,
} from '../contract/calendar-date';
import type { ContractTerms, IsoDate } from '../contract/contract-terms.types';
import { followingTermEnd, type ContractDeadlines, type TermTerms } from '../contract/deadlines';

/** What a person decided about a notice deadline (docs/deadlines.md, "Decisions"). */
export type DecisionKind = 'renew' | 'terminate' | 'renegotiate';
export const DECISION_KINDS: readonly DecisionKind[] = ['renew', 'terminate', 'renegotiate'];

/** A note longer than this is refused (it is a remark, not the letter). */
export const DECISION_NOTE_MAX_LENGTH = 2000;

/** The decision recorded for one notice deadline of one contract. */
export interface DeadlineDecision {
  decision: DecisionKind;
  /** The day notice was sent (never in the future), or null. */
  noticeSentOn: IsoDate | null;
  note: string | null;
  /** The notice deadline it answers. */
  deadline: IsoDate;
  /** The last day of the term that deadline belongs to (where a termination ends the contract). */
  termEnd: IsoDate;
}

/** The notice deadline a decision answers now: the current term's, with that term's last day. */
export interface DecisionTarget {
  deadline: IsoDate;
  termEnd: IsoDate;
}

/** Deadlines after the decisions are applied: a termination ends the contract at the end of its term. */
export interface DecidedDeadlines extends ContractDeadlines {
  /** The day a terminated contract ends (notice of termination sent): its current term's last day. */
  endingOn: IsoDate | null;
  /** The notice deadline decisions answer now (see decisionTarget); null when none applies. */
  decisionDeadline: IsoDate | null;
}

/** The terms a decision target is computed from: the notice period, and the term schedule when known. */
export type DecisionTerms = Pick<ContractTerms, 'noticePeriod'> & Partial<TermTerms>;

/**
 * The notice deadline a decision is about: the current term's, `currentTermEnd - noticePeriod`, even once it
 * has passed (then the renewal can no longer be stopped, and the decision records what was done about it;
 * `noticeDeadline` already shows the next term's). When the notice period is longer than a term (a monthly
 * renewal with three months' notice), the current term's deadline passed before the term began and so did
 * the next term's: those renewals were never stoppable this term, so the decision is about the next renewal
 * that can still be stopped (`noticeDeadline`, ending the term before `noticeRenewalDate`). Null for a
 * contract without a notice deadline.
 */
export function decisionTarget(
  terms: DecisionTerms,
  deadlines: ContractDeadlines,
): DecisionTarget | null {
  if (!deadlines.noticeDeadline || !deadlines.currentTermEnd) return null;
  const notice = parseIsoDuration(terms.noticePeriod);
  if (!notice) return null;
  try {
    const current = {
      deadline: subtractDuration(deadlines.currentTermEnd, notice),
      termEnd: deadlines.currentTermEnd,
    };
    if (current.deadline === deadlines.noticeDeadline) return current;
    // The current term's deadline has passed. It stays the one to decide while the next term's is still ahead
    // (it was the last chance to stop the coming renewal); once that one has passed too, the next stoppable.
    const nextEnd = followingTermEnd(terms, deadlines.currentTermEnd);
    if (!nextEnd || !deadlines.noticeRenewalDate) return current;
    if (compareDates(subtractDuration(nextEnd, notice), deadlines.noticeDeadline) >= 0)
      return current;
    return {
      deadline: deadlines.noticeDeadline,
      termEnd: addDays(deadlines.noticeRenewalDate, -1),
    };
  } catch {
    return null;
  }
}

/**
 * The last day of the term the decision deadline belongs to (where a termination given for it ends the
 * contract), from deadlines that applyDecisions returned.
 */
export function decisionTermEnd(deadlines: DecidedDeadlines): IsoDate | null {
  if (!deadlines.decisionDeadline) return null;
  if (deadlines.endingOn) return deadlines.endingOn;
  if (deadlines.decisionDeadline === deadlines.noticeDeadline && deadlines.noticeRenewalDate)
    return addDays(deadlines.noticeRenewalDate, -1);
  return deadlines.currentTermEnd;
}

/** A termination takes effect only once notice has been sent. */
export function isTermination(d: Pick<DeadlineDecision, 'decision' | 'noticeSentOn'>): boolean {
  return d.decision === 'terminate' && d.noticeSentOn !== null;
}

/**
 * Applies a contract's decisions to its computed deadlines. A termination (terminate with notice sent) ends
 * the contract on the last day of the term it was given for: no next renewal, no notice deadline, the
 * expiration on that day, `endingOn` set, and its deadline stays the one decisions answer. Otherwise the
 * deadlines are unchanged and decisions answer the current term's notice deadline.
 */
export function applyDecisions(
  terms: DecisionTerms,
  deadlines: ContractDeadlines,
  decisions: readonly DeadlineDecision[],
): DecidedDeadlines {
  const termination = decisions
    .filter(isTermination)
    .sort((a, b) => compareDates(a.termEnd, b.termEnd))[0];
  if (termination) {
    return {
      noticeDeadline: null,
      nextRenewalDate: null,
      noticeRenewalDate: null,
      expirationDate: termination.termEnd,
      currentTermEnd: termination.termEnd,
      endingOn: termination.termEnd,
      decisionDeadline: termination.deadline,
    };
  }
  return {
    ...deadlines,
    endingOn: null,
    decisionDeadline: decisionTarget(terms, deadlines)?.deadline ?? null,
  };
}

/** The decision that answers `deadline`, if any. */
export function decisionFor<T extends Pick<DeadlineDecision, 'deadline'>>(
  decisions: readonly T[],
  deadline: IsoDate | null,
): T | null {
  return deadline ? (decisions.find((d) => d.deadline === deadline) ?? null) : null;
}

/** A deadline that has passed (before today) without a decision, on a contract that is not ending. */
export function isUndecidedPassed(
  decisionDeadline: IsoDate | null,
  decided: boolean,
  endingOn: IsoDate | null,
  today: IsoDate,
): boolean {
  return !!decisionDeadline && !decided && !endingOn && compareDates(decisionDeadline, today) < 0;
}

export interface DecisionInput {
  decision: DecisionKind;
  noticeSentOn?: IsoDate | null;
  note?: string | null;
}

/** Checks a decision against the contract's state and the tenant's today; throws a DomainError. */
export function validateDecision(
  input: DecisionInput,
  target: DecisionTarget | null,
  today: IsoDate,
): { decision: DecisionKind; noticeSentOn: IsoDate | null; note: string | null } {
  const errors: FieldError[] = [];
  if (!DECISION_KINDS.includes(input.decision))
    errors.push({ field: 'decision', message: `must be one of ${DECISION_KINDS.join(', ')}` });
  const sentOn = input.noticeSentOn ?? null;
  if (sentOn !== null && !isValidIsoDate(sentOn))
    errors.push({ field: 'noticeSentOn', message: 'must be a date (YYYY-MM-DD)' });
  else if (sentOn !== null && compareDates(sentOn, today) > 0)
    errors.push({ field: 'noticeSentOn', message: 'must not be in the future' });
  const note = input.note?.trim() || null;
  if (note !== null && note.length > DECISION_NOTE_MAX_LENGTH)
    errors.push({
      field: 'note',
      message: `must be at most ${DECISION_NOTE_MAX_LENGTH} characters`,
    });
  if (errors.length) throw new DomainError(DomainErrorCode.Validation, 'Invalid decision', errors);
  if (!target)
    throw new DomainError(
      DomainErrorCode.Conflict,
      'This contract has no notice deadline to decide on',
    );
  return { decision: input.decision, noticeSentOn: sentOn, note };
}
