import { daysBetween, type AlertLanguage, type DeadlineKind, type IsoDate } from '@cb/domain';
import type { RenderedMail } from './alert-message';
import { mailCatalogue } from './mail-catalogue';
import { escapeHtml } from './html.util';

export interface DigestItem {
  contractId: string;
  contractTitle: string;
  kind: DeadlineKind;
  date: IsoDate;
}

/**
 * The weekly digest: every deadline of the next `days` days, soonest first, each with its contract link, in the
 * tenant's alert-settings language (default English).
 */
export function renderDigestEmail(input: {
  today: IsoDate;
  days: number;
  items: DigestItem[];
  appUrl: string;
  language?: AlertLanguage;
}): RenderedMail {
  const words = mailCatalogue(input.language);
  const subject = words.digest.subject(input.days, input.items.length);
  const settingsUrl = `${input.appUrl}/settings/alerts`;
  const line = (i: DigestItem) => {
    const inDays = daysBetween(input.today, i.date);
    return {
      when: `${words.date(i.date)} (${words.digestWhen(inDays)})`,
      what: `${words.kind[i.kind]}: ${i.contractTitle}`,
      url: `${input.appUrl}/contracts/${i.contractId}`,
    };
  };
  const lines = input.items.map(line);
  const text = [
    words.digest.intro(input.days, words.date(input.today)),
    '',
    ...lines.map((l) => `- ${l.when}  ${l.what}\n  ${l.url}`),
    '',
    `${words.changeSettings}: ${settingsUrl}`,
  ].join('\n');
  const rows = lines
    .map(
      (l) =>
        `<tr><td style="padding: 4px 12px 4px 0; white-space: nowrap">${escapeHtml(l.when)}</td><td><a href="${escapeHtml(l.url)}">${escapeHtml(l.what)}</a></td></tr>`,
    )
    .join('\n');
  const html = `<!doctype html>
<html lang="${words.htmlLang}"><body style="font-family: sans-serif; line-height: 1.5; color: #1a1a1a">
<h2 style="margin: 0 0 8px">${escapeHtml(words.digest.heading(input.days))}</h2>
<table style="border-collapse: collapse">
${rows}
</table>
<p style="color: #666; font-size: 12px"><a href="${escapeHtml(settingsUrl)}">${escapeHtml(words.changeSettings)}</a>.</p>
</body></html>`;
  return { subject, text, html };
}
