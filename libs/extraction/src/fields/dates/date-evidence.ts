import type { IsoDate } from '@cb/domain';
import type { ContractDocument } from '../../document/contract-document';
import { findDates, type FoundDate } from '../../parse/date-parse';
import { candidate, type Candidate, type Features } from '../field-extractor.types';

/** A date candidate whose evidence runs from the cue (when given) to the end of the date. */
export function dateCandidate(
  doc: ContractDocument,
  date: FoundDate,
  rule: string,
  prior: number,
  contextStart?: number,
  features: Features = {},
): Candidate<IsoDate> {
  const start = contextStart !== undefined ? Math.min(contextStart, date.start) : date.start;
  return candidate(date.iso, [doc.view.span(start, date.end)], rule, prior, features);
}

/** Dates of the document's language in `flat[from, to)`, with offsets into the whole text. */
export function datesIn(doc: ContractDocument, from: number, to: number): FoundDate[] {
  const a = Math.max(0, from);
  return findDates(doc.view.flat.slice(a, Math.max(a, to)), a, doc.lexicon);
}

/** The trimmed line of the text that holds `index`. */
export function lineAt(doc: ContractDocument, index: number, end = index): string {
  const text = doc.view.text;
  const lineStart = text.lastIndexOf('\n', index - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  return text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd).trim();
}

/** Dates written in signature blocks ("Date: March 3, 2019") after "IN WITNESS WHEREOF". */
export function signatureDates(doc: ContractDocument): FoundDate[] {
  const view = doc.view;
  // The last signature block that holds a date: an exhibit's blank form ("Date: ______") after the
  // agreement's own signatures is not where the parties signed.
  let witness = view.lower.lastIndexOf('in witness whereof');
  for (let k = 0; k < 4 && witness >= 0; k++) {
    const dated = datesIn(doc, witness, witness + 4000).filter((d) =>
      /\bdated?\s*:*\s*$/i.test(view.flat.slice(Math.max(0, d.start - 12), d.start)),
    );
    if (dated.length > 0) return dated;
    witness = witness > 0 ? view.lower.lastIndexOf('in witness whereof', witness - 1) : -1;
  }
  return [];
}

/** Where a date sits in the document (0 = first character, 1 = last), a feature for the scoring model. */
export function position(doc: ContractDocument, index: number): number {
  return Math.round((index / Math.max(1, doc.view.text.length)) * 100) / 100;
}
