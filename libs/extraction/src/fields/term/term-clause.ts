import type { EvidenceSpan, IsoDuration } from '@cb/domain';
import { cue, memoized, type ContractDocument } from '../../document/contract-document';
import { ORDINAL_WORDS, type FoundDate } from '../../parse/date-parse';
import { findDurations } from '../../parse/duration-parse';
import { datesIn } from '../dates/date-evidence';
import { definedDateIn } from '../dates/defined-dates';
import {
  englishTermSentences,
  isEnglishTermDuration,
  ENGLISH_STRONG_SUBJECT,
} from './term-sentences.en';
import { lexiconTermSentences, readLexiconTermSentence } from './term-clause.nordic';

/** A sentence that may state the term, ranked by how much it looks like the term clause. */
export interface TermSentence {
  start: number;
  end: number;
  score: number;
}

/** What one term sentence says about the initial term; `start` is the known start of the term. */
export interface TermReading {
  sentence: TermSentence;
  rank: number;
  evidence: EvidenceSpan[];
  initialTerm: IsoDuration | null;
  /** An end date written in the clause ("until December 31, 2020", "30.4.2025 saakka"). */
  explicitEnd: FoundDate | null;
  /** "until the fifth anniversary of the Effective Date": a term of N years from the start. */
  anniversaryYears: number | null;
  /** The clause measures the term from a start date (so start + term - 1 day is its end). */
  anchored: boolean;
  /** The end depends on something else too ("whichever is later", "or until ..."). */
  conditionalEnd: boolean;
  /** A start date written in the clause ("shall commence on June 1, 1999"). */
  start: FoundDate | null;
  /** true: no fixed end ("until terminated", "toistaiseksi"); false: a fixed end; null: not said. */
  perpetual: boolean | null;
  /** How the clause says it has no fixed end: an event rather than a date, or "until terminated". */
  perpetualKind: 'event' | 'until_terminated' | 'indefinite' | null;
}

/** The ranked term sentences of the document (English rules, or the lexicon's cues). */
export function termSentences(doc: ContractDocument): TermSentence[] {
  return memoized(doc, 'termSentences', () =>
    doc.language === 'en' ? englishTermSentences(doc) : lexiconTermSentences(doc),
  );
}

/** The readings of the best term sentences, best first (at most six sentences are read). */
export function termReadings(doc: ContractDocument): TermReading[] {
  return memoized(doc, 'termReadings', () => {
    const out: TermReading[] = [];
    for (const sentence of termSentences(doc).slice(0, 6)) {
      // A sentence that reads much less like the term clause than the first one read (a probation
      // period, a price review) is not an alternative reading of the term.
      if (out.length > 0 && sentence.score < out[0].sentence.score - 2) continue;
      const reading = readTermSentence(doc, sentence, out.length);
      if (reading) out.push(reading);
    }
    return out;
  });
}

/** "shall commence on March 15, 2018", "tulee voimaan 1.5.2023": a date the term starts on. */
export function explicitStart(
  doc: ContractDocument,
  sentence: { start: number; end: number },
): FoundDate | null {
  const text = doc.view.flat.slice(sentence.start, sentence.end);
  const re =
    doc.language === 'en'
      ? /\b(?:(?:shall|will)\s+(?:commence|begin|start|become\s+effective|take\s+effect)|commencing|beginning|starting)\s+(?:on|as\s+of|from)\s+(?:the\s+)?/i
      : cue(doc.lexicon.cues.effectiveFrom, 'iu');
  const m = re.exec(text);
  if (m) {
    const at = sentence.start + m.index + m[0].length;
    const d = datesIn(doc, at, at + 40)[0];
    if (d && d.start - at < 3) return d;
  }
  if (doc.language !== 'en') {
    const range = dateRange(doc, sentence);
    if (range) return range[0];
    // "kaksi (2) vuotta 1.1.2024 alkaen": a date followed by "alkaen" / "lukien".
    const after = cue(doc.lexicon.cues.effectiveFromAfter, 'iu');
    const from = datesIn(doc, sentence.start, sentence.end).find((d) =>
      after.test(doc.view.flat.slice(d.end, d.end + 20)),
    );
    if (from) return from;
    // "räknat från Startdatum", "Voimaantulopäivästä": a start date the contract defines by name.
    return definedDateIn(doc, text);
  }
  return null;
}

