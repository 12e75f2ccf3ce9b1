import { EN } from './en';
import { FI } from './fi';
import { SV } from './sv';
import type { Lexicon, ReadLanguage } from './lexicon.types';

export * from './lexicon.types';
export { EN, EN_ORDINALS } from './en';
export { FI } from './fi';
export { SV } from './sv';

const LEXICONS: Record<ReadLanguage, Lexicon> = { en: EN, fi: FI, sv: SV };

/** The lexicon of a language the engine reads. */
export function lexiconFor(language: ReadLanguage): Lexicon {
  return LEXICONS[language];
}
