/** The languages a title is normal-cased for. */
export type TitleLanguage = 'en' | 'fi' | 'sv';

const SMALL_WORDS: Record<TitleLanguage, ReadonlySet<string>> = {
  en: new Set([
    'a',
    'an',
    'and',
    'as',
    'at',
    'by',
    'for',
    'in',
    'of',
    'on',
    'or',
    'the',
    'to',
    'with',
  ]),
  fi: new Set(['ja', 'tai', 'sekä']),
  sv: new Set(['av', 'och', 'om', 'för', 'med', 'på', 'i', 'till', 'samt', 'den', 'det']),
};
// The names of English documents: such a title is written in Title Case in a letter of any language.
const ENGLISH_TITLE =
  /\b(AGREEMENT|CONTRACT|LEASE|LICEN[CS]E|ADDENDUM|AMENDMENT|MEMORANDUM|TERMS)\b/;
// Prefixes of ordinary compounds ("NON-DISCLOSURE"), never acronyms.
const PREFIXES: ReadonlySet<string> = new Set([
  'co',
  're',
  'non',
  'pre',
  'sub',
  'vat',
  'alv',
  'moms',
]);

/**
 * A title in capitals ("MASTER SERVICES AGREEMENT", "IT-PALVELUSOPIMUS") in normal case: Title Case for an
 * English title (in an English letter, or named "... AGREEMENT" and the like), sentence case otherwise, as
 * Finnish and Swedish write a document's name.
 * Acronyms stay as written: a word of one or two letters that is not an ordinary short word (IT, EU), and
 * a prefix of up to three letters before a hyphen (ICT-palvelut). A title that already has lower-case
 * letters is left exactly as the contract writes it.
 */
export function normalCaseTitle(title: string, language: TitleLanguage): string {
  if (/\p{Ll}/u.test(title) || !/\p{Lu}.*\p{Lu}/u.test(title)) return title;
  const english = language === 'en' || ENGLISH_TITLE.test(title);
  const small = SMALL_WORDS[english ? 'en' : language];
  let first = true;
  return title.replace(/\p{L}+/gu, (word, offset: number) => {
    const lower = word.toLocaleLowerCase(language);
    const beforeHyphen = title[offset + word.length] === '-';
    const afterHyphen = offset > 0 && title[offset - 1] === '-';
    const isFirst = first;
    first = false;
    const ordinary = small.has(lower) || PREFIXES.has(lower);
    if (!ordinary && (word.length <= 2 || (beforeHyphen && !afterHyphen && word.length <= 3))) {
      return word;
    }
    const capitalise = isFirst || (english && !small.has(lower));
    return capitalise ? lower.charAt(0).toLocaleUpperCase(language) + lower.slice(1) : lower;
  });
}
