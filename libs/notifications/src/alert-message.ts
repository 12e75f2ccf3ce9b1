import {
  daysBetween,
  durationInUnits,
  type AlertLanguage,
  type DeadlineKind,
  type IsoDate,
} from '@cb/domain';
import { mailCatalogue } from './mail-catalogue';
import { escapeHtml } from './html.util';

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
  /**
   * The renewal the notice deadline stops (deadlines.noticeRenewalDate): later than nextRenewalDate once that
   * renewal can no longer be stopped. Absent: nextRenewalDate.
   */
  noticeRenewalDate?: IsoDate | null;
  expirationDate: IsoDate | null;
  /** The sentence of the contract the deadline comes from, when known. */
  evidence: string | null;
  obligationText: string | null;
  appUrl: string;
  /** The tenant's alert-settings language; default English. */
  language?: AlertLanguage;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

/**
 * "P1Y" → "1 year", "P18M" → "18 months", "P2Y6M" → "2 years 6 months" (fi "2 vuotta ja 6 kuukautta",
 * sv "2 år och 6 månader"); null when not a duration.
 */
export function describeDuration(
  value: string | null,
  language: AlertLanguage = 'en',
): string | null {
  const words = mailCatalogue(language);
  const parts = durationInUnits(value).map(([n, unit]) => words.unit(n, unit));
  return parts.length ? words.joinDuration(parts) : null;
}

/**
 * The consequence of doing nothing, e.g. "renews for 1 year on 2027-03-01 unless notice is given by 2027-01-30",
 * in the input's language. Obligation text stays as written in the contract.
 */
export function consequence(input: AlertMessageInput): string {
  const words = mailCatalogue(input.language);
  const say = words.consequence;
  const term = describeDuration(input.renewalTerm, input.language);
  const deadline = words.date(input.deadline);
  switch (input.kind) {
    case 'notice': {
      // Never pair the deadline with a renewal it can no longer stop (a monthly contract past this month's).
      const stops = input.noticeRenewalDate ?? input.nextRenewalDate;
      return stops
        ? say.noticeRenews(term, words.date(stops), deadline)
        : say.noticeNoRenewalDate(deadline);
    }
    case 'renewal': {
      // The notice deadline applies to this renewal only when it is the one the deadline stops.
      const stoppable =
        input.noticeDeadline &&
        input.noticeDeadline >= input.today &&
        (input.noticeRenewalDate == null || input.noticeRenewalDate === input.deadline);
      return stoppable && input.noticeDeadline
        ? say.renewalUnlessNotice(term, deadline, words.date(input.noticeDeadline))
        : say.renewal(term, deadline);
    }
    case 'expiration':
      return input.autoRenewal ? say.termEnds(deadline) : say.expiresForGood(deadline);
    case 'obligation':
      return input.obligationText
        ? say.obligationWithText(deadline, input.obligationText)
        : say.obligation(deadline);
  }
}

/** Subject, text and HTML of one deadline alert, in the input's language (default English). */
export function renderAlertEmail(input: AlertMessageInput): RenderedMail {
  const words = mailCatalogue(input.language);
  const days = daysBetween(input.today, input.deadline);
  const title = input.contractTitle.replace(/\s+/g, ' ').trim() || words.untitled;
  const label = words.kind[input.kind];
  const when = words.when(days);
  const deadline = words.date(input.deadline);
  const subject = `${label} ${when}: ${title}`;
  const what = consequence(input);
  const contractUrl = `${input.appUrl}/contracts/${input.contractId}`;
  const settingsUrl = `${input.appUrl}/settings/alerts`;
  const evidence = input.evidence?.replace(/\s+/g, ' ').trim() || null;

  const text = [
    `${label}: ${deadline} (${when})`,
    `${words.alert.contract}: ${title}`,
    '',
    what,
    ...(evidence ? ['', words.alert.fromContract, `"${evidence}"`] : []),
    '',
    `${words.alert.openContract}: ${contractUrl}`,
    '',
    `${words.alert.whyYouGetThis} ${words.changeSettings}: ${settingsUrl}`,
  ].join('\n');

  const html = `<!doctype html>
<html lang="${words.htmlLang}"><body style="font-family: sans-serif; line-height: 1.5; color: #1a1a1a">
<h2 style="margin: 0 0 8px">${escapeHtml(label)} ${escapeHtml(when)}: ${escapeHtml(deadline)}</h2>
<p style="margin: 0 0 16px">${escapeHtml(words.alert.contract)}: <strong>${escapeHtml(title)}</strong></p>
<p>${escapeHtml(what)}</p>
${evidence ? `<p>${escapeHtml(words.alert.fromContract)}</p>\n<blockquote style="border-left: 3px solid #ccc; margin: 0; padding-left: 12px">${escapeHtml(evidence)}</blockquote>` : ''}
<p><a href="${escapeHtml(contractUrl)}">${escapeHtml(words.alert.openContract)}</a></p>
<p style="color: #666; font-size: 12px">${escapeHtml(words.alert.whyYouGetThis)} <a href="${escapeHtml(settingsUrl)}">${escapeHtml(words.changeSettings)}</a>.</p>
</body></html>`;
  return { subject, text, html };
}
