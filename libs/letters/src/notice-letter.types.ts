import type { IsoDate, IsoDuration } from '@cb/domain';

/** The languages a notice letter is written in (the same three as the e-mails and the web UI). */
export const LETTER_LANGUAGES = ['en', 'fi', 'sv'] as const;
export type LetterLanguage = (typeof LETTER_LANGUAGES)[number];

/** The file formats a notice letter is rendered to. */
export const LETTER_FORMATS = ['pdf', 'docx'] as const;
export type LetterFormat = (typeof LETTER_FORMATS)[number];

/**
 * `non-renewal`: we will not renew; the agreement ends at the end of the current term.
 * `termination`: we terminate the agreement under its notice clause, also at the end of the current term.
 */
export const NOTICE_LETTER_KINDS = ['non-renewal', 'termination'] as const;
export type NoticeLetterKind = (typeof NOTICE_LETTER_KINDS)[number];

/**
 * A postal address as the contract or the tenant's profile gives it: one string, lines separated by `\n`
 * ("Mannerheimintie 12 B\n00100 Helsinki"). A one-line address is printed as one line.
 */
export type LetterAddress = string;

/** Our tenant, who sends and signs the letter. */
export interface NoticeLetterSender {
  /** The company's legal name, e.g. "Åbo Ångström Oy". */
  name: string;
  address?: LetterAddress | null;
  /** Y-tunnus / org.nr / company number; the line is left out when unknown. */
  businessId?: string | null;
  /** Who signs: missing values print as blanks to fill in ("[name]", "[position]"). */
  signatory?: { name?: string | null; title?: string | null } | null;
}

/** The counterparty, as the contract names it. */
export interface NoticeLetterRecipient {
  name?: string | null;
  /** Only when the contract states it; otherwise the letter shows a blank "[address]" to fill in. */
  address?: LetterAddress | null;
  businessId?: string | null;
}

/** What a notice letter says. Every optional value that is missing prints as a marked blank. */
export interface NoticeLetterInput {
  kind: NoticeLetterKind;
  sender: NoticeLetterSender;
  recipient: NoticeLetterRecipient;
  contract: {
    /** The contract's own title; an all-capitals title is printed in normal case. */
    title?: string | null;
    /** The agreement date, or the effective date when that is all the contract gives. */
    date?: IsoDate | null;
    /** Which date `date` is; default `agreement`. */
    dateKind?: 'agreement' | 'effective' | null;
  };
  /** The notice clause quoted verbatim from the contract, with its 1-based page when known. */
  noticeClause?: { text: string; page?: number | null } | null;
  /** The notice period (ISO 8601, e.g. `P120D`), printed in words ("120 days"). */
  noticePeriod?: IsoDuration | null;
  /** The last day on which notice can be given for the current term (TERMS.md `noticeDeadline`). */
  noticeDeadline?: IsoDate | null;
  /** The last day of the current term: the day the agreement ends. */
  endDate?: IsoDate | null;
  /** The date the letter is written on (the tenant's "today"). */
  letterDate: IsoDate;
  /** The place of signing, e.g. "Helsinki". */
  place?: string | null;
}

export interface NoticeLetterOptions {
  format: LetterFormat;
  language: LetterLanguage;
}
