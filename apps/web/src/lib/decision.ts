import type { components } from '../api/schema';
import type { Contract } from '../api/types';
import { t } from '../i18n';
import { parseIsoDate } from './format';

/** A decision on a notice deadline, as the contract carries it. */
export type ContractDecision = NonNullable<Contract['decision']>;
export type DecisionChoice = ContractDecision['decision'];
/** The body of PUT /v1/contracts/:id/decision. */
export type DecideDeadline = components['schemas']['DecideDeadlineDto'];

export const DECISION_CHOICES: readonly DecisionChoice[] = ['renew', 'terminate', 'renegotiate'];
/** The API's limit on a decision's note. */
export const NOTE_MAX_LENGTH = 2000;

/** The decision form as typed: plain strings. */
export interface DecisionDraft {
  decision: DecisionChoice | '';
  noticeSentOn: string;
  note: string;
}

export type DecisionErrors = Partial<Record<keyof DecisionDraft, string>>;

/**
 * Checks the form before anything is sent (the API checks again, against the tenant's today): a decision is
 * chosen, "notice sent on" is a real date not after `today`, the note fits. Empty optional fields are left out.
 */
export function decisionBody(
  draft: DecisionDraft,
  today: string,
): { body: DecideDeadline } | { errors: DecisionErrors } {
  const errors: DecisionErrors = {};
  if (!draft.decision) errors.decision = t('decision.chooseOne');
  const sentOn = draft.noticeSentOn.trim();
  if (sentOn && !parseIsoDate(sentOn)) errors.noticeSentOn = t('decision.invalidDate');
  else if (sentOn && sentOn > today) errors.noticeSentOn = t('decision.futureDate');
  const note = draft.note.trim();
  if (note.length > NOTE_MAX_LENGTH) errors.note = t('decision.noteTooLong');
  if (Object.keys(errors).length || !draft.decision) return { errors };
  return {
    body: {
      decision: draft.decision,
      ...(sentOn ? { noticeSentOn: sentOn } : {}),
      ...(note ? { note } : {}),
    },
  };
}

/** Whether the contract ends for good: notice of termination was sent (deadlines.endingOn). */
export function isEnding(c: Pick<Contract, 'deadlines'>): boolean {
  return Boolean(c.deadlines?.endingOn);
}

/** Whether there is something to decide: a current notice deadline or a decision already recorded. */
export function hasDecisionToMake(c: Pick<Contract, 'deadlines' | 'decision'>): boolean {
  return Boolean(c.decision) || Boolean(c.deadlines?.noticeDeadline);
}
