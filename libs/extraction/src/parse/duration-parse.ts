import type { IsoDuration } from '@cb/domain';
import { EN, type DurationUnit, type Lexicon } from '../lexicon';

/** A duration written in the text ("three (3) years"), with where it was found. */
export interface FoundDuration {
  iso: IsoDuration;
  value: number;
  unit: DurationUnit;
  start: number;
  end: number;
  text: string;
}

// English number words from the lexicon: units below twenty (plus "a"/"an") and the tens.
const UNITS: Record<string, number> = {
  ...Object.fromEntries(Object.entries(EN.numberWords).filter(([, v]) => v < 20)),
  a: 1,
  an: 1,
};
const TENS: Record<string, number> = Object.fromEntries(
  Object.entries(EN.numberWords).filter(([, v]) => v >= 20),
);
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
export function findDurations(text: string, offset = 0, lexicon: Lexicon = EN): FoundDuration[] {
  if (lexicon.language !== 'en') return findLexiconDurations(text, offset, lexicon);
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

const lexiconPatterns = new Map<Lexicon, RegExp>();
function lexiconDuration(lexicon: Lexicon): RegExp {
  let re = lexiconPatterns.get(lexicon);
  if (!re) {
    const words = Object.keys(lexicon.numberWords)
      .sort((a, b) => b.length - a.length)
      .join('|');
    const units = lexicon.durationUnits.map(([u]) => `(${u})`).join('|');
    // "kolme (3) kuukautta", "3 kuukautta", "kolmen kuukauden", "tre (3) månader", "12 mån".
    re = new RegExp(
      `(?<![\\p{L}\\d])((?:${words})(?:\\s*\\(\\s*\\d{1,4}\\s*\\))?|\\d{1,4}(?:\\s*\\(\\s*[\\p{L}-]+\\s*\\))?)[\\s-]*(?:${units})(?![\\p{L}])`,
      'giu',
    );
    lexiconPatterns.set(lexicon, re);
  }
  return re;
}

/** Durations written in a language other than English, read with that language's number and unit words. */
function findLexiconDurations(text: string, offset: number, lexicon: Lexicon): FoundDuration[] {
  const found: FoundDuration[] = [];
  for (const m of text.matchAll(lexiconDuration(lexicon))) {
    const digits = /\d{1,4}/.exec(m[1]);
    const value = digits
      ? Number(digits[0])
      : (lexicon.numberWords[m[1].toLowerCase().replace(/\s+/g, '')] ?? null);
    const unitIndex = lexicon.durationUnits.findIndex((_, i) => m[i + 2] !== undefined);
    if (value === null || value <= 0 || value > 1000 || unitIndex < 0) continue;
    const unit = lexicon.durationUnits[unitIndex][1];
    found.push({
      iso: `P${value}${unit}`,
      value,
      unit,
      start: offset + m.index,
      end: offset + m.index + m[0].length,
      text: m[0],
    });
  }
  return found;
}

/** Parses a phrase holding one duration ("a period of three (3) years" = P3Y); null when there is none. */
export function parseDuration(text: string, lexicon: Lexicon = EN): IsoDuration | null {
  return findDurations(text, 0, lexicon)[0]?.iso ?? null;
}

/** One unit of time written as a word ("year to year", "vuoden kerrallaan") found at `start` in the text. */
export function oneUnit(unit: DurationUnit, start: number, text: string): FoundDuration {
  return { iso: `P1${unit}`, value: 1, unit, start, end: start + text.length, text };
}
