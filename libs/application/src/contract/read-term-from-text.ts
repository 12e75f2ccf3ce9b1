import type { EvidenceSpan, TermField } from '@cb/domain';
import {
  READ_LANGUAGES,
  findDates,
  findDurations,
  findMoney,
  lexiconFor,
  type ReadLanguage,
} from '@cb/extraction';

/** The fields a person can set from text selected in the document. */
export const TEXT_SETTABLE_FIELDS = [
  'title',
  'agreementDate',
  'effectiveDate',
  'expirationDate',
  'initialTerm',
  'renewalTerm',
  'noticePeriod',
  'governingLaw',
  'contractValue',
  'paymentTerms',
] as const satisfies readonly TermField[];
export type TextSettableField = (typeof TEXT_SETTABLE_FIELDS)[number];

export type TermReading = { value: unknown } | { error: string };

const LANGUAGE_NAMES: Record<ReadLanguage, string> = {
  en: 'English',
  fi: 'Finnish',
  sv: 'Swedish',
};
const DATE_HINTS: Record<ReadLanguage, string> = {
  en: 'such as "March 3, 2025", "3 March 2025" or 2025-03-03',
  fi: 'such as 1.5.2025, "1. toukokuuta 2025" or 2025-05-01 (day first)',
  sv: 'such as "1 maj 2025", 1.5.2025 or 2025-05-01 (day first)',
};
const DURATION_HINTS: Record<ReadLanguage, string> = {
  en: 'such as "ninety (90) days", "three months" or "one year"',
  fi: 'such as "kolme (3) kuukautta", "90 päivää" or "vuoden"',
  sv: 'such as "tre (3) månader", "90 dagar" or "ett år"',
};

/** The language whose rules read a selection: the contract's, when the engine reads it, else English. */
export function readingLanguage(language: string | null): ReadLanguage {
  return (READ_LANGUAGES as readonly string[]).includes(language ?? '')
    ? (language as ReadLanguage)
    : 'en';
}

/**
 * Reads a field's value from text a person selected in the document, with the rules of the contract's
 * language (day-first dates in Finnish and Swedish, durations and numbers in words, money with its currency).
 * A selection that holds no value of the field's kind, or two different ones, gets a message saying what to
 * select instead.
 */
export function readTermFromText(
  field: TextSettableField,
  selected: string,
  language: ReadLanguage,
): TermReading {
  const text = selected.replace(/\s+/g, ' ').trim();
  const quoted = `"${text.length > 80 ? `${text.slice(0, 77)}...` : text}"`;
  const lexicon = lexiconFor(language);
  const lang = LANGUAGE_NAMES[language];
  if (!text) return { error: 'The selection is empty; select the words that state the value' };
  const one = <T>(values: T[], kind: string, hint: string): TermReading => {
    const distinct = [...new Map(values.map((v) => [JSON.stringify(v), v])).values()];
    if (distinct.length === 0)
      return {
        error: `No ${kind} could be read in ${quoted} (${lang} rules); select a ${kind} ${hint}`,
      };
    if (distinct.length > 1)
      return {
        error: `The selection ${quoted} holds ${distinct.length} different ${kind}s; select only the one you mean`,
      };
    return { value: distinct[0] };
  };
  switch (field) {
    case 'agreementDate':
    case 'effectiveDate':
    case 'expirationDate':
      return one(
        findDates(text, 0, lexicon).map((d) => d.iso),
        'date',
        DATE_HINTS[language],
      );
    case 'initialTerm':
    case 'renewalTerm':
    case 'noticePeriod':
      return one(
        findDurations(text, 0, lexicon).map((d) => d.iso),
        'duration',
        DURATION_HINTS[language],
      );
    case 'contractValue':
      return one(
        findMoney(text, 0, lexicon).map((m) => m.value),
        'amount',
        'with its currency, such as "48 000,00 €", "12 500 kr" or "EUR 48,000"',
      );
    case 'title':
    case 'governingLaw':
    case 'paymentTerms':
      return text.length > 500
        ? { error: 'The selection is longer than 500 characters; select only the value' }
        : { value: text };
  }
}

/**
 * Where a selection is in the contract's extracted text (whitespace-insensitive), as an evidence span; on the
 * given page when there is one. Null when the text layer does not hold it (e.g. a selection across pages).
 */
export function locateSelection(
  text: string,
  pageStarts: readonly number[],
  selected: string,
  page?: number,
): EvidenceSpan | null {
  const words = selected.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0 || !text) return null;
  const pattern = new RegExp(
    words.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('\\s*'),
    'g',
  );
  const pageOf = (offset: number) => {
    let p = 0;
    while (p + 1 < pageStarts.length && pageStarts[p + 1] <= offset) p++;
    return p + 1;
  };
  let first: EvidenceSpan | null = null;
  for (const m of text.matchAll(pattern)) {
    const span = { page: pageOf(m.index), start: m.index, end: m.index + m[0].length, text: m[0] };
    if (page === undefined || span.page === page) return span;
    first ??= span;
  }
  return first;
}
