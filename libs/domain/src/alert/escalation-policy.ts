import { compareDates, daysBetween } from '../contract/calendar-date';
import type { IsoDate } from '../contract/contract-terms.types';
import { alertRecipients } from './alert-policy';

/** The alert log's channel for an escalation (an e-mail to the owners and admins). */
export const ESCALATION_CHANNEL = 'escalation';

/**
 * The unique key of one escalation: one per contract, notice deadline and recipient, whatever day it is
 * recorded on (no lead in the key), so re-run scans and racing workers record it once.
 */
export function escalationKey(input: {
  contractId: string;
  deadline: IsoDate;
  recipient: string;
}): string {
  return [
    'escalation',
    input.contractId,
    'notice',
    input.deadline,
    input.recipient.trim().toLowerCase(),
  ]
    .map((part) => encodeURIComponent(part))
    .join(':');
}

/**
 * Who an escalation goes to: the tenant's owners and admins as they are now (never the configured alert list:
 * a passed deadline with nobody deciding is for the people who run the account), each address once.
 */
export function escalationRecipients(ownersAndAdmins: readonly string[]): string[] {
  return alertRecipients(ownersAndAdmins, []);
}

/**
 * Whether a notice deadline is escalated today: it has passed (before today in the tenant's calendar), no
 * decision answers it and the contract is not ending. The alert log records it with `leadDays` = the days
 * since the deadline, negated (-1: the day after).
 */
export function escalationDue(
  deadline: IsoDate | null,
  decided: boolean,
  endingOn: IsoDate | null,
  today: IsoDate,
): { leadDays: number } | null {
  if (!deadline || decided || endingOn || compareDates(deadline, today) >= 0) return null;
  return { leadDays: daysBetween(today, deadline) };
}
