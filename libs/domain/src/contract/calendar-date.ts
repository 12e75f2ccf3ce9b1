import { ValidationError } from '../common/domain.error';
import type { IsoDate, IsoDuration } from './contract-terms.types';

// Calendar dates are handled as plain y/m/d numbers and a day count (days since 1970-01-01),
// never as `Date` objects, so no host time zone or DST shift can move a day.

/** A calendar date split into numbers; `month` is 1-12. */
export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

/** The parts of a calendar ISO 8601 duration (`P1Y6M`, `P2W`, `P90D`); no time part. */
export interface DurationParts {
  years: number;
  months: number;
  weeks: number;
  days: number;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_DURATION = /^P(?:(\d{1,6})Y)?(?:(\d{1,6})M)?(?:(\d{1,6})W)?(?:(\d{1,6})D)?$/;
const MIN_YEAR = 1;
const MAX_YEAR = 9999;

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Parses a strict `YYYY-MM-DD` (years 0001-9999); `null` for anything else, including 2023-02-29. */
export function parseIsoDate(value: unknown): CalendarDate | null {
  if (typeof value !== 'string') return null;
  const match = ISO_DATE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR || month < 1 || month > 12 || day < 1) return null;
  if (day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function isValidIsoDate(value: unknown): value is IsoDate {
  return parseIsoDate(value) !== null;
}

/** Formats a calendar date; throws a ValidationError outside the years 0001-9999. */
export function formatIsoDate({ year, month, day }: CalendarDate): IsoDate {
  if (year < MIN_YEAR || year > MAX_YEAR) {
    throw new ValidationError(`date out of range: year ${year}`);
  }
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

function requireDate(value: IsoDate, field = 'date'): CalendarDate {
  const parsed = parseIsoDate(value);
  if (!parsed)
    throw new ValidationError(`invalid ${field}: ${String(value)}`, [
      { field, message: 'must be YYYY-MM-DD' },
    ]);
  return parsed;
}

// Days since 1970-01-01 in the proleptic Gregorian calendar (H. Hinnant's days_from_civil).
function toDayNumber({ year, month, day }: CalendarDate): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const mp = (month + 9) % 12;
  const doy = Math.floor((153 * mp + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

function fromDayNumber(dayNumber: number): CalendarDate {
  const z = dayNumber + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  return { year: yoe + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** Adds (or with a negative `days`, subtracts) whole days. */
export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isSafeInteger(days)) throw new ValidationError(`days must be an integer: ${days}`);
  return formatIsoDate(fromDayNumber(toDayNumber(requireDate(date)) + days));
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return toDayNumber(requireDate(to, 'to')) - toDayNumber(requireDate(from, 'from'));
}

/** -1, 0 or 1, like a sort comparator. */
export function compareDates(a: IsoDate, b: IsoDate): -1 | 0 | 1 {
  const d = daysBetween(b, a);
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) <= 0 ? a : b;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}

/**
 * Parses a calendar ISO 8601 duration: any of Y, M, W, D in that order (`P3Y`, `P6M`, `P90D`, `P2W`, `P1Y6M`),
 * non-negative integers only, no time part (`PT24H` is refused: contract terms are in days or longer).
 * Returns `null` when invalid.
 */
export function parseIsoDuration(value: unknown): DurationParts | null {
  if (typeof value !== 'string') return null;
  const match = ISO_DURATION.exec(value);
  if (!match || value === 'P') return null;
  const [, y, m, w, d] = match;
  return {
    years: Number(y ?? 0),
    months: Number(m ?? 0),
    weeks: Number(w ?? 0),
    days: Number(d ?? 0),
  };
}

/** A unit a duration is said in, in words. */
export type DurationUnit = 'year' | 'month' | 'week' | 'day';

/**
 * The non-zero parts of a duration, largest unit first, for saying it in words in any language:
 * `P1Y6M` → [[1, 'year'], [6, 'month']], `P120D` → [[120, 'day']]; `[]` when not a duration or zero.
 */
export function durationInUnits(value: unknown): Array<[number, DurationUnit]> {
  const d = parseIsoDuration(value);
  if (!d) return [];
  const parts: Array<[number, DurationUnit]> = [
    [d.years, 'year'],
    [d.months, 'month'],
    [d.weeks, 'week'],
    [d.days, 'day'],
  ];
  return parts.filter(([n]) => n > 0);
}

export function isValidIsoDuration(value: unknown): value is IsoDuration {
  return parseIsoDuration(value) !== null;
}

/** `true` for `P0D`, `P0Y0M` and the like. */
export function isZeroDuration(duration: DurationParts): boolean {
  return (
    duration.years === 0 && duration.months === 0 && duration.weeks === 0 && duration.days === 0
  );
}

function requireDuration(value: IsoDuration | DurationParts): DurationParts {
  if (typeof value !== 'string') return value;
  const parsed = parseIsoDuration(value);
  if (!parsed) {
    throw new ValidationError(`invalid duration: ${String(value)}`, [
      { field: 'duration', message: 'must be an ISO 8601 duration such as P1Y, P3M, P30D' },
    ]);
  }
  return parsed;
}

function addMonthsClamped(date: CalendarDate, months: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  if (year < MIN_YEAR || year > MAX_YEAR)
    throw new ValidationError(`date out of range: year ${year}`);
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/**
 * `date` + `times` × `duration`. Years and months are added first, all at once, clamping to the end of the
 * month (2024-01-31 + P1M = 2024-02-29, 2023-01-31 + P1M = 2023-02-28); then weeks and days.
 * Because `times` is applied in one step, `addDuration(d, 'P1M', 3)` from the 31st lands on a month's last day
 * rather than drifting to the 28th. Throws a ValidationError for invalid input or a result outside 0001-9999.
 */
export function addDuration(
  date: IsoDate,
  duration: IsoDuration | DurationParts,
  times = 1,
): IsoDate {
  if (!Number.isSafeInteger(times)) throw new ValidationError(`times must be an integer: ${times}`);
  const parts = requireDuration(duration);
  const start = requireDate(date);
  const months = (parts.years * 12 + parts.months) * times;
  const days = (parts.weeks * 7 + parts.days) * times;
  const shifted = months === 0 ? start : addMonthsClamped(start, months);
  return formatIsoDate(fromDayNumber(toDayNumber(shifted) + days));
}

/** `date` − `times` × `duration`, with the same month-end clamping as addDuration (2024-03-31 − P1M = 2024-02-29). */
export function subtractDuration(
  date: IsoDate,
  duration: IsoDuration | DurationParts,
  times = 1,
): IsoDate {
  return addDuration(date, duration, -times);
}

/** Sums durations component-wise (`P1Y` + 2 × `P6M` = 1 year 12 months). */
export function sumDurations(
  ...terms: Array<{ duration: DurationParts; times?: number }>
): DurationParts {
  return terms.reduce<DurationParts>(
    (acc, { duration, times = 1 }) => ({
      years: acc.years + duration.years * times,
      months: acc.months + duration.months * times,
      weeks: acc.weeks + duration.weeks * times,
      days: acc.days + duration.days * times,
    }),
    { years: 0, months: 0, weeks: 0, days: 0 },
  );
}

/**
 * The day formatter of each time zone seen so far. Building an Intl.DateTimeFormat costs far more than using one
 * (about 0.1 ms, on every request that asks for a tenant's today): each valid zone's is built once. Bounded, since
 * the names are case-insensitive and a caller could spell one many ways.
 */
const dayFormatters = new Map<string, Intl.DateTimeFormat>();
const MAX_DAY_FORMATTERS = 1000;

/** The formatter of `timeZone`'s calendar date, or null when the zone is not one this runtime knows. */
function dayFormatter(timeZone: string): Intl.DateTimeFormat | null {
  const cached = dayFormatters.get(timeZone);
  if (cached) return cached;
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      calendar: 'gregory',
      numberingSystem: 'latn',
    });
  } catch {
    return null;
  }
  if (dayFormatters.size >= MAX_DAY_FORMATTERS) dayFormatters.clear();
  dayFormatters.set(timeZone, format);
  return format;
}

/** `true` when `timeZone` is an IANA zone name that this runtime knows (`Europe/Helsinki`, `UTC`). */
export function isValidTimeZone(timeZone: unknown): timeZone is string {
  // Names only: newer runtimes also accept offsets like "+02:00", which have no DST rules and are not IANA zones.
  if (typeof timeZone !== 'string' || !/^[A-Za-z]/.test(timeZone)) return false;
  return dayFormatter(timeZone) !== null;
}

/** The calendar date at instant `now` in `timeZone` (e.g. 2026-01-01T22:30Z is 2026-01-02 in Europe/Helsinki). */
export function todayInTimeZone(timeZone: string, now: Date): IsoDate {
  const format = isValidTimeZone(timeZone) ? dayFormatter(timeZone) : null;
  if (!format) {
    throw new ValidationError(`invalid time zone: ${timeZone}`, [
      { field: 'timezone', message: 'must be an IANA time zone' },
    ]);
  }
  if (Number.isNaN(now.getTime())) throw new ValidationError('invalid instant');
  const parts = format.formatToParts(now);
  const get = (type: Intl.DateTimeFormatPartTypes): number =>
    Number(parts.find((p) => p.type === type)?.value);
  return formatIsoDate({ year: get('year'), month: get('month'), day: get('day') });
}
