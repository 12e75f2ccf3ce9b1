import { detectAll } from 'tinyld';
import { READ_LANGUAGES, type ReadLanguage } from '../lexicon/lexicon.types';

/** What the language step found: the detected language and whether the engine reads it. */
export interface LanguageReading {
  /** ISO 639-1 code of the detected language ("en", "fi", "sv", "de", ...), or "und" when unknown. */
  language: string;
  /** The language the extractors read the document in, or null when it is not one the engine reads. */
  read: ReadLanguage | null;
  /** Share of the sampled words that are function words of the read language (0..1). */
  confidence: number;
}

// Function words that are frequent in contracts and rare in the other two languages.
const FUNCTION_WORDS: Record<ReadLanguage, ReadonlySet<string>> = {
  en: new Set(
    'the of and to in or by any this that shall be is such with for as on other party parties agreement which will not'.split(
      ' ',
    ),
  ),
  fi: new Set(
    'ja tai on ei sopimus sopimuksen osapuoli osapuolet osapuolen tämä tämän joka jos kuin sekä mukaan tai voi ovat olla vuoden kuukauden sen hänen kanssa ennen jälkeen'.split(
      ' ',
    ),
  ),
  sv: new Set(
    'och att det som av för på med är den till eller inte ska skall avtal avtalet part parterna om från enligt har sig vid under efter'.split(
      ' ',
    ),
  ),
};
const SAMPLE_CHARS = 12_000;
/** Below this many words the statistical detector is unreliable: decide on function words alone. */
const MIN_WORDS_FOR_DETECTOR = 12;

/**
 * Detects the language of a contract. tinyld (a maintained n-gram detector) names the language; a
 * function-word count over the same sample decides between English, Finnish and Swedish when the text is
 * short or mixes languages (Nordic contracts often carry English headings or party names).
 */
export function detectLanguage(text: string): LanguageReading {
  const sample = sampleOf(text);
  const words = sample.toLowerCase().match(/[a-zåäöéü]+/g) ?? [];
  if (words.length === 0) return { language: 'und', read: null, confidence: 0 };
  const hits = READ_LANGUAGES.map((lang) => ({
    lang,
    share: words.filter((w) => FUNCTION_WORDS[lang].has(w)).length / words.length,
  })).sort((a, b) => b.share - a.share);
  const best = hits[0];
  if (words.length < MIN_WORDS_FOR_DETECTOR) {
    return best.share > 0
      ? { language: best.lang, read: best.lang, confidence: round(best.share) }
      : { language: 'und', read: null, confidence: 0 };
  }
  const detected = detectAll(sample)[0]?.lang ?? 'und';
  const ours = (READ_LANGUAGES as readonly string[]).includes(detected)
    ? (detected as ReadLanguage)
    : null;
  // A read language with a clear share of its function words wins over a detector's guess of a
  // neighbour (Norwegian or Danish for Swedish, Estonian for Finnish) only when the share is high.
  if (ours && hits.find((h) => h.lang === ours)!.share >= 0.04)
    return {
      language: ours,
      read: ours,
      confidence: round(hits.find((h) => h.lang === ours)!.share),
    };
  if (best.share >= 0.12)
    return { language: best.lang, read: best.lang, confidence: round(best.share) };
  return { language: detected, read: null, confidence: round(best.share) };
}

/** The middle of a long document reads more like the contract than its cover page or signature blocks. */
function sampleOf(text: string): string {
  if (text.length <= SAMPLE_CHARS) return text;
  const start = Math.floor((text.length - SAMPLE_CHARS) / 3);
  return text.slice(start, start + SAMPLE_CHARS);
}

function round(x: number): number {
  return Math.round(x * 100) / 100;
}
