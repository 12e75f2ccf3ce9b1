import { ValidationError, type FieldError } from '../common/domain.error';
import { addDays, compareDates, isValidIsoDate, isValidTimeZone } from '../contract/calendar-date';
import type { IsoDate } from '../contract/contract-terms.types';
import type { DeadlineKind } from '../contract/deadlines';
import { DEFAULT_TENANT_TIMEZONE } from '../tenancy/tenant-calendar';
import { DIGEST_DAYS } from './digest-policy';

export type AlertChannel = 'email' | 'webhook';

export interface AlertSettings {
  /** Days before a deadline to alert, e.g. [90, 30, 7]. Stored sorted descending, unique. */
  leadDays: number[];
  /** IANA time zone in which "today" is reckoned for the tenant. */
  timezone: string;
}

/**
 * Defaults for a new tenant: alerts 90, 30 and 7 days ahead (a quarter, a month and a week: enough to budget,
 * negotiate and act), with "today" in Europe/Helsinki, the home market. Recipients default to owners and
 * admins, resolved at send time, so they are not part of these settings.
 */
export const DEFAULT_ALERT_SETTINGS: Readonly<AlertSettings> = Object.freeze({
  leadDays: [90, 30, 7],
  timezone: DEFAULT_TENANT_TIMEZONE,
});

export const MAX_LEAD_DAYS = 365;
export const MAX_LEADS = 10;

/**
 * The lead (in days) to alert for today, or `null`. A lead L is due when D − L ≤ today ≤ D; when several are due
 * (e.g. the 90-day alert was missed while the service was down), only the nearest, smallest L, is sent, so one
 * deadline never produces a burst. The same lead stays due on later days, which lets a missed run catch up;
 * the alert log's unique key (alertKey) keeps it to one send. Invalid leads are ignored; bad dates give `null`.
 */
export function dueAlertLead(
  deadline: IsoDate,
  leads: readonly number[],
  today: IsoDate,
): number | null {
  if (!isValidIsoDate(deadline) || !isValidIsoDate(today)) return null;
  if (compareDates(today, deadline) > 0) return null;
  let due: number | null = null;
  for (const lead of leads) {
    if (!Number.isInteger(lead) || lead < 0 || lead > MAX_LEAD_DAYS) continue;
    if (compareDates(today, addDays(deadline, -lead)) >= 0 && (due === null || lead < due))
      due = lead;
  }
  return due;
}

export interface AlertKeyInput {
  contractId: string;
  kind: DeadlineKind;
  deadline: IsoDate;
  leadDays: number;
  channel: AlertChannel;
  /** E-mail address or webhook endpoint id. */
  recipient: string;
  /** Needed for obligation deadlines: two obligations of one contract may fall on the same day. */
  obligationId?: string | null;
}

/**
 * A stable unique key for one alert send: the same deadline, lead, channel and recipient give the same key,
 * so a retried or re-run scan cannot send twice. A changed deadline (a person's correction) gives a new key.
 * E-mail recipients compare case-insensitively; each part is URI-encoded so no value can forge a separator.
 */
export function alertKey(input: AlertKeyInput): string {
  const recipient =
    input.channel === 'email' ? input.recipient.trim().toLowerCase() : input.recipient;
  return [
    'alert',
    input.contractId,
    input.kind,
    input.obligationId ?? '-',
    input.deadline,
    String(input.leadDays),
    input.channel,
    recipient,
  ]
    .map((part) => encodeURIComponent(part))
    .join(':');
}

/**
 * Who receives a tenant's alerts: its configured list, or, when that is empty, its owners and admins as they
 * are now. Addresses compare case-insensitively; each appears once.
 */
export function alertRecipients(
  configured: readonly string[] | null | undefined,
  ownersAndAdmins: readonly string[],
): string[] {
  const source = configured && configured.length > 0 ? configured : ownersAndAdmins;
  const seen = new Set<string>();
  const out: string[] = [];
  for (const address of source) {
    const key = address.trim().toLowerCase();
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(address.trim());
  }
  return out;
}

/** Whether an alert recorded for `recipient` may still be sent: they are still among `recipients`. */
export function isStillRecipient(recipient: string, recipients: readonly string[]): boolean {
  const key = recipient.trim().toLowerCase();
  return recipients.some((r) => r.trim().toLowerCase() === key);
}

/**
 * The range of deadlines that can have an alert due today: from today to today + maxLead (inclusive).
 * Query deadlines with `from <= date <= to`, then ask dueAlertLead for each.
 */
export function scanWindowStart(today: IsoDate, maxLead: number): { from: IsoDate; to: IsoDate } {
  if (!Number.isInteger(maxLead) || maxLead < 0)
    throw new ValidationError(`invalid lead: ${maxLead}`);
  return { from: today, to: addDays(today, maxLead) };
}

/** A tenant's leads: its stored ones, or the defaults when it never chose any. */
export function tenantLeadDays(stored: readonly number[] | null | undefined): number[] {
  return stored && stored.length > 0 ? [...stored] : [...DEFAULT_ALERT_SETTINGS.leadDays];
}

/**
 * The deadlines a tenant's alert run looks at today: wide enough for its largest lead and for the weekly
 * digest of the next DIGEST_DAYS days.
 */
export function alertRunWindow(
  today: IsoDate,
  leads: readonly number[],
): { from: IsoDate; to: IsoDate } {
  return scanWindowStart(today, Math.max(...leads, DIGEST_DAYS));
}

/**
 * Validates tenant alert settings and returns them normalised (leads sorted descending). Leads: 1 to 10
 * unique integers from 1 to 365; timezone: an IANA zone. Throws a ValidationError naming every bad field.
 */
export function validateAlertSettings(input: {
  leadDays: unknown;
  timezone: unknown;
}): AlertSettings {
  const errors: FieldError[] = [];
  const leads = input.leadDays;
  if (!Array.isArray(leads) || leads.length === 0) {
    errors.push({ field: 'leadDays', message: 'must be a non-empty list of days' });
  } else {
    if (leads.length > MAX_LEADS)
      errors.push({ field: 'leadDays', message: `at most ${MAX_LEADS} values` });
    leads.forEach((lead: unknown, i) => {
      if (typeof lead !== 'number' || !Number.isInteger(lead) || lead < 1 || lead > MAX_LEAD_DAYS) {
        errors.push({
          field: `leadDays[${i}]`,
          message: `must be an integer from 1 to ${MAX_LEAD_DAYS}`,
        });
      } else if (leads.indexOf(lead) !== i) {
        errors.push({ field: `leadDays[${i}]`, message: `duplicate value ${lead}` });
      }
    });
  }
  if (!isValidTimeZone(input.timezone)) {
    errors.push({
      field: 'timezone',
      message: 'must be an IANA time zone such as Europe/Helsinki',
    });
  }
  if (errors.length > 0) throw new ValidationError('invalid alert settings', errors);
  return {
    leadDays: [...(leads as number[])].sort((a, b) => b - a),
    timezone: input.timezone as string,
  };
}
