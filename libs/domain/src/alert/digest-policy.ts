import { addDays, compareDates } from '../contract/calendar-date';
import type { IsoDate } from '../contract/contract-terms.types';

/** The weekly digest lists the deadlines of this many days ahead. */
export const DIGEST_DAYS = 30;
/** At most this many deadlines in one digest (the rest are a click away in the app). */
export const DIGEST_MAX_ITEMS = 200;

/** Monday of the ISO week that contains `date`: a digest is recorded once per recipient and week. */
export function weekStart(date: IsoDate): IsoDate {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/**
 * The digest policy. A tenant's first alert run of a week records one digest per recipient, but only when the
 * tenant has a deadline in the next DIGEST_DAYS days; a missed Monday is caught up later that week (the week,
 * not the day, is the key). The list is made when the digest is sent, from the later of the week's start and
 * the day of sending, so a late digest never lists what has already passed.
 */
export function digestToRecord(today: IsoDate): { week: IsoDate; from: IsoDate; to: IsoDate } {
  return { week: weekStart(today), from: today, to: addDays(today, DIGEST_DAYS) };
}

export function digestRange(today: IsoDate, week: IsoDate): { from: IsoDate; to: IsoDate } {
  const from = compareDates(today, week) > 0 ? today : week;
  return { from, to: addDays(from, DIGEST_DAYS) };
}

/** A deadline as the digest lists it. */
export interface DigestCandidate {
  contractId: string;
  contractTitle: string;
  kind: 'notice' | 'renewal' | 'expiration' | 'obligation';
  date: IsoDate;
}

/** A digest line: `undecided` for a notice deadline that passed with no decision. */
export type DigestLine = DigestCandidate & { undecided: boolean };

/**
 * The digest's order: undecided deadlines first (the notice deadlines that passed with no decision, the
 * ?undecided=true list, oldest first), then the coming deadlines of the digest's range by date. At most
 * DIGEST_MAX_ITEMS lines, undecided ones kept first.
 */
export function digestLines(
  undecidedPassed: readonly DigestCandidate[],
  upcoming: readonly DigestCandidate[],
): DigestLine[] {
  const byDate = (a: { date: IsoDate }, b: { date: IsoDate }) => compareDates(a.date, b.date);
  const line = (d: DigestCandidate, undecided: boolean): DigestLine => ({
    contractId: d.contractId,
    contractTitle: d.contractTitle,
    kind: d.kind,
    date: d.date,
    undecided,
  });
  return [
    ...[...undecidedPassed].sort(byDate).map((d) => line(d, true)),
    ...[...upcoming].sort(byDate).map((d) => line(d, false)),
  ].slice(0, DIGEST_MAX_ITEMS);
}
