import { emptyTerms, type ContractTerms } from '../contract/contract-terms.types';
import { addDays } from '../contract/calendar-date';
import { computeDeadlines } from '../contract/deadlines';
import { DomainErrorCode } from '../common/domain.error';
import {
  DECISION_NOTE_MAX_LENGTH,
  applyDecisions,
  decisionFor,
  decisionTarget,
  decisionTermEnd,
  isUndecidedPassed,
  validateDecision,
  type DeadlineDecision,
} from './deadline-decision';

// A one-year contract from 1 March 2026 renewing yearly, with three months' notice: the first term ends on
// 28 February 2027 and its notice deadline is 28 November 2026.
const TERMS: ContractTerms = {
  ...emptyTerms(),
  effectiveDate: '2026-03-01',
  initialTerm: 'P1Y',
  autoRenewal: true,
  renewalTerm: 'P1Y',
  noticePeriod: 'P3M',
};

const decision = (over: Partial<DeadlineDecision>): DeadlineDecision => ({
  decision: 'renew',
  noticeSentOn: null,
  note: null,
  deadline: '2026-11-28',
  termEnd: '2027-02-28',
  ...over,
});

describe('deadline decisions', () => {
  it('a decision answers the current term notice deadline while it is still ahead', () => {
    const d = computeDeadlines(TERMS, '2026-11-01');
    expect(decisionTarget(TERMS, d)).toEqual({ deadline: '2026-11-28', termEnd: '2027-02-28' });
  });

  it('once that deadline has passed, the decision still answers it (the next one is shown as noticeDeadline)', () => {
    const d = computeDeadlines(TERMS, '2026-12-15');
    expect(d.noticeDeadline).toBe('2027-11-29');
    expect(decisionTarget(TERMS, d)).toEqual({ deadline: '2026-11-28', termEnd: '2027-02-28' });
    // After the renewal the new term's deadline is the one to decide.
    expect(decisionTarget(TERMS, computeDeadlines(TERMS, '2027-03-01'))?.deadline).toBe(
      '2027-11-29',
    );
  });

  it('a contract that does not renew has nothing to decide', () => {
    const fixed = { ...TERMS, autoRenewal: false };
    expect(decisionTarget(fixed, computeDeadlines(fixed, '2026-11-01'))).toBeNull();
  });

  it('terminate with notice sent ends the contract at the end of the current term, for good', () => {
    const termination = decision({ decision: 'terminate', noticeSentOn: '2026-11-20' });
    for (const today of ['2026-11-21', '2027-02-28', '2027-06-01']) {
      expect(applyDecisions(TERMS, computeDeadlines(TERMS, today), [termination])).toEqual({
        noticeDeadline: null,
        nextRenewalDate: null,
        noticeRenewalDate: null,
        expirationDate: '2027-02-28',
        currentTermEnd: '2027-02-28',
        endingOn: '2027-02-28',
        decisionDeadline: '2026-11-28',
      });
    }
  });

  it('terminate without notice sent, renew and renegotiate leave the deadlines as computed', () => {
    const d = computeDeadlines(TERMS, '2026-11-21');
    for (const kind of ['terminate', 'renew', 'renegotiate'] as const) {
      expect(applyDecisions(TERMS, d, [decision({ decision: kind })])).toEqual({
        ...d,
        endingOn: null,
        decisionDeadline: '2026-11-28',
      });
    }
  });

  describe('a notice period longer than the term (monthly renewal, three months notice)', () => {
    // From 1 January 2026, renewing monthly: on 10 June the current term ends 30 June, and the renewals on
    // 1 July, 1 August and 1 September can no longer be stopped (their notice dates were 30 March, 30 April
    // and 31 May); notice by 30 June stops the renewal on 1 October.
    const MONTHLY: ContractTerms = {
      ...emptyTerms(),
      effectiveDate: '2026-01-01',
      initialTerm: 'P1M',
      autoRenewal: true,
      renewalTerm: 'P1M',
      noticePeriod: 'P3M',
    };

    it('the decision is about the next renewal that can still be stopped, not the current term', () => {
      const d = computeDeadlines(MONTHLY, '2026-06-10');
      expect(d).toMatchObject({
        currentTermEnd: '2026-06-30',
        noticeDeadline: '2026-06-30',
        noticeRenewalDate: '2026-10-01',
      });
      expect(decisionTarget(MONTHLY, d)).toEqual({ deadline: '2026-06-30', termEnd: '2026-09-30' });
      const decided = applyDecisions(MONTHLY, d, []);
      expect(decided.decisionDeadline).toBe('2026-06-30');
      expect(decisionTermEnd(decided)).toBe('2026-09-30');
    });

    it('is never listed as undecided and never answers a deadline for a renewal that is already certain', () => {
      for (let today = '2026-02-01'; today < '2027-03-01'; today = addDays(today, 1)) {
        const d = computeDeadlines(MONTHLY, today);
        const target = decisionTarget(MONTHLY, d);
        expect(target).not.toBeNull();
        expect(target!.deadline >= today).toBe(true);
        expect(target!.deadline).toBe(d.noticeDeadline);
        expect(addDays(target!.termEnd, 1)).toBe(d.noticeRenewalDate);
        const decided = applyDecisions(MONTHLY, d, []);
        expect(isUndecidedPassed(decided.decisionDeadline, false, null, today)).toBe(false);
      }
    });

    it('terminate with notice sent ends the contract before the renewal the notice still stops', () => {
      const d = computeDeadlines(MONTHLY, '2026-06-10');
      const termination = decision({
        decision: 'terminate',
        noticeSentOn: '2026-06-10',
        deadline: '2026-06-30',
        termEnd: '2026-09-30',
      });
      expect(applyDecisions(MONTHLY, d, [termination])).toMatchObject({
        endingOn: '2026-09-30',
        nextRenewalDate: null,
        noticeDeadline: null,
        decisionDeadline: '2026-06-30',
      });
    });

    it('a notice period as long as the term keeps the missed window of the current term until it ends', () => {
      const sameLength = { ...MONTHLY, noticePeriod: 'P1M' };
      const d = computeDeadlines(sameLength, '2026-06-10');
      expect(d.noticeDeadline).toBe('2026-06-30');
      expect(decisionTarget(sameLength, d)).toEqual({
        deadline: '2026-05-30',
        termEnd: '2026-06-30',
      });
      expect(decisionTermEnd(applyDecisions(sameLength, d, []))).toBe('2026-06-30');
    });

    it('without the term schedule (notice period only) the current term stays the target', () => {
      const d = computeDeadlines(MONTHLY, '2026-06-10');
      expect(decisionTarget({ noticePeriod: 'P3M' }, d)?.deadline).toBe('2026-03-30');
    });
  });

  it('decisionFor finds the decision of the deadline asked for only', () => {
    const ds = [decision({ deadline: '2025-11-28' }), decision({ note: 'this one' })];
    expect(decisionFor(ds, '2026-11-28')?.note).toBe('this one');
    expect(decisionFor(ds, '2027-11-29')).toBeNull();
    expect(decisionFor(ds, null)).toBeNull();
  });

  it('a passed deadline is undecided only without a decision and while the contract is not ending', () => {
    expect(isUndecidedPassed('2026-11-28', false, null, '2026-11-29')).toBe(true);
    expect(isUndecidedPassed('2026-11-28', false, null, '2026-11-28')).toBe(false); // still on time
    expect(isUndecidedPassed('2026-11-28', true, null, '2026-11-29')).toBe(false);
    expect(isUndecidedPassed('2026-11-28', false, '2027-02-28', '2026-11-29')).toBe(false);
    expect(isUndecidedPassed(null, false, null, '2026-11-29')).toBe(false);
  });

  describe('validateDecision', () => {
    const target = { deadline: '2026-11-28', termEnd: '2027-02-28' };
    const code = (fn: () => unknown) => {
      try {
        fn();
        return null;
      } catch (err) {
        return (
          (err as { code: DomainErrorCode; errors?: { field: string }[] }).errors?.map(
            (e) => e.field,
          ) ?? (err as { code: DomainErrorCode }).code
        );
      }
    };

    it('accepts notice sent today and trims the note', () => {
      expect(
        validateDecision(
          { decision: 'terminate', noticeSentOn: '2026-11-20', note: '  sent by courier ' },
          target,
          '2026-11-20',
        ),
      ).toEqual({ decision: 'terminate', noticeSentOn: '2026-11-20', note: 'sent by courier' });
    });

    it('refuses notice sent in the future, an impossible date, a note over the cap and an unknown decision', () => {
      expect(
        code(() =>
          validateDecision({ decision: 'renew', noticeSentOn: '2026-11-21' }, target, '2026-11-20'),
        ),
      ).toEqual(['noticeSentOn']);
      expect(
        code(() =>
          validateDecision({ decision: 'renew', noticeSentOn: '2026-02-30' }, target, '2026-11-20'),
        ),
      ).toEqual(['noticeSentOn']);
      expect(
        code(() =>
          validateDecision(
            { decision: 'renew', note: 'x'.repeat(DECISION_NOTE_MAX_LENGTH + 1) },
            target,
            '2026-11-20',
          ),
        ),
      ).toEqual(['note']);
      expect(
        code(() => validateDecision({ decision: 'snooze' as 'renew' }, target, '2026-11-20')),
      ).toEqual(['decision']);
    });

    it('refuses a decision for a contract without a notice deadline (conflict)', () => {
      expect(code(() => validateDecision({ decision: 'renew' }, null, '2026-11-20'))).toBe(
        DomainErrorCode.Conflict,
      );
    });
  });
});
