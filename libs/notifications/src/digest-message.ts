import { daysBetween, type DeadlineKind, type IsoDate } from '@cb/domain';
import type { RenderedMail } from './alert-message';

export interface DigestItem {
  contractId: string;
  contractTitle: string;
  kind: DeadlineKind;
  date: IsoDate;
}

const KIND: Record<DeadlineKind, string> = {
  notice: 'Notice deadline',
  renewal: 'Renewal',
  expiration: 'Expiration',
  obligation: 'Obligation due',
};

function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);
}

/** The weekly digest: every deadline of the next `days` days, soonest first, each with its contract link. */
export function renderDigestEmail(input: { today: IsoDate; days: number; items: DigestItem[]; appUrl: string }): RenderedMail {
  const n = input.items.length;
  const subject = `Deadlines in the next ${input.days} days: ${n} ${n === 1 ? 'deadline' : 'deadlines'}`;
  const settingsUrl = `${input.appUrl}/settings/alerts`;
  const line = (i: DigestItem) => {
    const inDays = daysBetween(input.today, i.date);
    return { when: `${i.date} (${inDays === 0 ? 'today' : `in ${inDays} days`})`, what: `${KIND[i.kind]}: ${i.contractTitle}`, url: `${input.appUrl}/contracts/${i.contractId}` };
  };
  const lines = input.items.map(line);
  const text = [
    `Your deadlines for the next ${input.days} days (from ${input.today}):`,
    '',
    ...lines.map((l) => `- ${l.when}  ${l.what}\n  ${l.url}`),
    '',
    `Change alert settings: ${settingsUrl}`,
  ].join('\n');
  const rows = lines
    .map((l) => `<tr><td style="padding: 4px 12px 4px 0; white-space: nowrap">${escapeHtml(l.when)}</td><td><a href="${escapeHtml(l.url)}">${escapeHtml(l.what)}</a></td></tr>`)
    .join('\n');
  const html = `<!doctype html>
<html><body style="font-family: sans-serif; line-height: 1.5; color: #1a1a1a">
<h2 style="margin: 0 0 8px">Your deadlines for the next ${input.days} days</h2>
<table style="border-collapse: collapse">
${rows}
</table>
<p style="color: #666; font-size: 12px"><a href="${escapeHtml(settingsUrl)}">Change alert settings</a>.</p>
</body></html>`;
  return { subject, text, html };
}
