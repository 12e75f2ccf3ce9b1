import type { IsoDate } from '@cb/domain';

/** A date written in the text, with where it was found. */
export interface FoundDate {
  iso: IsoDate;
  start: number;
  end: number;
  text: string;
}

const MONTHS: Record<string, number> = {
  january: 1,
  jan: 1,
  february: 2,
  feb: 2,
  march: 3,
  mar: 3,
  april: 4,
  apr: 4,
  may: 5,
  june: 6,
  jun: 6,
  july: 7,
  jul: 7,
  august: 8,
  aug: 8,
  september: 9,
  sept: 9,
  sep: 9,
  october: 10,
  oct: 10,
  november: 11,
  nov: 11,
  december: 12,
  dec: 12,
};
/** "first" … "thirty-first": day numbers and anniversaries written out. */
export const ORDINAL_WORDS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  eleventh: 11,
  twelfth: 12,
  thirteenth: 13,
  fourteenth: 14,
  fifteenth: 15,
  sixteenth: 16,
  seventeenth: 17,
  eighteenth: 18,
  nineteenth: 19,
  twentieth: 20,
  'twenty-first': 21,
  'twenty-second': 22,
  'twenty-third': 23,
  'twenty-fourth': 24,
  'twenty-fifth': 25,
  'twenty-sixth': 26,
  'twenty-seventh': 27,
  'twenty-eighth': 28,
  'twenty-ninth': 29,
  thirtieth: 30,
  'thirty-first': 31,
};

const MONTH_RE =
  '(january|february|march|april|may|june|july|august|september|october|november|december|jan\\.?|feb\\.?|mar\\.?|apr\\.?|jun\\.?|jul\\.?|aug\\.?|sept?\\.?|oct\\.?|nov\\.?|dec\\.?)';
const DAY_RE = `(\\d{1,2}|${Object.keys(ORDINAL_WORDS)
  .sort((a, b) => b.length - a.length)
  .join('|')})(?:\\s*(?:s\\s?t|n\\s?d|r\\s?d|t\\s?h)\\b)?`;
const YEAR_RE = "((?:19|20)\\d{2}|'\\d{2})";

// "3rd day of March, 2019", "1st January 2020", "3 March 2019", "the first day of May, 2010".
const DAY_MONTH_YEAR = new RegExp(
  `\\b${DAY_RE}\\s*(?:day\\s+of\\s+|of\\s+)?${MONTH_RE}(?![a-z])\\s*,?\\s*(?:in\\s+the\\s+year\\s+)?${YEAR_RE}\\b`,
  'gi',
);
// "March 3rd, 2019", "March 3, 2019", "Sept. 3 2019".
const MONTH_DAY_YEAR = new RegExp(
  `\\b${MONTH_RE}(?![a-z])\\s*${DAY_RE}\\s*[,.]?\\s*${YEAR_RE}\\b`,
  'gi',
);
// "3/1/19", "03/01/2019", "3-1-2019": month first, as US contracts write them.
const NUMERIC = /\b(\d{1,2})([/.-])(\d{1,2})\2((?:19|20)?\d{2})\b/g;
const ISO = /\b((?:19|20)\d{2})-(\d{2})-(\d{2})\b/g;

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

function monthValue(raw: string): number {
  return MONTHS[raw.toLowerCase().replace('.', '')];
}

/** Every complete calendar date written in `text` (no partial dates: "March 2019" or "___ day of May" give none). */
export function findDates(text: string, offset = 0): FoundDate[] {
  const found: FoundDate[] = [];
  const push = (iso: IsoDate | null, index: number, match: string): void => {
    if (!iso) return;
    const start = offset + index;
    if (found.some((d) => start < d.end && d.start < start + match.length)) return;
    found.push({ iso, start, end: start + match.length, text: match });
  };
  for (const m of text.matchAll(DAY_MONTH_YEAR)) {
    push(isoDate(fullYear(m[3]), monthValue(m[2]), dayValue(m[1])), m.index, m[0]);
  }
  for (const m of text.matchAll(MONTH_DAY_YEAR)) {
    push(isoDate(fullYear(m[3]), monthValue(m[1]), dayValue(m[2])), m.index, m[0]);
  }
  for (const m of text.matchAll(ISO))
    push(isoDate(Number(m[1]), Number(m[2]), Number(m[3])), m.index, m[0]);
  for (const m of text.matchAll(NUMERIC)) {
    // Skip section numbers like "10.1.2" and decimals: a numeric date needs a 2- or 4-digit year and / or -.
    if (m[2] === '.') continue;
    const a = Number(m[1]);
    const b = Number(m[3]);
    const year = fullYear(m[4]);
    // Month first (US); day first only when the first number cannot be a month ("31/01/2025").
    const iso = a > 12 && b <= 12 ? isoDate(year, b, a) : isoDate(year, a, b);
    push(iso, m.index, m[0]);
  }
  return found.sort((x, y) => x.start - y.start);
}

/** Parses a string that is (or starts with) one date; null when it holds no complete date. */
export function parseContractDate(text: string): IsoDate | null {
  return findDates(text)[0]?.iso ?? null;
}

/** "the date first written above", "the date hereof", "the date of this Agreement": the agreement's own date. */
export const DATE_FIRST_WRITTEN =
  /\b(?:the\s+)?(?:date|day\s+and\s+year|year\s+and\s+day)\s+(?:first\s+)?(?:above\s+|set\s+forth\s+above\s+|written\s+above\s+|hereinabove\s+)?(?:written|set\s+(?:forth|out)|mentioned|stated|indicated)(?:\s+above|\s+hereinabove|\s+in\s+the\s+(?:preamble|first\s+paragraph))?|\bthe\s+date\s+hereof\b/i;

/** "the last date of signature below", "the date on which the last party signs": the latest signature date. */
export const LAST_SIGNATURE_DATE =
  /\b(?:the\s+)?(?:last|later|latest)\s+(?:date|day)\s+(?:of\s+(?:signature|execution)|(?:on\s+which|when)\s+(?:this\s+agreement\s+)?(?:is|has\s+been)\s+(?:signed|executed))|\bdate\s+(?:of|on\s+which)\s+(?:the\s+)?(?:last|later)\s+(?:signature|party\s+(?:signs|to\s+sign|executes))|\bdate\s+of\s+(?:the\s+)?(?:last|final)\s+signature\b/i;
