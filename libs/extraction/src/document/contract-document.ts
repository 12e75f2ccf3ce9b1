import { lexiconFor, type Lexicon, type ReadLanguage } from '../lexicon';
import { TextView } from './text-view';

/** What every field extractor reads: the text (as a TextView), the language it is read in and its lexicon. */
export interface ContractDocument {
  readonly view: TextView;
  readonly language: ReadLanguage;
  readonly lexicon: Lexicon;
  /** Per-document memo for clause readings that several extractors share (term, renewal). */
  readonly memo: Map<string, unknown>;
}

export function contractDocument(
  text: string,
  pageStarts: number[] = [0],
  language: ReadLanguage = 'en',
): ContractDocument {
  return {
    view: new TextView(text, pageStarts.length > 0 ? pageStarts : [0]),
    language,
    lexicon: lexiconFor(language),
    memo: new Map(),
  };
}

/** Runs `read` once per document and key; later callers get the same result. */
export function memoized<T>(doc: ContractDocument, key: string, read: () => T): T {
  if (!doc.memo.has(key)) doc.memo.set(key, read());
  return doc.memo.get(key) as T;
}

// JavaScript's \b knows only ASCII letters: "åt gången" has no \b before "å". Lexicon patterns get a
// word boundary that knows every letter.
const WORD = '[\\p{L}\\p{N}_]';
const UNICODE_BOUNDARY = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;

/** A case-insensitive, Unicode-aware global RegExp from a lexicon pattern (compiled once per pattern). */
const compiled = new Map<string, RegExp>();
export function cue(source: string, flags = 'giu'): RegExp {
  const key = `${flags}/${source}`;
  let re = compiled.get(key);
  if (!re) {
    re = new RegExp(flags.includes('u') ? source.replace(/\\b/g, UNICODE_BOUNDARY) : source, flags);
    compiled.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}
