import { daysBetween, type AlertLanguage, type IsoDate } from '@cb/domain';
import { describeDuration, type RenderedMail } from './alert-message';
import { escapeHtml } from './html.util';
import { mailCatalogue } from './mail-catalogue';

/** What an escalation says: a notice deadline passed undecided, and what now happens. */
export interface EscalationMessageInput {
  /** The notice deadline that passed. */
  deadline: IsoDate;
  /** The tenant-local date the message is written on. */
  today: IsoDate;
  contractId: string;
  contractTitle: string;
  /** The renewal that can no longer be stopped (the contract's nextRenewalDate). */
  renewalDate: IsoDate | null;
  /** ISO 8601 duration of a renewal term, e.g. P1Y. */
  renewalTerm: string | null;
  /** The next notice deadline (deadlines.noticeDeadline) and the renewal it stops. */
  noticeDeadline: IsoDate | null;
  noticeRenewalDate: IsoDate | null;
  appUrl: string;
  language?: AlertLanguage;
}

/** Subject, text and HTML of an escalation to the owners and admins, in the tenant's language. */
export function renderEscalationEmail(input: EscalationMessageInput): RenderedMail {
  const words = mailCatalogue(input.language);
  const say = words.escalation;
  const title = input.contractTitle.replace(/\s+/g, ' ').trim() || words.untitled;
  const deadline = words.date(input.deadline);
  const term = describeDuration(input.renewalTerm, input.language);
  const lines = [
    say.passed(deadline, Math.max(1, daysBetween(input.deadline, input.today))),
    input.renewalDate ? say.renews(term, words.date(input.renewalDate)) : say.renewsUnknown,
    ...(input.noticeDeadline && input.noticeDeadline !== input.deadline
      ? [
          say.next(
            words.date(input.noticeDeadline),
            input.noticeRenewalDate ? words.date(input.noticeRenewalDate) : null,
          ),
        ]
      : []),
  ];
  const subject = say.subject(deadline, title);
  const contractUrl = `${input.appUrl}/contracts/${input.contractId}`;
  const text = [
    `${words.alert.contract}: ${title}`,
    '',
    ...lines,
    '',
    `${say.decide}: ${contractUrl}`,
    '',
    say.whyYouGetThis,
  ].join('\n');
  const html = `<!doctype html>
<html lang="${words.htmlLang}"><body style="font-family: sans-serif; line-height: 1.5; color: #1a1a1a">
<h2 style="margin: 0 0 8px">${escapeHtml(subject)}</h2>
<p style="margin: 0 0 16px">${escapeHtml(words.alert.contract)}: <strong>${escapeHtml(title)}</strong></p>
${lines.map((l) => `<p>${escapeHtml(l)}</p>`).join('\n')}
<p><a href="${escapeHtml(contractUrl)}">${escapeHtml(say.decide)}</a></p>
<p style="color: #666; font-size: 12px">${escapeHtml(say.whyYouGetThis)}</p>
</body></html>`;
  return { subject, text, html };
}
