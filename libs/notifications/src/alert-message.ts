import { daysBetween, parseIsoDuration, type DeadlineKind, type IsoDate } from '@cb/domain';

/** What an alert e-mail says; everything comes from the contract as stored when the alert is sent. */
export interface AlertMessageInput {
  kind: DeadlineKind;
  deadline: IsoDate;
  /** The tenant-local date the message is written on, for "in N days". */
  today: IsoDate;
  contractId: string;
  contractTitle: string;
  autoRenewal: boolean | null;
  /** ISO 8601 duration, e.g. P1Y. */
  renewalTerm: string | null;
  noticeDeadline: IsoDate | null;
  nextRenewalDate: IsoDate | null;
  expirationDate: IsoDate | null;
  /** The sentence of the contract the deadline comes from, when known. */
  evidence: string | null;
  obligationText: string | null;
  appUrl: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

const LABEL: Record<DeadlineKind, string> = {
  notice: 'Notice deadline',
  renewal: 'Renewal',
  expiration: 'Expiration',
  obligation: 'Obligation due',
};

/** "P1Y" → "1 year", "P18M" → "18 months", "P2Y6M" → "2 years 6 months"; null when not a duration. */
export function describeDuration(value: string | null): string | null {
  const d = parseIsoDuration(value);
  if (!d) return null;
  const parts: string[] = [];
  const add = (n: number, unit: string) => {
    if (n > 0) parts.push(`${n} ${unit}${n === 1 ? '' : 's'}`);
  };
  add(d.years, 'year');
  add(d.months, 'month');
  add(d.weeks, 'week');
  add(d.days, 'day');
  return parts.length ? parts.join(' ') : null;
}

function when(days: number): string {
  if (days <= 0) return 'today';
  if (days === 1) return 'tomorrow';
  return `in ${days} days`;
}

/** The consequence of doing nothing, e.g. "renews for 1 year on 2027-03-01 unless notice is given by 2027-01-30". */
export function consequence(input: AlertMessageInput): string {
  const term = describeDuration(input.renewalTerm);
  const renewsFor = term ? `renews for ${term}` : 'renews';
  switch (input.kind) {
    case 'notice':
      return input.nextRenewalDate
        ? `If nobody acts, the contract ${renewsFor} on ${input.nextRenewalDate} unless notice is given by ${input.deadline}.`
        : `If nobody acts, the contract renews unless notice is given by ${input.deadline}.`;
    case 'renewal':
      return input.noticeDeadline && input.noticeDeadline >= input.today
        ? `The contract ${renewsFor} on ${input.deadline} unless notice is given by ${input.noticeDeadline}.`
        : `The contract ${renewsFor} on ${input.deadline}.`;
    case 'expiration':
      return input.autoRenewal
        ? `The current term ends on ${input.deadline}.`
        : `The contract expires on ${input.deadline} and does not renew by itself: agree on a new contract before then if the service is still needed.`;
    case 'obligation':
      return input.obligationText
        ? `Due on ${input.deadline}: ${input.obligationText}`
        : `An obligation under the contract is due on ${input.deadline}.`;
  }
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** Subject, text and HTML of one deadline alert. */
export function renderAlertEmail(input: AlertMessageInput): RenderedMail {
  const days = daysBetween(input.today, input.deadline);
  const title = input.contractTitle.replace(/\s+/g, ' ').trim() || 'Untitled contract';
  const subject = `${LABEL[input.kind]} ${when(days)}: ${title}`;
  const what = consequence(input);
  const contractUrl = `${input.appUrl}/contracts/${input.contractId}`;
  const settingsUrl = `${input.appUrl}/settings/alerts`;
  const evidence = input.evidence?.replace(/\s+/g, ' ').trim() || null;

  const text = [
    `${LABEL[input.kind]}: ${input.deadline} (${when(days)})`,
    `Contract: ${title}`,
    '',
    what,
    ...(evidence ? ['', 'From the contract:', `"${evidence}"`] : []),
    '',
    `Open the contract: ${contractUrl}`,
    '',
    `You receive this because you are an alert recipient. Change alert settings: ${settingsUrl}`,
  ].join('\n');

  const html = `<!doctype html>
<html><body style="font-family: sans-serif; line-height: 1.5; color: #1a1a1a">
<h2 style="margin: 0 0 8px">${escapeHtml(LABEL[input.kind])} ${escapeHtml(when(days))}: ${escapeHtml(input.deadline)}</h2>
<p style="margin: 0 0 16px">Contract: <strong>${escapeHtml(title)}</strong></p>
<p>${escapeHtml(what)}</p>
${evidence ? `<p>From the contract:</p>\n<blockquote style="border-left: 3px solid #ccc; margin: 0; padding-left: 12px">${escapeHtml(evidence)}</blockquote>` : ''}
<p><a href="${escapeHtml(contractUrl)}">Open the contract</a></p>
<p style="color: #666; font-size: 12px">You receive this because you are an alert recipient. <a href="${escapeHtml(settingsUrl)}">Change alert settings</a>.</p>
</body></html>`;
  return { subject, text, html };
}
