import type { IsoDate } from '@cb/domain';
import { EN, EN_ORDINALS, type Lexicon } from '../lexicon';

/** A date written in the text, with where it was found. */
export interface FoundDate {
  iso: IsoDate;
  start: number;
  end: number;
  text: string;
}

/** "first" … "thirty-first": day numbers and anniversaries written out (English). */
export const ORDINAL_WORDS = EN_ORDINALS;

const EN_MONTH_RE =
  '(january|february|march|april|may|june|july|august|september|october|november|december|jan\\.?|feb\\.?|mar\\.?|apr\\.?|jun\\.?|jul\\.?|aug\\.?|sept?\\.?|oct\\.?|nov\\.?|dec\\.?)';
const EN_DAY_RE = `(\\d{1,2}|${Object.keys(ORDINAL_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|')})(?:\\s*(?:s\\s?t|n\\s?d|r\\s?d|t\\s?h)\\b)?`;
const YEAR_RE = "((?:19|20)\\d{2}|'\\d{2})";

// "3rd day of March, 2019", "1st January 2020", "3 March 2019", "the first day of May, 2010".
const EN_DAY_MONTH_YEAR = new RegExp(
  `\\b${EN_DAY_RE}\\s*(?:day\\s+of\\s+|of\\s+)?${EN_MONTH_RE}(?![a-z])\\s*,?\\s*(?:in\\s+the\\s+year\\s+)?${YEAR_RE}\\b`,
  'gi',
);
// "March 3rd, 2019", "March 3, 2019", "Sept. 3 2019".
const EN_MONTH_DAY_YEAR = new RegExp(
  `\\b${EN_MONTH_RE}(?![a-z])\\s*${EN_DAY_RE}\\s*[,.]?\\s*${YEAR_RE}\\b`,
  'gi',
);
// "3/1/19", "03/01/2019", "3-1-2019" (US: month first).
const SLASHED = /\b(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)?\d{2})\b/g;
// Nordic numeric dates: "1.5.2023", "1.5.23" is too close to section numbers, so a four-digit year is
// required; "1/5 2023" and "1/5/2023" too.
const DOTTED = /(?<![\d.])(\d{1,2})\.\s?(\d{1,2})\.\s?((?:19|20)\d{2})(?![\d])/g;
const NORDIC_SLASH = /\b(\d{1,2})\/(\d{1,2})(?:\/|\s)((?:19|20)\d{2})\b/g;
const ISO = /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/g;

