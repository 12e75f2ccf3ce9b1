import type { IsoDuration } from '@cb/domain';

/** A duration written in the text ("three (3) years"), with where it was found. */
export interface FoundDuration {
  iso: IsoDuration;
  value: number;
  unit: 'D' | 'W' | 'M' | 'Y';
  start: number;
  end: number;
  text: string;
}

const UNITS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  a: 1,
  an: 1,
  single: 1,
};
const TENS: Record<string, number> = {
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};
const NUMBER_WORD = `(?:${[...Object.keys(TENS), ...Object.keys(UNITS).filter((w) => w.length > 2), 'hundred', 'and'].join('|')})`;
// "three (3)", "ninety (90)", "one hundred eighty (180)", "3", "twenty-four", "a".
const NUMBER = `(?:(?:${NUMBER_WORD}(?:[\\s-]+${NUMBER_WORD})*)\\s*(?:\\(\\s*[\\dIl]{1,4}\\s*\\)\\s*)?|\\d{1,4}\\s*(?:\\(\\s*[a-z\\s-]+\\s*\\)\\s*)?|an?\\s+)`;
const UNIT =
  '(?:calendar\\s+|business\\s+|full\\s+|consecutive\\s+|additional\\s+|contract\\s+)?(days?|weeks?|months?|years?)';
const DURATION = new RegExp(`\\b(${NUMBER})[\\s-]*${UNIT}(?![a-z])`, 'gi');

/** Parses number words and digits: "one hundred and eighty" = 180, "twenty-four" = 24, "3" = 3. */
export function parseNumber(raw: string): number | null {
  const digits = /\(\s*(\d{1,4})\s*\)/.exec(raw) ?? /^\s*(\d{1,4})/.exec(raw);
  if (digits) return Number(digits[1]);
  const words = raw
    .toLowerCase()
    .replace(/\(.*?\)/g, ' ')
    .split(/[\s-]+/)
    .filter((w) => w && w !== 'and');
  if (words.length === 0) return null;
  let total = 0;
  let current = 0;
  for (const word of words) {
    if (word in UNITS) current += UNITS[word];
    else if (word in TENS) current += TENS[word];
    else if (word === 'hundred') current = (current || 1) * 100;
    else return null;
  }
  total += current;
  return total;
}

function toIso(value: number, unitWord: string): { iso: IsoDuration; unit: FoundDuration['unit'] } {
  const unit = unitWord.toLowerCase()[0].toUpperCase() as FoundDuration['unit'];
  return { iso: `P${value}${unit}`, unit };
}

/** Every "N unit" duration in `text`; `offset` is added to the reported positions. */
export function findDurations(text: string, offset = 0): FoundDuration[] {
  const found: FoundDuration[] = [];
  for (const m of text.matchAll(DURATION)) {
    const value = parseNumber(m[1]);
    if (value === null || value <= 0 || value > 1000) continue;
    const { iso, unit } = toIso(value, m[2]);
    const lead = m[0].length - m[0].trimStart().length;
    found.push({
      iso,
      value,
      unit,
      start: offset + m.index + lead,
      end: offset + m.index + m[0].length,
      text: m[0].trim(),
    });
  }
  return found;
}

/** Parses a phrase holding one duration ("a period of three (3) years" = P3Y); null when there is none. */
export function parseDuration(text: string): IsoDuration | null {
  return findDurations(text)[0]?.iso ?? null;
}
