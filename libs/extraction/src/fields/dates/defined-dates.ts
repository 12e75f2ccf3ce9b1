import { memoized, type ContractDocument } from '../../document/contract-document';
import type { FoundDate } from '../../parse/date-parse';
import { datesIn } from './date-evidence';

// '"Startdatum" avser ... den 1 februari 2024', '”Voimaantulopäivä” tarkoittaa 1.10.2023',
// '"Commencement Date" means June 1, 2019', '”Ikraftträdandedag”: den 1 mars 2024'.
const DEFINITION =
  /["”“]([\p{Lu}][\p{L}-]+(?:\s[\p{Lu}][\p{L}-]+)?)["”]\s*(?::|avser|betyder|tarkoittaa|means|shall\s+mean)/gu;

/** Dates the contract defines by name, keyed by the lower-case defined term. */
export function definedDates(doc: ContractDocument): Map<string, FoundDate> {
  return memoized(doc, 'definedDates', () => {
    const out = new Map<string, FoundDate>();
    for (const m of doc.view.flat.matchAll(DEFINITION)) {
      const sentence = doc.view.sentenceAt(m.index + m[0].length, 400);
      const date = datesIn(doc, m.index + m[0].length, sentence.end)[0];
      if (date && !out.has(m[1].toLowerCase())) out.set(m[1].toLowerCase(), date);
    }
    return out;
  });
}

/**
 * The defined date a phrase refers to by name, in any case form: "Voimaantulopäivästä" is
 * "Voimaantulopäivä" + elative, "Ikraftträdandedagen" is "Ikraftträdandedag" + the definite article.
 */
export function definedDateIn(doc: ContractDocument, text: string): FoundDate | null {
  const defined = definedDates(doc);
  if (defined.size === 0) return null;
  const lower = text.toLowerCase();
  for (const [term, date] of defined) {
    const at = lower.indexOf(term);
    if (at >= 0 && !/\p{L}/u.test(lower[at - 1] ?? ' ')) return date;
  }
  return null;
}
