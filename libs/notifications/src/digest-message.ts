import { daysBetween, type AlertLanguage, type DeadlineKind, type IsoDate } from '@cb/domain';
import type { RenderedMail } from './alert-message';
import { mailCatalogue } from './mail-catalogue';
import { escapeHtml } from './html.util';

export interface DigestItem {
  contractId: string;
  contractTitle: string;
  kind: DeadlineKind;
  date: IsoDate;
  /** A notice deadline that passed with no decision (listed first, under its own heading). */
  undecided?: boolean;
}

/**
 * The weekly digest: every deadline of the next `days` days, in the order given (the digest policy's: undecided
 * notice deadlines that passed first, under their own heading when there are any), each with its contract link, in the
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
  const undecided = input.items.filter((i) => i.undecided).length;
  const subject =
    words.digest.subject(input.days, input.items.length) +
    (undecided ? words.digest.subjectUndecided(undecided) : '');
  const settingsUrl = `${input.appUrl}/settings/alerts`;
  const line = (i: DigestItem) => {
    const inDays = daysBetween(input.today, i.date);
    const when = inDays < 0 ? words.digest.passed(-inDays) : words.digestWhen(inDays);
    return {
      when: `${words.date(i.date)} (${when})`,
      what: `${words.kind[i.kind]}: ${i.contractTitle}`,
      url: `${input.appUrl}/contracts/${i.contractId}`,
    };
  };
  const lines = input.items.map(line);
  // Headings only when something waits for a decision; otherwise the one list as before.
  const sections = undecided
    ? [
        { heading: words.digest.undecidedHeading, lines: lines.slice(0, undecided) },
        { heading: words.digest.otherHeading, lines: lines.slice(undecided) },
      ].filter((x) => x.lines.length > 0)
    : [{ heading: null, lines }];
  const text = [
    words.digest.intro(input.days, words.date(input.today)),
    ...sections.flatMap((x) => [
      '',
      ...(x.heading ? [x.heading] : []),
      ...x.lines.map((l) => `- ${l.when}  ${l.what}\n  ${l.url}`),
    ]),
    '',
    `${words.changeSettings}: ${settingsUrl}`,
  ].join('\n');
  const row = (l: (typeof lines)[number]) =>
    `<tr><td style="padding: 4px 12px 4px 0; white-space: nowrap">${escapeHtml(l.when)}</td><td><a href="${escapeHtml(l.url)}">${escapeHtml(l.what)}</a></td></tr>`;
  const rows = sections
    .flatMap((x) => [
      ...(x.heading
        ? [
            `<tr><th colspan="2" style="text-align: left; padding: 12px 0 4px">${escapeHtml(x.heading)}</th></tr>`,
          ]
        : []),
      ...x.lines.map(row),
    ])
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
