import { formatLocale, t } from '../i18n';
import type { Money } from '../api/types';
import { durationText } from './wording';

// Calendar dates (YYYY-MM-DD) carry no time zone: format them as UTC so a date never shifts by a day.
const dateFmt = new Intl.DateTimeFormat(formatLocale, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  timeZone: 'UTC',
});
const longDateFmt = new Intl.DateTimeFormat(formatLocale, {
  weekday: 'short',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
});
const monthFmt = new Intl.DateTimeFormat(formatLocale, {
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const monthLongFmt = new Intl.DateTimeFormat(formatLocale, {
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const dateTimeFmt = new Intl.DateTimeFormat(formatLocale, {
  dateStyle: 'medium',
  timeStyle: 'short',
});
const numberFmt = new Intl.NumberFormat(formatLocale);

export function parseIsoDate(value: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.getUTCMonth() === Number(m[2]) - 1 ? d : null;
}

export function toIsoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

// The tenant's time zone, once the session knows it: deadlines are counted from the tenant's day (as in the
// e-mails, the calendar feed and the API's deadline list), not from the day wherever this browser is.
let tenantDayFmt: Intl.DateTimeFormat | null = null;

/** Counts "today" in the tenant's time zone from now on (null or an unknown zone: the browser's). */
export function setTenantTimeZone(zone: string | null | undefined): void {
  try {
    tenantDayFmt = zone
      ? new Intl.DateTimeFormat('en-US', {
          timeZone: zone,
          year: 'numeric',
          month: '2-digit',
          day: '2-digit',
        })
      : null;
  } catch {
    tenantDayFmt = null;
  }
}

/** Today as a calendar date in the tenant's time zone (the browser's until the session knows the tenant's). */
export function todayIso(now: Date = new Date()): string {
  if (tenantDayFmt) {
    const parts = tenantDayFmt.formatToParts(now);
    const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
    return `${part('year')}-${part('month')}-${part('day')}`;
  }
  return toIsoDate(new Date(Date.UTC(now.getFullYear(), now.getMonth(), now.getDate())));
}

export function addDaysIso(iso: string, days: number): string {
  const d = parseIsoDate(iso)!;
  d.setUTCDate(d.getUTCDate() + days);
  return toIsoDate(d);
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round(
    (parseIsoDate(toIso)!.getTime() - parseIsoDate(fromIso)!.getTime()) / 86_400_000,
  );
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = parseIsoDate(iso.slice(0, 10));
  return d ? dateFmt.format(d) : iso;
}

export function formatLongDate(iso: string): string {
  const d = parseIsoDate(iso);
  return d ? longDateFmt.format(d) : iso;
}

export function formatMonth(iso: string, long = false): string {
  const d = parseIsoDate(iso.length === 7 ? `${iso}-01` : iso);
  return d ? (long ? monthLongFmt : monthFmt).format(d) : iso;
}

export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : dateTimeFmt.format(d);
}

export function formatNumber(n: number): string {
  return numberFmt.format(n);
}

const moneyFmts = new Map<string, Intl.NumberFormat>();
/** compact: "€48k" for chart axes; whole: no minor units, for headline figures. */
export function formatMoney(m: Money | null | undefined, compact = false, whole = false): string {
  if (!m) return '';
  const key = `${m.currency}:${compact}:${whole}`;
  let fmt = moneyFmts.get(key);
  if (!fmt) {
    try {
      fmt = new Intl.NumberFormat(formatLocale, {
        style: 'currency',
        currency: m.currency,
        minimumFractionDigits: compact || whole ? 0 : undefined,
        maximumFractionDigits: compact || whole ? 0 : 2,
        notation: compact ? 'compact' : 'standard',
      });
    } catch {
      fmt = new Intl.NumberFormat(formatLocale, { maximumFractionDigits: 2 });
    }
    moneyFmts.set(key, fmt);
  }
  return fmt.format(m.amount);
}

export function formatBytes(bytes: number): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'] as const;
  let i = 0;
  let v = bytes;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i++;
  }
  return new Intl.NumberFormat(formatLocale, {
    style: 'unit',
    unit: units[i],
    unitDisplay: i === 0 ? 'long' : 'short',
    maximumFractionDigits: i === 0 ? 0 : 1,
  }).format(v);
}

export function formatPercent(fraction: number): string {
  return new Intl.NumberFormat(formatLocale, { style: 'percent', maximumFractionDigits: 0 }).format(
    fraction,
  );
}

export type DurationUnit = 'D' | 'W' | 'M' | 'Y';
export interface SimpleDuration {
  count: number;
  unit: DurationUnit;
}

/** Parses the single-unit ISO durations the API uses (P30D, P3M, P1Y, P2W). */
export function parseDuration(value: string | null | undefined): SimpleDuration | null {
  if (!value) return null;
  const m = /^P(\d+)([DWMY])$/.exec(value);
  return m ? { count: Number(m[1]), unit: m[2] as DurationUnit } : null;
}

/** A duration in words in the UI language ("120 days", "1 year 6 months"), never `P120D`. */
export function formatDuration(value: string | null | undefined): string {
  if (!value) return '';
  return durationText(value) || value;
}

/** "in 12 days" / "today" / "3 days ago" relative to today. */
export function formatRelativeDays(iso: string): string {
  const n = daysBetween(todayIso(), iso);
  if (n === 0) return t('deadlines.today');
  return n > 0 ? t('deadlines.inDays', { count: n }) : t('deadlines.overdue', { count: -n });
}

/** Years in a duration, for annualising a stated contract value. */
export function durationYears(value: string | null | undefined): number | null {
  const d = parseDuration(value);
  if (!d) return null;
  switch (d.unit) {
    case 'D':
      return d.count / 365;
    case 'W':
      return (d.count * 7) / 365;
    case 'M':
      return d.count / 12;
    case 'Y':
      return d.count;
  }
}
