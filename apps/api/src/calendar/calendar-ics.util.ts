import { contractHeading, noticeSentence } from '@cb/domain';
import type { CalendarDeadline } from '@cb/persistence';
import ical, { ICalAlarmType } from 'ical-generator';

const LABEL: Record<CalendarDeadline['kind'], string> = {
  notice: 'Notice deadline',
  renewal: 'Renewal',
  expiration: 'Expiration',
  obligation: 'Obligation due',
};

/**
 * A stable UID per deadline: `<kind>-<contractId>[-<obligationId>]@contract-bank`. When a deadline moves, its
 * event keeps the UID, so calendar clients move the event instead of adding a second one.
 */
export function deadlineUid(
  d: Pick<CalendarDeadline, 'kind' | 'contractId' | 'obligationId'>,
): string {
  return `${d.kind}-${d.contractId}${d.obligationId ? `-${d.obligationId}` : ''}@contract-bank`;
}

/** What an event says: "Notice deadline: Acme Oy – Office Lease", and for a notice deadline what it stops. */
export function deadlineEventText(
  d: Pick<
    CalendarDeadline,
    | 'kind'
    | 'date'
    | 'contractTitle'
    | 'counterparty'
    | 'noticeRenewalDate'
    | 'renewalTerm'
    | 'obligationText'
  >,
  url: string,
): { summary: string; description: string } {
  const heading = contractHeading(d.counterparty, d.contractTitle) || d.contractTitle;
  const sentence =
    d.kind === 'notice'
      ? noticeSentence({
          noticeDeadline: d.date,
          noticeRenewalDate: d.noticeRenewalDate,
          renewalTerm: d.renewalTerm,
        })
      : null;
  return {
    summary: `${LABEL[d.kind]}: ${heading}`,
    description: [sentence, d.obligationText, `Open the contract: ${url}`]
      .filter(Boolean)
      .join('\n\n'),
  };
}

/**
 * The iCalendar (RFC 5545) feed: one all-day event per deadline, linking to the contract, each with a display
 * reminder (VALARM) at each of the tenant's alert lead days (alert settings `leadDays`), so the calendar
 * reminds at the same leads as the e-mails. Notice deadlines say what they stop, in the wording of the
 * e-mails and the web UI (noticeSentence), under the "Counterparty – Title" heading (contractHeading).
 */
export function buildDeadlinesIcs(
  deadlines: CalendarDeadline[],
  appUrl: string,
  stamp: Date,
  leadDays: readonly number[] = [],
): string {
  const calendar = ical({
    name: 'Contract Bank deadlines',
    prodId: { company: 'Contract Bank', product: 'deadlines', language: 'EN' },
    ttl: 60 * 60,
  });
  for (const d of deadlines) {
    const url = `${appUrl}/contracts/${d.contractId}`;
    const { summary, description } = deadlineEventText(d, url);
    calendar.createEvent({
      id: deadlineUid(d),
      start: new Date(`${d.date}T00:00:00Z`),
      allDay: true,
      stamp,
      summary,
      description,
      url,
      alarms: [...new Set(leadDays)]
        .filter((days) => Number.isInteger(days) && days > 0)
        .map((days) => ({
          type: ICalAlarmType.display,
          triggerBefore: days * 86_400,
          description: summary,
        })),
    });
  }
  return calendar.toString();
}
