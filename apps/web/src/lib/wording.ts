// What a deadline means, in the words the alert e-mails use: the pure wording functions of libs/domain
// (deadline-wording.ts, aliased as @cb/domain/wording), applied to the API's shapes in the UI language.
import {
  contractHeading,
  durationWords,
  noticeSentence,
  type WordingLanguage,
} from '@cb/domain/wording';
import type { Contract, ContractSummary } from '../api/types';
import { t, uiLanguage } from '../i18n';

const WORDING_LANGUAGES: readonly WordingLanguage[] = ['en', 'fi', 'sv'];

/** The UI language as a wording language (English for anything else). */
export function wordingLanguageOf(language: string): WordingLanguage {
  return (WORDING_LANGUAGES as readonly string[]).includes(language)
    ? (language as WordingLanguage)
    : 'en';
}

export const wordingLanguage: WordingLanguage = wordingLanguageOf(uiLanguage);

type Wordable = Pick<ContractSummary, 'deadlines' | 'terms'> & {
  termsInForce?: Contract['termsInForce'];
};

/**
 * "Give notice by 30 Jan 2027 to stop the renewal on 1 Mar 2027 (renews for 1 year)", for the renewal the
 * deadline stops (deadlines.noticeRenewalDate); null without a notice deadline or once the contract is ending.
 * The length is the renewal term, or the initial term again when no renewal term is stated (docs/deadlines.md,
 * rule 3), from the terms in force when the contract has amendments.
 */
export function noticeSentenceOf(
  c: Wordable,
  language: WordingLanguage = wordingLanguage,
): string | null {
  const d = c.deadlines;
  if (!d || d.endingOn) return null;
  const terms = c.termsInForce ?? c.terms;
  return noticeSentence(
    {
      noticeDeadline: d.noticeDeadline,
      noticeRenewalDate: d.noticeRenewalDate ?? d.nextRenewalDate,
      renewalTerm: terms?.renewalTerm ?? terms?.initialTerm ?? null,
    },
    language,
  );
}

/**
 * A contract as a person names it: "Counterparty – Title" with an all-caps title in normal case; the file
 * name, else "Untitled", when neither is known.
 */
export function contractName(
  c: Pick<ContractSummary, 'title' | 'counterparty' | 'terms' | 'file'>,
  language: WordingLanguage = wordingLanguage,
): string {
  const heading = contractHeading(c.counterparty, c.title || c.terms?.title, language);
  return heading || c.file?.name || t('contracts.untitled');
}

/** A duration in words ("120 days", "1 year 6 months"), never `P120D`; '' when there is none. */
export function durationText(
  value: string | null | undefined,
  language: WordingLanguage = wordingLanguage,
): string {
  return durationWords(value, language) ?? '';
}
