import type { Money } from '@cb/domain';
import type { Lexicon } from '../lexicon';

/** An amount of money written in the text, with where it was found. */
export interface FoundMoney {
  value: Money;
  start: number;
  end: number;
  text: string;
}

// Symbols and words → ISO 4217. "kr" and "kronor" are Swedish crowns in a Swedish contract; in an English
// or Finnish one a bare "kr" is too ambiguous (NOK, DKK, ISK) to guess.
const CURRENCY_WORDS: Record<string, string> = {
  $: 'USD',
  us$: 'USD',
  usd: 'USD',
  'u.s.$': 'USD',
  dollars: 'USD',
  '€': 'EUR',
  eur: 'EUR',
  euro: 'EUR',
  euroa: 'EUR',
  euron: 'EUR',
  euros: 'EUR',
  '£': 'GBP',
  gbp: 'GBP',
  c$: 'CAD',
  cad: 'CAD',
  sek: 'SEK',
  kronor: 'SEK',
  nok: 'NOK',
  dkk: 'DKK',
  chf: 'CHF',
};
const CURRENCY_BEFORE = '(US\\$|U\\.S\\.\\$|C\\$|\\$|€|£|USD|EUR|GBP|CAD|SEK|NOK|DKK|CHF)';
const CURRENCY_AFTER =
  '(€|EUR|euroa|euron|euro|euros|USD|dollars|GBP|SEK|kronor|kr|NOK|DKK|CHF)(?![\\p{L}])';
// "48 000,00", "48.000,00", "48,000.00", "12 500", "1,250,000", "48000": a thousands separator is a space
// (also a no-break or thin space), a dot or a comma; the decimal part has two digits.
const NUMBER = '(\\d{1,3}(?:[ \\u00a0\\u202f.,]\\d{3})+(?:[.,]\\d{1,2})?|\\d+(?:[.,]\\d{1,2})?)';
const SCALE = '(?:\\s*(million|billion|milj(?:oonaa|\\.)?|miljoner|mn|m(?=\\s)))?';
const BEFORE = new RegExp(`${CURRENCY_BEFORE}\\s?${NUMBER}${SCALE}`, 'giu');
const AFTER = new RegExp(`(?<![\\d.,])${NUMBER}${SCALE}\\s?(?:,-\\s?)?${CURRENCY_AFTER}`, 'giu');

/** Parses "48 000,00", "48.000,00", "48,000.00", "1,250,000", "12 500" into a number. */
export function parseAmount(raw: string): number | null {
  let s = raw.replace(/[\s\u00a0\u202f]/g, '');
  const lastComma = s.lastIndexOf(',');
  const lastDot = s.lastIndexOf('.');
  const decimalSep =
    lastComma > lastDot && s.length - lastComma - 1 <= 2
      ? ','
      : lastDot > lastComma && s.length - lastDot - 1 <= 2
        ? '.'
        : null;
  if (decimalSep) {
    const thousands = decimalSep === ',' ? '.' : ',';
    s = s.split(thousands).join('').replace(decimalSep, '.');
  } else {
    s = s.replace(/[.,]/g, '');
  }
  const value = Number(s);
  return Number.isFinite(value) ? value : null;
}

function scaleOf(word: string | undefined): number {
  if (!word) return 1;
  if (/^b/i.test(word)) return 1e9;
  return 1e6;
}

/**
 * Every amount with a stated currency ("48 000,00 €", "12 500 kr", "EUR 48,000", "$1.2 million"). An amount
 * without a currency is not money to us: the engine never assumes dollars.
 */
export function findMoney(text: string, offset: number, lexicon: Lexicon): FoundMoney[] {
  const found: FoundMoney[] = [];
  const push = (
    amountRaw: string,
    scale: string | undefined,
    cur: string,
    index: number,
    match: string,
  ) => {
    const lower = cur.toLowerCase();
    const currency =
      lower === 'kr' ? (lexicon.language === 'sv' ? 'SEK' : null) : CURRENCY_WORDS[lower];
    const amount = parseAmount(amountRaw);
    if (!currency || amount === null || amount <= 0) return;
    const start = offset + index;
    if (found.some((f) => start < f.end && f.start < start + match.length)) return;
    found.push({
      value: { amount: Math.round(amount * scaleOf(scale) * 100) / 100, currency },
      start,
      end: start + match.length,
      text: match,
    });
  };
  for (const m of text.matchAll(BEFORE)) push(m[2], m[3], m[1], m.index, m[0]);
  for (const m of text.matchAll(AFTER)) push(m[1], m[2], m[3], m.index, m[0]);
  return found.sort((a, b) => a.start - b.start);
}