/** "1.5.2023–30.4.2025", "från och med den 1 maj 2023 till och med den 30 april 2025". */
export function dateRange(
  doc: ContractDocument,
  sentence: { start: number; end: number },
): [FoundDate, FoundDate] | null {
  const dates = datesIn(doc, sentence.start, sentence.end);
  for (let i = 0; i + 1 < dates.length; i++) {
    const between = doc.view.flat.slice(dates[i].end, dates[i + 1].start);
    if (
      /^\s*(?:[-–—]|till\s+och\s+med|t\.?\s*o\.?\s*m\.?|till|ja|och)\s*(?:den\s+)?$/i.test(between)
    )
      return [dates[i], dates[i + 1]];
  }
  return null;
}

const ANNIVERSARY =
  /\b(until|through|thru|on|upon|to|expir\w*\s+on|end\w*\s+on|terminat\w*\s+on|conclud\w*\s+on|(?:earlier|later)\s+of\s+(?:\(\s*[a-z0-9]{1,4}\s*\)\s*)?)\s+(?:the\s+day\s+(?:prior|before)\s+(?:to\s+)?)?the\s+([a-z-]+|\d{1,2}(?:st|nd|rd|th))\s*(?:\(\s*\d{1,2}\s*(?:st|nd|rd|th)?\s*\)\s*)?anniversary\s+(?:of\s+the\s+(?:effective|commencement|execution)\s+date|thereof|hereof|of\s+(?:this\s+agreement|the\s+date\s+(?:hereof|of\s+this\s+agreement)))/i;
const EN_END_CUE =
  /\b(?:(?:until|through|thru)(?:\s+and\s+including)?|to\s+and\s+including|conclud(?:e|es|ing)(?:\s+on)?|expir(?:e|es|ing)(?:\s+(?:on|at))?|end(?:s|ing)?(?:\s+(?:on|as\s+of))?|terminat(?:e|es|ing)(?:\s+on)?|and\s+ending|to)\s+(?:(?:11:59|midnight|5:00|12:00)[^,]{0,30},?\s*)?(?:on\s+)?(?:the\s+)?/gi;
const CONDITIONAL_END =
  /whichever\s+is\s+(?:later|longer|earlier)|\bor\s+until\b(?!\s+(?:(?:sooner|earlier)\s+)?terminated)|\blater\s+(?:of|to\s+occur)|\bearlier\s+of\b/;
const ANCHOR =
  /\b(?:from|after|following|commenc|beginning|starting|effective|as\s+of|of\s+the\s+effective|date\s+hereof|execution)/i;
const EVENT_END =
  /\b(?:for\s+so\s+long\s+as|(?:continue|remain)\s+in\s+(?:full\s+)?(?:force|effect)(?:\s+and\s+effect)?\s+until\s+(?!(?:the\s+)?(?:end|expiration|expiry)\s+of\s+(?:the\s+|such\s+)?(?:initial|then|current|renewal|extended))[a-z]+\s+(?:ceases|has|have|is|are|no\s+longer)\b|until\s+the\s+(?:earlier|later)\s+(?:of|to\s+occur)|(?:until|through|ending\s+on)\s+the\s+(?:expiration|termination|completion)\s+(?:(?:and\/or|or)\s+(?:earlier\s+)?termination\s+)?of|perpetuity)\b/;
const UNTIL_TERMINATED =
  /\b(?:perpetual(?:ly)?|in\s+perpetuity|indefinite(?:ly)?|until\s+(?:(?:it\s+is|this\s+agreement\s+is)\s+)?terminated|unless\s+and\s+until\s+terminated|until\s+(?:such\s+time\s+as\s+)?(?:it\s+is\s+)?terminated|unless\s+terminated(?!\s+(?:sooner|earlier|early|prior|before|in\s+accordance|pursuant|as\s+provided|under))|until\s+(?:the\s+)?(?:expiration|termination)\s+of\s+(?:the\s+last|all|the|each)|until\s+the\s+(?:parties|later|last))\b/;