// Written-month patterns of a day-first language: "1. toukokuuta 2023", "1 päivänä toukokuuta 2023",
// "den 1 maj 2023", "1:a maj 2023".
const nordicPatterns = new Map<Lexicon, RegExp>();
function nordicDayMonthYear(lexicon: Lexicon): RegExp {
  let re = nordicPatterns.get(lexicon);
  if (!re) {
    const months = Object.keys(lexicon.months)
      .sort((a, b) => b.length - a.length)
      .join('|');
    re = new RegExp(
      `(?<![\\p{L}\\d])(\\d{1,2})(?:\\.|:[ae])?\\s*(?:päivänä\\s+)?(${months})(?![\\p{L}])\\s*,?\\s*((?:19|20)\\d{2})\\b`,
      'giu',
    );
    nordicPatterns.set(lexicon, re);
  }
  return re;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function fullYear(raw: string): number {
  const digits = raw.replace(/\D/g, '');
  if (digits.length === 4) return Number(digits);
  const two = Number(digits);
  return two >= 90 ? 1900 + two : 2000 + two;
}

function dayValue(raw: string): number {
  const word = raw.toLowerCase().replace(/\s+/g, '');
  return ORDINAL_WORDS[word] ?? Number.parseInt(word, 10);
}

/** Builds a calendar date, or null when it does not exist or is implausible for a contract. */
export function isoDate(year: number, month: number, day: number): IsoDate | null {
  if (!Number.isInteger(year) || year < 1950 || year > 2100) return null;
  if (!Number.isInteger(month) || month < 1 || month > 12) return null;
  if (!Number.isInteger(day) || day < 1 || day > daysIn(year, month)) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function monthValue(lexicon: Lexicon, raw: string): number {
  return (
    lexicon.months[raw.toLowerCase().replace('.', '')] ??
    EN.months[raw.toLowerCase().replace('.', '')]
  );
}

/**
 * Every complete calendar date written in `text` (no partial dates: "March 2019" or "___ day of May" give
 * none). English numeric dates are month first; Finnish and Swedish ones day first ("1.5.2023" = 1 May).
 * Nordic contracts quote English dates now and then, so English month names are read in every language.
 */
export function findDates(text: string, offset = 0, lexicon: Lexicon = EN): FoundDate[] {
  const found: FoundDate[] = [];
  const push = (iso: IsoDate | null, index: number, match: string): void => {
    if (!iso) return;
    const start = offset + index;
    if (found.some((d) => start < d.end && d.start < start + match.length)) return;
    found.push({ iso, start, end: start + match.length, text: match });
  };
  if (lexicon.dateOrder === 'day-first') {
    for (const m of text.matchAll(nordicDayMonthYear(lexicon))) {
      push(isoDate(Number(m[3]), monthValue(lexicon, m[2]), Number(m[1])), m.index, m[0]);
    }
    for (const m of text.matchAll(DOTTED))
      push(isoDate(Number(m[3]), Number(m[2]), Number(m[1])), m.index, m[0]);
    for (const m of text.matchAll(NORDIC_SLASH))
      push(isoDate(Number(m[3]), Number(m[2]), Number(m[1])), m.index, m[0]);
  }
  for (const m of text.matchAll(EN_DAY_MONTH_YEAR)) {
    push(isoDate(fullYear(m[3]), monthValue(EN, m[2]), dayValue(m[1])), m.index, m[0]);
  }
  for (const m of text.matchAll(EN_MONTH_DAY_YEAR)) {
    push(isoDate(fullYear(m[3]), monthValue(EN, m[1]), dayValue(m[2])), m.index, m[0]);
  }
  for (const m of text.matchAll(ISO))
    push(isoDate(Number(m[1]), Number(m[2]), Number(m[3])), m.index, m[0]);
  if (lexicon.dateOrder === 'month-first') {
    for (const m of text.matchAll(SLASHED)) {
      // Skip section numbers like "10.1.2" and decimals: a numeric date needs / or - here.
      if (m[2] === '.') continue;
      const a = Number(m[1]);
      const b = Number(m[3]);
      const year = fullYear(m[4]);
      // Month first (US); day first only when the first number cannot be a month ("31/01/2025").
      const iso = a > 12 && b <= 12 ? isoDate(year, b, a) : isoDate(year, a, b);
      push(iso, m.index, m[0]);
    }
  }
  return found.sort((x, y) => x.start - y.start);
}

/** Parses a string that is (or starts with) one date; null when it holds no complete date. */
export function parseContractDate(text: string, lexicon: Lexicon = EN): IsoDate | null {
  return findDates(text, 0, lexicon)[0]?.iso ?? null;
}

/** "the date first written above", "the date hereof", "the date of this Agreement": the agreement's own date. */
export const DATE_FIRST_WRITTEN =
  /\b(?:the\s+)?(?:date|day\s+and\s+year|year\s+and\s+day)\s+(?:first\s+)?(?:above\s+|set\s+forth\s+above\s+|written\s+above\s+|hereinabove\s+)?(?:written|set\s+(?:forth|out)|mentioned|stated|indicated)(?:\s+above|\s+hereinabove|\s+in\s+the\s+(?:preamble|first\s+paragraph))?|\bthe\s+date\s+hereof\b/i;

/**
 * "the last date of signature below", "the date on which the last party signs", "the later of the dates shown
 * by the signatures below", "the date the last party hereto has executed this Agreement": the latest
 * signature date.
 */
export const LAST_SIGNATURE_DATE =
  /\b(?:the\s+)?(?:last|later|latest)\s+(?:date|day)\s+(?:of\s+(?:signature|execution)|(?:on\s+which|when)\s+(?:this\s+agreement\s+)?(?:is|has\s+been)\s+(?:signed|executed))|\bdate\s+(?:of|on\s+which)\s+(?:the\s+)?(?:last|later)\s+(?:signature|party\s+(?:signs|to\s+sign|executes))|\bdate\s+of\s+(?:the\s+)?(?:last|final)\s+signature\b|\blater\s+of\s+the\s+(?:two\s+)?dates\s+(?:(?:shown|set\s+forth|written|indicated)\s+(?:by|below|beneath|under|with)|(?:on\s+which|that|when)\s+(?:it|this\s+agreement)\s+is\s+(?:signed|executed))|\bdate\s+(?:on\s+which\s+|that\s+|when\s+)?the\s+last\s+(?:party|of\s+the\s+parties)\s+(?:hereto\s+|to\s+this\s+agreement\s+)?(?:has\s+)?(?:signed|executed|signs|executes)/i;
