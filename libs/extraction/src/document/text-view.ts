import type { EvidenceSpan } from '@cb/domain';
import { pageAt } from '../layout/page-layout.util';

/**
 * The document as the field finders see it: `flat` has exactly the same length as `text` (so every match
 * offset is an offset into the extracted text) but newlines become spaces and curly quotes straight ones.
 */
export class TextView {
  readonly flat: string;
  readonly lower: string;

  constructor(
    readonly text: string,
    readonly pageStarts: number[] = [0],
  ) {
    this.flat = text
      .replace(/[\n\r\t\f\v\u00a0]/g, ' ')
      .replace(/[\u201c\u201d\u201e\u201f\u2033\u00ab\u00bb]/g, '"')
      .replace(/[\u2018\u2019\u201a\u201b\u2032`]/g, "'")
      .replace(/[\u2010-\u2015\u2212]/g, '-');
    this.lower = this.flat.toLowerCase();
  }

  span(start: number, end: number): EvidenceSpan {
    const s = Math.max(0, start);
    const e = Math.min(this.text.length, Math.max(s, end));
    return { page: pageAt(this.pageStarts, s), start: s, end: e, text: this.text.slice(s, e) };
  }

  /** The sentence around `index`: from the previous sentence end (or blank line) to the next. */
  sentenceAt(index: number, maxLength = 1500): { start: number; end: number } {
    const startLimit = Math.max(0, index - maxLength);
    let start = index;
    while (start > startLimit) {
      const c = this.text[start - 1];
      if (c === '\n' && this.text[start - 2] === '\n') break;
      if (
        (c === ' ' || c === '\n') &&
        /[.;:]/.test(this.text[start - 2] ?? '') &&
        !isAbbreviation(this.text, start - 2)
      )
        break;
      start--;
    }
    const endLimit = Math.min(this.text.length, index + maxLength);
    let end = index;
    while (end < endLimit) {
      const c = this.text[end];
      if (c === '\n' && this.text[end + 1] === '\n') break;
      if (c === '.' && /\s/.test(this.text[end + 1] ?? ' ') && !isAbbreviation(this.text, end)) {
        end++;
        break;
      }
      end++;
    }
    return { start, end };
  }
}

// English and Nordic abbreviations that do not end a sentence ("inkl. moms", "esim. huolto").
const ABBREVIATIONS =
  /(?:\b(?:inc|corp|co|ltd|no|nos|sec|secs|mr|mrs|ms|dr|st|u\.s|u\.k|n\.a|l\.p|l\.l\.c|s\.a|b\.v|n\.v|e\.g|i\.e|etc|vs|jr|sr|art|para|approx|p\.c|p\.a|plc|inkl|exkl|ca|t\.ex|bl\.a|resp|enl|esim|jne|yms|kpl|puh|tel)|\b[A-Z])$/i;

function isAbbreviation(text: string, dotIndex: number): boolean {
  const before = text.slice(Math.max(0, dotIndex - 8), dotIndex);
  if (/\d$/.test(before) && /^\d/.test(text[dotIndex + 1] ?? '')) return true;
  // A Finnish ordinal "1. toukokuuta": a sentence never goes on in lower case after a number and a dot.
  if (/\d$/.test(before) && /^\s\p{Ll}/u.test(text.slice(dotIndex + 1, dotIndex + 3))) return true;
  return ABBREVIATIONS.test(before);
}

/** Strips quotes, brackets and trailing punctuation from a captured name. */
export function tidy(value: string): string {
  return value
    .replace(/\s+/g, ' ')
    .replace(/^[\s"'([,;:]+|[\s"')\],;:]+$/g, '')
    .trim();
}