function ordinalValue(raw: string): number | null {
  const word = raw.toLowerCase();
  if (word in ORDINAL_WORDS) return ORDINAL_WORDS[word];
  const digits = /^(\d{1,2})/.exec(word);
  return digits ? Number(digits[1]) : null;
}

function emptyReading(sentence: TermSentence, rank: number, evidence: EvidenceSpan[]): TermReading {
  return {
    sentence,
    rank,
    evidence,
    initialTerm: null,
    explicitEnd: null,
    anniversaryYears: null,
    anchored: false,
    conditionalEnd: false,
    start: null,
    perpetual: null,
    perpetualKind: null,
  };
}

function readTermSentence(
  doc: ContractDocument,
  sentence: TermSentence,
  rank: number,
): TermReading | null {
  const view = doc.view;
  const text = view.flat.slice(sentence.start, sentence.end);
  const lower = text.toLowerCase();
  const reading = emptyReading(sentence, rank, [view.span(sentence.start, sentence.end)]);
  reading.start = startOfTerm(doc, sentence);
  reading.conditionalEnd = CONDITIONAL_END.test(lower);
  if (doc.language !== 'en') return readLexiconTermSentence(doc, reading) ? reading : null;
  const durations = findDurations(text, sentence.start).filter((d) =>
    isEnglishTermDuration(doc, d),
  );
  // An explicit end: "until December 31, 2020", "expire on ...", "ending on ...", "through ...".
  for (const e of text.matchAll(EN_END_CUE)) {
    const at = sentence.start + e.index + e[0].length;
    const d = datesIn(doc, at, at + 40)[0];
    if (d && d.start - at < 5) {
      reading.explicitEnd = d;
      reading.initialTerm = durations[0]?.iso ?? null;
      reading.perpetual = false;
      return reading;
    }
  }
  const anniversary = ANNIVERSARY.exec(text);
  const years = anniversary ? ordinalValue(anniversary[2]) : null;
  if (years && years <= 99) {
    reading.anniversaryYears = years;
    reading.initialTerm = `P${years}Y`;
    reading.anchored = true;
    reading.perpetual = false;
    return reading;
  }
  if (durations.length > 0) {
    reading.initialTerm = durations[0].iso;
    reading.anchored = ANCHOR.test(text) || ENGLISH_STRONG_SUBJECT.test(text);
    reading.perpetual = false;
    return reading;
  }
  // No fixed end: until terminated, in perpetuity, or until an event rather than a date ("for so long as ...",
  // "until the expiration of the last Royalty Term").
  if (EVENT_END.test(lower)) {
    reading.perpetual = true;
    reading.perpetualKind = 'event';
    return reading;
  }
  if (UNTIL_TERMINATED.test(lower)) {
    reading.perpetual = true;
    reading.perpetualKind = 'until_terminated';
    return reading;
  }
  return null;
}

/** The start date written in the term sentence ("commencing on ...", "November 1, 2014 to October 31, 2017"), if any. */
function startOfTerm(doc: ContractDocument, sentence: TermSentence): FoundDate | null {
  if (doc.language !== 'en') return explicitStart(doc, sentence);
  const text = doc.view.flat.slice(sentence.start, sentence.end);
  const dates = datesIn(doc, sentence.start, sentence.end);
  for (let i = 0; i + 1 < dates.length; i++) {
    const between = doc.view.flat.slice(dates[i].end, dates[i + 1].start);
    if (/^\s*(?:-|–|—|to|through|thru|until)\s*(?:and\s+including\s+)?$/i.test(between))
      return dates[i];
  }
  const re =
    /\b(?:commenc(?:e|es|ing)|begin(?:s|ning)?|start(?:s|ing)?|effective|from)\s+(?:on\s+|as\s+of\s+)?(?:the\s+)?/gi;
  for (const m of text.matchAll(re)) {
    const at = sentence.start + m.index + m[0].length;
    const d = datesIn(doc, at, at + 40)[0];
    if (d && d.start - at < 4) return d;
  }
  return null;
}
