// The dashboard's worklist: undecided notice deadlines, each named and worded the way the e-mails word them.
// The wording itself is the domain's (libs/domain deadline-wording), shared rather than copied.
import {
  contractHeading,
  noticeSentence,
  wordingDate,
  type WordingLanguage,
} from '@cb/domain/wording';
import type { Deadline } from '../api/types';
import { t, uiLanguage } from '../i18n';

/** What GET /v1/deadlines/summary answers. */
export interface DeadlineSummary {
  today: string;
  until: string;
  undecidedUpcoming: number;
  undecidedPassed: number;
  snoozed: number;
}

const WORDING_LANGUAGES: readonly string[] = ['en', 'fi', 'sv'];
export const wordingLanguage: WordingLanguage = (
  WORDING_LANGUAGES.includes(uiLanguage) ? uiLanguage : 'en'
) as WordingLanguage;

/** "Counterparty – Title" in normal case. */
export function worklistHeading(row: Deadline, language = wordingLanguage): string {
  return contractHeading(row.counterparty, row.contractTitle, language) || t('contracts.untitled');
}

/**
 * "Give notice by 30 Jan 2027 to stop the renewal on 1 Mar 2027 (renews for 1 year)" for a deadline ahead
 * (today included); once it has passed, that the renewal goes ahead and what is left to do.
 */
export function worklistWording(row: Deadline, today: string, language = wordingLanguage): string {
  if (row.date >= today)
    return (
      noticeSentence(
        {
          noticeDeadline: row.date,
          noticeRenewalDate: row.renewalDate ?? null,
          renewalTerm: row.renewalTerm ?? null,
        },
        language,
      ) ?? ''
    );
  const date = wordingDate(row.date, language);
  return row.renewalDate
    ? t('worklist.passed', { date, renewal: wordingDate(row.renewalDate, language) })
    : t('worklist.passedNoRenewal', { date });
}
