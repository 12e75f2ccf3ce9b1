import { isValidTimeZone, todayInTimeZone } from '../contract/calendar-date';
import type { IsoDate } from '../contract/contract-terms.types';

/** A tenant that never chose a time zone lives in Europe/Helsinki, the home market. */
export const DEFAULT_TENANT_TIMEZONE = 'Europe/Helsinki';

/** The tenant's time zone: the one it stored (alert settings) when it is a valid IANA zone, else the default. */
export function tenantTimeZone(stored: string | null | undefined): string {
  return stored && isValidTimeZone(stored) ? stored : DEFAULT_TENANT_TIMEZONE;
}

/**
 * "Today" for a tenant: the calendar date at `now` in the tenant's own time zone. The one definition used for
 * deadlines, the current term, alert leads, digests, the deadline list and the calendar feed, so that a
 * tenant in Auckland and one in Los Angeles each see their own day, whatever the server's clock says.
 */
export function tenantToday(storedTimeZone: string | null | undefined, now: Date): IsoDate {
  return todayInTimeZone(tenantTimeZone(storedTimeZone), now);
}

/**
 * The latest "today" of any tenant at `now`: no time zone is ahead of UTC+14 (Pacific/Kiritimati). A deadline
 * before it may have passed for some tenant; one on or after it has passed for none.
 */
export function latestToday(now: Date): IsoDate {
  return todayInTimeZone('Pacific/Kiritimati', now);
}
