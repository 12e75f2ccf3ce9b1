import { decisionBody, hasDecisionToMake, isEnding, type DecisionDraft } from './decision';

const draft = (d: Partial<DecisionDraft>): DecisionDraft => ({
  decision: '',
  noticeSentOn: '',
  note: '',
  ...d,
});
const TODAY = '2026-12-02';

describe('decisionBody: the decision form checked before it is sent', () => {
  it('sends only what was filled in, the note trimmed', () => {
    expect(decisionBody(draft({ decision: 'renew' }), TODAY)).toEqual({
      body: { decision: 'renew' },
    });
    expect(
      decisionBody(
        draft({ decision: 'terminate', noticeSentOn: '2026-12-02', note: '  By registered mail ' }),
        TODAY,
      ),
    ).toEqual({
      body: { decision: 'terminate', noticeSentOn: '2026-12-02', note: 'By registered mail' },
    });
  });

  it('names each field that is wrong', () => {
    expect(decisionBody(draft({}), TODAY)).toEqual({
      errors: { decision: 'Choose renew, terminate or renegotiate.' },
    });
    expect(
      decisionBody(draft({ decision: 'terminate', noticeSentOn: '2026-02-30' }), TODAY),
    ).toEqual({ errors: { noticeSentOn: 'Enter a real calendar date.' } });
    expect(
      decisionBody(draft({ decision: 'terminate', noticeSentOn: '2026-12-03' }), TODAY),
    ).toEqual({ errors: { noticeSentOn: 'Notice cannot have been sent after today.' } });
    expect(decisionBody(draft({ decision: 'renew', note: 'x'.repeat(2001) }), TODAY)).toEqual({
      errors: { note: 'The note can have at most 2,000 characters.' },
    });
    expect(decisionBody(draft({ decision: 'renew', note: 'x'.repeat(2000) }), TODAY)).toEqual({
      body: { decision: 'renew', note: 'x'.repeat(2000) },
    });
  });
});

describe('what the contract page offers', () => {
  const deadlines = {
    noticeDeadline: null,
    nextRenewalDate: null,
    expirationDate: '2026-12-31',
    noticeRenewalDate: null,
    endingOn: null,
  };
  it('a decision to make while there is a notice deadline or a decision to show', () => {
    expect(hasDecisionToMake({ deadlines, decision: null })).toBe(false);
    expect(
      hasDecisionToMake({
        deadlines: { ...deadlines, noticeDeadline: '2027-01-30' },
        decision: null,
      }),
    ).toBe(true);
    expect(
      hasDecisionToMake({
        deadlines,
        decision: {
          decision: 'terminate',
          noticeSentOn: '2026-09-15',
          note: null,
          decidedBy: { type: 'user', id: null, name: 'Aino' },
          decidedAt: '2026-09-15T10:00:00Z',
          deadline: '2026-09-30',
        },
      }),
    ).toBe(true);
  });
  it('ending once notice of termination was sent', () => {
    expect(isEnding({ deadlines })).toBe(false);
    expect(isEnding({ deadlines: { ...deadlines, endingOn: '2026-12-31' } })).toBe(true);
  });
});
