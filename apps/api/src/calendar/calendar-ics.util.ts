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

/**
 * The iCalendar (RFC 5545) feed: one all-day event per deadline, linking to the contract, each with a display
 * reminder (VALARM) at each of the tenant's alert lead days (alert settings `leadDays`), so the calendar
 * reminds at the same leads as the e-mails.
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
    const summary = `${LABEL[d.kind]}: ${d.contractTitle}`;
    calendar.createEvent({
      id: deadlineUid(d),
      start: new Date(`${d.date}T00:00:00Z`),
      allDay: true,
      stamp,
      summary,
      description: [d.obligationText, `Open the contract: ${url}`].filter(Boolean).join('\n\n'),
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
