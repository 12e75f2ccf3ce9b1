import {
  addDays,
  addDuration,
  type EvidenceSpan,
  type IsoDate,
  type IsoDuration,
} from '@cb/domain';
import {
  DATE_FIRST_WRITTEN,
  LAST_SIGNATURE_DATE,
  ORDINAL_WORDS,
  findDates,
  type FoundDate,
} from './date-parse.util';
import { findDurations, type FoundDuration } from './duration-parse.util';
import type { TextView } from './text-view.util';

export interface Finding<T> {
  value: T;
  confidence: number;
  evidence: EvidenceSpan[];
}

export interface DateTermFindings {
  agreementDate: Finding<IsoDate> | null;
  effectiveDate: Finding<IsoDate> | null;
  initialTerm: Finding<IsoDuration> | null;
  expirationDate: Finding<IsoDate> | null;
  perpetual: Finding<boolean> | null;
  autoRenewal: Finding<boolean> | null;
  renewalTerm: Finding<IsoDuration> | null;
  noticePeriod: Finding<IsoDuration> | null;
}

const PREAMBLE_CHARS = 6000;

/** Agreement and effective dates, the initial term, its end, renewal and notice of non-renewal. */
export function findDatesAndTerm(view: TextView): DateTermFindings {
  const agreementDate = findAgreementDate(view);
  let effectiveDate = findEffectiveDate(view, agreementDate);
  const term = findTerm(view, effectiveDate ?? agreementDate);
  // "This Agreement shall commence on June 1, 1999": the term's first day is the effective date.
  if (!effectiveDate && term.termStart) effectiveDate = { ...term.termStart, confidence: 0.7 };
  const renewal = findRenewal(view);
  return { agreementDate, effectiveDate, ...term, ...renewal };
}

function dateFinding(
  view: TextView,
  date: FoundDate,
  confidence: number,
  contextStart?: number,
): Finding<IsoDate> {
  const start = contextStart !== undefined ? Math.min(contextStart, date.start) : date.start;
  return { value: date.iso, confidence, evidence: [view.span(start, date.end)] };
}

/** Dates written in signature blocks ("Date: March 3, 2019") after "IN WITNESS WHEREOF". */
function signatureDates(view: TextView): FoundDate[] {
  const witness = view.lower.lastIndexOf('in witness whereof');
  if (witness < 0) return [];
  const block = view.flat.slice(witness, witness + 4000);
  return findDates(block, witness).filter((d) =>
    /\bdated?\s*:?\s*$/i.test(view.flat.slice(Math.max(0, d.start - 12), d.start)),
  );
}

function findAgreementDate(view: TextView): Finding<IsoDate> | null {
  const head = view.flat.slice(0, PREAMBLE_CHARS);
  // The preamble: "made and entered into as of the 3rd day of March, 2019", "dated as of March 3, 2019".
  const cue =
    /\b(?:dated|made|entered\s+into|executed|effective|signed|concluded|agreement\s+date|as\s+of)\b/gi;
  for (const m of head.matchAll(cue)) {
    const window = head.slice(m.index, m.index + 160);
    const dates = findDates(window, m.index);
    if (dates.length === 0) continue;
    const first = dates[0];
    const between = view.flat.slice(m.index + m[0].length, first.start);
    // The date must belong to the cue, not to a later clause ("... made pursuant to the Agreement dated ...").
    if (
      /\b(?:pursuant|amend|original|prior|previous|existing|under\s+(?:that|the)|between|agreement|contract|license|lease|plan)\b|\.\s/i.test(
        between,
      )
    )
      continue;
    const before = view.lower.slice(Math.max(0, m.index - 300), m.index);
    const sentenceStart = view.sentenceAt(m.index, 600).start;
    const lead = view.lower.slice(sentenceStart, m.index);
    // Recitals about other agreements: "WHEREAS, the parties entered into a Supply Agreement dated ...".
    if (
      /\bwhereas\b|that\s+certain|\bentered\s+into\s+(?:a|an|the|that)\b|previously|heretofore|\b(?:a|an|certain|said|such|existing|original|prior|underlying)\s+(?:[\w&-]+\s+){0,6}(?:agreement|contract|license|lease|plan|note)\s*,?\s*$/.test(
        lead,
      )
    )
      continue;
    if (
      /\b(?:amended|original|previous|prior|existing)\s+(?:agreement|contract)[^.]{0,40}$/.test(
        before,
      )
    )
      continue;
    return dateFinding(view, first, 0.9, m.index);
  }
  // A cover line with the date alone ("Dated: June 1, 2004" or a bare date before the preamble).
  const preamble = /\bthis\b[^.]{0,200}\b(?:agreement|contract|amendment)\b/i.exec(head);
  const coverEnd = preamble ? preamble.index : Math.min(head.length, 1500);
  // Only a date on a line of its own ("May 04, 2017", "Dated: June 1, 2004"), not one inside a sentence.
  const cover = findDates(view.flat.slice(0, coverEnd))
    .filter((d) => {
      const lineStart = view.text.lastIndexOf('\n', d.start - 1) + 1;
      const lineEnd = view.text.indexOf('\n', d.end);
      const line = view.text.slice(lineStart, lineEnd < 0 ? view.text.length : lineEnd).trim();
      return line.length <= 40 || /^dated?\b/i.test(line);
    })
    .filter(
      (d) =>
        !/source:\s*[^,]*,[^,]*,\s*$/i.test(view.flat.slice(Math.max(0, d.start - 80), d.start)),
    );
  if (cover.length === 1) return dateFinding(view, cover[0], 0.6);
  // "IN WITNESS WHEREOF, the parties have executed this Agreement as of the 4th day of April, 2003."
  const witness = /\bin\s+witness\s+whereof\b[^.]{0,200}?\b(?:as\s+of|on|this|dated)\b/gi;
  for (const m of view.flat.matchAll(witness)) {
    const d = findDates(
      view.flat.slice(m.index + m[0].length, m.index + m[0].length + 60),
      m.index + m[0].length,
    )[0];
    if (d && !/[.;]/.test(view.flat.slice(m.index + m[0].length, d.start)))
      return dateFinding(view, d, 0.7, m.index);
  }
  // Signed without a dated preamble: one date written on its own line where the parties sign.
  const witnessAt = view.lower.lastIndexOf('in witness whereof');
  const signArea = witnessAt >= 0 ? witnessAt : Math.max(0, view.text.length - 2500);
  const signed = findDates(view.flat.slice(signArea), signArea).filter((d) => {
    const lineStart = view.text.lastIndexOf('\n', d.start - 1) + 1;
    const lineEnd = view.text.indexOf('\n', d.end);
    return view.text.slice(lineStart, lineEnd < 0 ? view.text.length : lineEnd).trim().length <= 40;
  });
  if (
    signed.length > 0 &&
    new Set(signed.map((d) => d.iso)).size === 1 &&
    !LAST_SIGNATURE_DATE.test(head)
  ) {
    return dateFinding(view, signed[0], 0.5);
  }
  // "as of the date of the last signature below": the latest date in the signature blocks.
  if (LAST_SIGNATURE_DATE.test(head)) {
    const signed = signatureDates(view);
    if (signed.length > 0) {
      const latest = signed.reduce((a, b) => (a.iso >= b.iso ? a : b));
      return dateFinding(view, latest, 0.7);
    }
  }
  return null;
}

function findEffectiveDate(
  view: TextView,
  agreementDate: Finding<IsoDate> | null,
): Finding<IsoDate> | null {
  const flat = view.flat;
  // 1. A date defined as the Effective Date: 'March 1, 2019 (the "Effective Date")'.
  for (const m of flat.matchAll(
    /\(\s*(?:the|this|hereinafter(?:\s+referred\s+to\s+as)?(?:\s+the)?)?\s*"(?:effective|commencement)\s+date"\s*\)|\(\s*hereinafter\s+referred\s+to\s+as\s+the\s+effective\s+date[^)]*\)/gi,
  )) {
    const before = flat.slice(Math.max(0, m.index - 160), m.index);
    const dates = findDates(before, Math.max(0, m.index - 160));
    const last = dates[dates.length - 1];
    if (last && !/[.;]\s/.test(flat.slice(last.end, m.index))) return dateFinding(view, last, 0.9);
    if (DATE_FIRST_WRITTEN.test(before.slice(-100)) && agreementDate) {
      return {
        ...agreementDate,
        confidence: 0.8,
        evidence: [...agreementDate.evidence, view.span(m.index - 100, m.index + m[0].length)],
      };
    }
  }
  // 2. '"Effective Date" means March 1, 2019' or 'effective as of March 1, 2019' or 'the effective date shall be ...'.
  const cues =
    /"(?:effective|commencement)\s+date"\s+(?:shall\s+)?(?:mean|be|is)s?\b\s*:?|\beffective\s+(?:as\s+of|on|from)\b|\beffective\s+date\s+of\s+this\s+(?:agreement|amendment)\s+(?:is|shall\s+be|will\s+be)\b|\b(?:is|shall\s+be|become)\s+effective\b/gi;
  for (const m of flat.matchAll(cues)) {
    const after = flat.slice(m.index + m[0].length, m.index + m[0].length + 90);
    const dates = findDates(after, m.index + m[0].length);
    const gap = dates[0] ? flat.slice(m.index + m[0].length, dates[0].start) : '';
    if (
      dates[0] &&
      !/[.;]|\b(?:prior|after|following|before|until|upon|later|through|thru|including|hereof|expir\w*|end\w*|terminat\w*)\b/i.test(
        gap,
      )
    ) {
      const before = view.lower.slice(Math.max(0, m.index - 200), m.index);
      if (
        /\b(?:amended|original|previous|prior|existing)\s+(?:agreement|contract)[^.]{0,60}$/.test(
          before,
        )
      )
        continue;
      return dateFinding(view, dates[0], 0.85, m.index);
    }
    if (
      agreementDate &&
      DATE_FIRST_WRITTEN.test(after.slice(0, 70)) &&
      /^\s*(?:as\s+of\s+|on\s+|from\s+)?(?:the\s+)?(?:date|day)/i.test(after)
    ) {
      return {
        ...agreementDate,
        confidence: 0.8,
        evidence: [...agreementDate.evidence, view.span(m.index, m.index + m[0].length + 60)],
      };
    }
  }
  // "This Agreement commences on the date first above written", "the Term shall commence on the date of this
  // Agreement": the agreement starts on the date it is dated.
  if (agreementDate) {
    const startsWhenDated =
      /\b(?:this\s+agreement|the\s+(?:initial\s+)?term(?:\s+of\s+this\s+agreement)?)\s+(?:shall\s+|will\s+)?(?:commences?|begins?|starts?|takes?\s+effect|become\s+effective|be\s+effective|is\s+effective)\s+(?:on|as\s+of|from)\s+(?:the\s+date\s+(?:of\s+this\s+agreement|hereof)\b|(?=(?:the\s+)?(?:date|day\s+and\s+year)\s+first))/gi;
    for (const m of flat.matchAll(startsWhenDated)) {
      const after = flat.slice(m.index + m[0].length, m.index + m[0].length + 80);
      if (
        /date\s+(?:of\s+this\s+agreement|hereof)\s*$/i.test(m[0]) ||
        DATE_FIRST_WRITTEN.test(after.slice(0, 60))
      ) {
        return {
          ...agreementDate,
          confidence: 0.75,
          evidence: [...agreementDate.evidence, view.span(m.index, m.index + m[0].length + 40)],
        };
      }
    }
  }
  // '"Effective Date" means the date of the last signature below': the latest signature date.
  const lastSigned =
    /"effective\s+date"[^.]{0,60}?\b(?:means|is|shall\s+be)\b[^.]{0,40}$|\beffective\s+(?:as\s+of|on)\s*$/i;
  for (const m of flat.matchAll(new RegExp(LAST_SIGNATURE_DATE.source, 'gi'))) {
    if (!lastSigned.test(flat.slice(Math.max(0, m.index - 120), m.index))) continue;
    const signed = signatureDates(view);
    if (signed.length > 0) {
      const latest = signed.reduce((a, b) => (a.iso >= b.iso ? a : b));
      return {
        value: latest.iso,
        confidence: 0.7,
        evidence: [view.span(m.index, m.index + m[0].length), view.span(latest.start, latest.end)],
      };
    }
  }
  return null;
}

const TERM_CUE =
  /\b(?:shall|will|is\s+to)\s+(?:(?:automatically\s+)?(?:commence|begin|continue|remain|expire|end|terminate|be\s+effective|become\s+effective|run|be\s+in\s+(?:full\s+)?(?:force|effect)|have\s+(?:a|an)\s+(?:initial\s+)?term|be\s+for))|\bterm\s+of\s+this\b|\binitial\s+term\b|\bterm\s+(?:is|shall\s+be|will\s+be)\b|"?(?:contract\s+period|term|initial\s+term)"?\s+(?:shall\s+)?means?\b|^\s*term\s*:/gim;
const STRONG_SUBJECT =
  /\b(?:(?:the\s+)?(?:initial\s+)?term\s+of\s+this\s+(?:agreement|contract|amendment)|this\s+(?:agreement|contract|amendment|oma)\s+(?:shall|will)|the\s+"?(?:initial\s+)?term"?\s+(?:shall|will|is)|initial\s+term|"?(?:contract\s+period|term|initial\s+term)"?\s+(?:shall\s+)?means?|agreement\s+term|^\s*term\s*:)/im;
const OTHER_SUBJECT =
  /\b(?:license|licen[cs]es|patent|warranty|warranties|royalty|statement\s+of\s+work|purchase\s+order|lease|employment|obligations?|restrictions?|covenants?|representations|rights\s+granted|exclusivity|provisions?|section|sections|survive|surviv|indemnif|payment|offer|option\s+period|calendar\s+quarter|promotion\s+period|study|protocol|escrow|policy)\b/i;

interface TermCandidate {
  start: number;
  end: number;
  score: number;
}

function termCandidates(view: TextView): TermCandidate[] {
  const seen = new Set<number>();
  const out: TermCandidate[] = [];
  for (const m of view.flat.matchAll(TERM_CUE)) {
    const sentence = view.sentenceAt(m.index + 1, 900);
    if (seen.has(sentence.start)) continue;
    seen.add(sentence.start);
    const text = view.flat.slice(sentence.start, sentence.end);
    let score = 0;
    if (STRONG_SUBJECT.test(text)) score += 3;
    else if (
      /\b(?:agreement|contract)\b/i.test(text) &&
      /\b(?:commence|continue|remain|expire|effective|period\s+of|until|through)\b/i.test(text)
    )
      score += 1;
    else continue;
    const heading = view.lower.slice(Math.max(0, sentence.start - 60), sentence.start);
    if (
      /\bterm(?:\s+and\s+termination)?\b[\s.:]*$|\bduration\b[\s.:]*$|\bterm\s+of\s+(?:agreement|contract)\b[\s.:]*$/.test(
        heading,
      )
    )
      score += 2;
    const subjectZone = text.slice(0, 120);
    if (
      OTHER_SUBJECT.test(subjectZone) &&
      !/term\s+of\s+this\s+(?:agreement|contract)|this\s+(?:agreement|contract)\s+(?:shall|will)/i.test(
        subjectZone,
      )
    )
      score -= 3;
    if (/\b(?:whereas|prior\s+agreement|original\s+agreement)\b/i.test(text)) score -= 2;
    if (findDates(text).length > 0 && /\b(?:until|through|expire|end|terminat|conclud)/i.test(text))
      score += 1;
    if (score > 0) out.push({ ...sentence, score });
  }
  return out.sort((a, b) => b.score - a.score || a.start - b.start);
}

type TermFindings = Pick<DateTermFindings, 'initialTerm' | 'expirationDate' | 'perpetual'> & {
  termStart: Finding<IsoDate> | null;
};

function findTerm(view: TextView, start: Finding<IsoDate> | null): TermFindings {
  for (const candidate of termCandidates(view).slice(0, 6)) {
    const found = readTermSentence(view, candidate, start);
    if (found) return { ...found, termStart: explicitStart(view, candidate) };
  }
  return { initialTerm: null, expirationDate: null, perpetual: null, termStart: null };
}

/** "shall commence on March 15, 2018", "shall begin on 1 January 1998": a date the term starts on. */
function explicitStart(
  view: TextView,
  sentence: { start: number; end: number },
): Finding<IsoDate> | null {
  const text = view.flat.slice(sentence.start, sentence.end);
  const m =
    /\b(?:(?:shall|will)\s+(?:commence|begin|start|become\s+effective|take\s+effect)|commencing|beginning|starting)\s+(?:on|as\s+of|from)\s+(?:the\s+)?/i.exec(
      text,
    );
  if (!m) return null;
  const at = sentence.start + m.index + m[0].length;
  const d = findDates(view.flat.slice(at, at + 40), at)[0];
  return d && d.start - at < 3
    ? { value: d.iso, confidence: 0.75, evidence: [view.span(sentence.start, sentence.end)] }
    : null;
}

const ANNIVERSARY =
  /\b(until|through|thru|on|to|expir\w*\s+on|end\w*\s+on|terminat\w*\s+on|conclud\w*\s+on)\s+(?:the\s+day\s+(?:prior|before)\s+(?:to\s+)?)?the\s+([a-z-]+|\d{1,2}(?:st|nd|rd|th))\s*(?:\(\s*\d{1,2}\s*(?:st|nd|rd|th)?\s*\)\s*)?anniversary\s+of\s+the\s+(?:effective|commencement|execution)\s+date/i;

function ordinalValue(raw: string): number | null {
  const word = raw.toLowerCase();
  if (word in ORDINAL_WORDS) return ORDINAL_WORDS[word];
  const digits = /^(\d{1,2})/.exec(word);
  return digits ? Number(digits[1]) : null;
}

function readTermSentence(
  view: TextView,
  sentence: { start: number; end: number },
  start: Finding<IsoDate> | null,
): Pick<DateTermFindings, 'initialTerm' | 'expirationDate' | 'perpetual'> | null {
  const text = view.flat.slice(sentence.start, sentence.end);
  const lower = text.toLowerCase();
  const evidence = [view.span(sentence.start, sentence.end)];
  // An explicit end: "until December 31, 2020", "expire on ...", "ending on ...", "through ...".
  const endCue =
    /\b(?:(?:until|through|thru)(?:\s+and\s+including)?|to\s+and\s+including|conclud(?:e|es|ing)(?:\s+on)?|expir(?:e|es|ing)\s+(?:on|at)?|end(?:s|ing)?\s+(?:on|as\s+of)?|terminat(?:e|es|ing)\s+(?:on)?|and\s+ending|to)\s+(?:(?:11:59|midnight|5:00|12:00)[^,]{0,30},?\s*)?(?:on\s+)?(?:the\s+)?/gi;
  for (const e of text.matchAll(endCue)) {
    const at = sentence.start + e.index + e[0].length;
    const d = findDates(view.flat.slice(at, at + 40), at)[0];
    if (d && d.start - at < 5) {
      const durations = findDurations(text, sentence.start).filter((x) => isTermDuration(view, x));
      const initialTerm = durations[0]
        ? { value: durations[0].iso, confidence: 0.7, evidence }
        : null;
      return {
        initialTerm,
        expirationDate: { value: d.iso, confidence: 0.85, evidence },
        perpetual: { value: false, confidence: 0.8, evidence },
      };
    }
  }
  // "until the fifth (5th) anniversary of the Effective Date": a term of N years from the start.
  const anniversary = ANNIVERSARY.exec(text);
  if (anniversary) {
    const years = ordinalValue(anniversary[2]);
    const startDate = startOfTerm(view, text, sentence.start, start);
    if (years && years <= 99) {
      const iso = `P${years}Y`;
      let expirationDate: Finding<IsoDate> | null = null;
      if (
        startDate &&
        !/whichever\s+is\s+(?:later|longer|earlier)|\blater\s+(?:of|to\s+occur)|\bearlier\s+of\b/.test(
          lower,
        )
      ) {
        try {
          expirationDate = {
            value: addDays(addDuration(startDate.value, iso), -1),
            confidence: Math.min(0.75, startDate.confidence),
            evidence: [...evidence, ...startDate.evidence],
          };
        } catch {
          expirationDate = null;
        }
      }
      return {
        initialTerm: { value: iso, confidence: 0.7, evidence },
        expirationDate,
        perpetual: { value: false, confidence: 0.7, evidence },
      };
    }
  }
  const durations = findDurations(text, sentence.start).filter((d) => isTermDuration(view, d));
  if (durations.length > 0) {
    const duration = durations[0];
    const startDate = startOfTerm(view, text, sentence.start, start);
    let expirationDate: Finding<IsoDate> | null = null;
    const anchored =
      /\b(?:from|after|following|commenc|beginning|starting|effective|as\s+of|of\s+the\s+effective|date\s+hereof|execution)/i.test(
        text,
      );
    if (
      startDate &&
      (anchored || STRONG_SUBJECT.test(text)) &&
      !/whichever\s+is\s+(?:later|longer|earlier)|\bor\s+until\b|\blater\s+(?:of|to\s+occur)|\bearlier\s+of\b/.test(
        lower,
      )
    ) {
      try {
        expirationDate = {
          value: addDays(addDuration(startDate.value, duration.iso), -1),
          confidence: Math.min(0.75, startDate.confidence),
          evidence: [...evidence, ...startDate.evidence],
        };
      } catch {
        expirationDate = null;
      }
    }
    return {
      initialTerm: { value: duration.iso, confidence: 0.75, evidence },
      expirationDate,
      perpetual: { value: false, confidence: 0.7, evidence },
    };
  }
  // No fixed end: until terminated, in perpetuity, or until an event rather than a date ("for so long as ...",
  // "until the expiration of the last Royalty Term").
  if (
    /\b(?:for\s+so\s+long\s+as|(?:continue|remain)\s+in\s+(?:full\s+)?(?:force|effect)(?:\s+and\s+effect)?\s+until\s+(?!(?:the\s+)?(?:end|expiration|expiry)\s+of\s+(?:the\s+|such\s+)?(?:initial|then|current|renewal|extended))[a-z]+\s+(?:ceases|has|have|is|are|no\s+longer)\b|until\s+the\s+(?:earlier|later)\s+(?:of|to\s+occur)|(?:until|through|ending\s+on)\s+the\s+(?:expiration|termination|completion)\s+(?:(?:and\/or|or)\s+(?:earlier\s+)?termination\s+)?of|perpetuity)\b/.test(
      lower,
    )
  ) {
    return {
      initialTerm: null,
      expirationDate: null,
      perpetual: { value: true, confidence: 0.5, evidence },
    };
  }
  if (
    /\b(?:perpetual(?:ly)?|in\s+perpetuity|indefinite(?:ly)?|until\s+(?:(?:it\s+is|this\s+agreement\s+is)\s+)?terminated|unless\s+and\s+until\s+terminated|until\s+(?:such\s+time\s+as\s+)?(?:it\s+is\s+)?terminated|unless\s+terminated(?!\s+(?:sooner|earlier|early|prior|before|in\s+accordance|pursuant|as\s+provided|under))|until\s+(?:the\s+)?(?:expiration|termination)\s+of\s+(?:the\s+last|all|the|each)|until\s+the\s+(?:parties|later|last))\b/.test(
      lower,
    )
  ) {
    return {
      initialTerm: null,
      expirationDate: null,
      perpetual: { value: true, confidence: 0.6, evidence },
    };
  }
  return null;
}

const TERM_FROM_START =
  /\b(?:effective|commencement|start)\s+date\s*,?\s+and\s+(?:shall\s+|will\s+)?(?:continue|remain|run)\s+(?:in\s+(?:full\s+)?(?:force|effect)\s+(?:and\s+effect\s+)?)?(?:for\s+)?(?:a\s+(?:period|term)\s+of\s+)?$/;

/** A duration that measures the term (not "within 30 days", "90 days' notice", "at least 2 years old"). */
function isTermDuration(view: TextView, d: FoundDuration): boolean {
  const before = view.lower.slice(Math.max(0, d.start - 60), d.start);
  const after = view.lower.slice(d.end, d.end + 50);
  if (
    /\b(?:within|upon|giving|least|than|about|approximately|after|every|each|additional|successive|renewal|further|extension|subsequent|consecutive)\s*$|\bwithin\s+(?:the\s+)?(?:first|initial|last)\s*$/.test(
      before,
    )
  )
    return false;
  if (/\b(?:additional|successive|renewal|further|consecutive)\b/i.test(d.text)) return false;
  // "for one year thereafter" is usually a renewal; it is the term itself when it runs from the start
  // ("begin on the Effective Date and continue for three (3) years thereafter (the "Initial Term")").
  if (
    /^\s*thereafter\b/.test(after) &&
    !/^\s*thereafter\s*\(\s*(?:the\s+|herein\s+)?["“”']?initial\s+term/.test(after) &&
    !TERM_FROM_START.test(before)
  )
    return false;
  if (
    /^\s*(?:'|')?s?\s*(?:prior|advance|written|notice|before|following\s+(?:receipt|notice|the\s+(?:date|end|expiration|termination))|after\s+(?:receipt|notice|the\s+(?:end|expiration|termination))|of\s+(?:the\s+)?(?:receipt|notice)|in\s+advance)/.test(
      after,
    )
  )
    return false;
  if (/\b(?:notice|renew|renewal|extend|extension)\b/.test(before.slice(-30))) return false;
  return d.unit !== 'D' || d.value >= 180;
}

function startOfTerm(
  view: TextView,
  sentence: string,
  offset: number,
  fallback: Finding<IsoDate> | null,
): Finding<IsoDate> | null {
  const cue =
    /\b(?:commenc(?:e|es|ing)|begin(?:s|ning)?|start(?:s|ing)?|effective|from)\s+(?:on\s+|as\s+of\s+)?(?:the\s+)?/gi;
  for (const m of sentence.matchAll(cue)) {
    const d = findDates(
      sentence.slice(m.index + m[0].length, m.index + m[0].length + 40),
      offset + m.index + m[0].length,
    )[0];
    if (d && d.start - (offset + m.index + m[0].length) < 4)
      return { value: d.iso, confidence: 0.8, evidence: [view.span(d.start, d.end)] };
  }
  return fallback;
}

const AUTO_RENEW =
  /\b(?:automatic(?:ally)?\s+(?:be\s+)?(?:renew|extend|continu|roll)|auto-?renew|(?:renew|extend|continu)(?:e|es|ed|s)?\s+automatically|extended\s+automatically|indefinitely\s+(?:after\s+that|thereafter)|evergreen|renewed\s+tacitly|tacit(?:ly)?\s+renew|(?:shall|will)\s+(?:thereafter\s+)?(?:be\s+)?(?:renewed|extended|renew)\s+(?:thereafter\s+)?(?:for|on\s+a|from)\s+(?:(?:an?|one|two|three|four|five|successive|additional|consecutive|further|subsequent|like|similar)\b|\w+\s*\(\d+\)|year[\s-]+to[\s-]+year|month[\s-]+to[\s-]+month)|(?:shall|will)\s+(?:thereafter\s+)?continue\s+(?:in\s+(?:full\s+)?(?:force|effect)\s+(?:and\s+effect\s+)?)?(?:thereafter\s+)?(?:for\s+(?:successive|additional|consecutive|further|subsequent)|(?:on\s+a\s+|from\s+)?(?:year[\s-]+to[\s-]+year|month[\s-]+to[\s-]+month)|thereafter\s+until\s+terminated)|unless\s+(?:a\s+)?notice\s+of\s+non-?\s?renewal)/gi;
const OPTION_RENEW =
  /\b(?:options?|right|may|can)\b[^.;]{0,100}?\b(?:renew|extend|extension|continue\s+the\s+franchise)|\brenewable\b|\b(?:renewed|extended)\s+(?:for|by)\s+(?:an?\s+)?(?:additional|further|one\s+further)\b/gi;
const NOT_AUTO =
  /\b(?:mutual(?:ly)?\s+(?:written\s+)?(?:agree|consent|agreement)|upon\s+(?:the\s+)?(?:mutual|written\s+agreement)|by\s+(?:mutual\s+)?agreement\s+of\s+(?:both|the)\s+parties|if\s+(?:both|the)\s+parties\s+(?:so\s+)?agree|option\s+to\s+(?:renew|extend)|may\s+(?:be\s+)?(?:renew|extend)|at\s+(?:its|their)\s+(?:sole\s+)?(?:option|election|discretion)|right\s+to\s+(?:renew|extend)|(?:parties|party)\s+(?:may|shall)\s+(?:negotiate|discuss)|subject\s+to\s+(?:the\s+)?(?:mutual|written)\s+agreement|(?:elects?|requests?)\s+to\s+(?:renew|extend))\b/i;
const UNLESS_NOTICE =
  /\b(?:unless|until|except\s+if|provided\s+(?:that\s+)?(?:neither|no))\b|non-?renewal|not\s+to\s+renew|terminate/i;

function findRenewal(
  view: TextView,
): Pick<DateTermFindings, 'autoRenewal' | 'renewalTerm' | 'noticePeriod'> {
  let optionSentence: { start: number; end: number } | null = null;
  for (const m of view.flat.matchAll(AUTO_RENEW)) {
    const sentence = view.sentenceAt(m.index + 1, 1200);
    const text = view.flat.slice(sentence.start, sentence.end);
    const lower = text.toLowerCase();
    if (
      /\b(?:license|warranty|insurance|policy|policies|patent|lease|guarantee)\b[^.]{0,40}\b(?:shall|will)\s+(?:automatically\s+)?(?:renew|extend|continue)/.test(
        lower,
      ) &&
      !/\bagreement\b|\bterm\b/.test(lower)
    )
      continue;
    // The agreement (or its term) must be what renews, not a "Support Period" or a licence. "It" at the start
    // of the sentence counts when the sentence before is about the agreement ("The present Agreement is
    // effective as from 1 January 2009. It is ... renewed tacitly every year.").
    if (
      !/\b(?:agreement|term|contract|arrangement)\b/.test(
        view.lower.slice(sentence.start, m.index + m[0].length),
      ) &&
      !(
        /^\s*it\s+(?:is|shall|will)\b/.test(view.lower.slice(sentence.start, m.index)) &&
        sentence.start > 1 &&
        /\b(?:agreement|contract)\b/.test(
          view.lower.slice(view.sentenceAt(sentence.start - 2, 600).start, sentence.start),
        )
      )
    )
      continue;
    const evidence = [view.span(sentence.start, sentence.end)];
    const isEvergreen =
      /evergreen|automatic|auto-?renew|tacit|indefinitely|year\s+to\s+year|month\s+to\s+month|non-?\s?renewal|thereafter\s+until\s+terminated/.test(
        lower,
      ) || UNLESS_NOTICE.test(lower);
    if (NOT_AUTO.test(lower) && !/automatic/.test(lower)) {
      optionSentence ??= sentence;
      continue;
    }
    if (!isEvergreen) continue;
    const renewalTerm = renewalDuration(view, sentence.start, sentence.end, m.index);
    const noticePeriod = noticeDuration(view, sentence.start, sentence.end);
    return {
      autoRenewal: {
        value: true,
        confidence: /automatic|evergreen/.test(lower) ? 0.9 : 0.75,
        evidence,
      },
      renewalTerm: renewalTerm
        ? {
            value: renewalTerm.iso,
            confidence: 0.8,
            evidence: [view.span(renewalTerm.start, renewalTerm.end), ...evidence],
          }
        : null,
      noticePeriod: noticePeriod
        ? {
            value: noticePeriod.iso,
            confidence: 0.75,
            evidence: [view.span(noticePeriod.start, noticePeriod.end), ...evidence],
          }
        : null,
    };
  }
  if (!optionSentence) {
    for (const m of view.flat.matchAll(OPTION_RENEW)) {
      const sentence = view.sentenceAt(m.index + 1, 1000);
      const lower = view.lower.slice(sentence.start, sentence.end);
      if (
        !/\b(?:agreement|term|franchise|contract)\b/.test(lower) ||
        /\b(?:license|warranty|insurance|policy|lease)\b[^.]{0,30}\b(?:renew|extend)/.test(lower)
      )
        continue;
      if (!renewalDuration(view, sentence.start, sentence.end, m.index)) continue;
      optionSentence = sentence;
      break;
    }
  }
  if (optionSentence) {
    const evidence = [view.span(optionSentence.start, optionSentence.end)];
    const renewalTerm = renewalDuration(
      view,
      optionSentence.start,
      optionSentence.end,
      optionSentence.start,
    );
    return {
      autoRenewal: { value: false, confidence: 0.6, evidence },
      renewalTerm: renewalTerm
        ? {
            value: renewalTerm.iso,
            confidence: 0.6,
            evidence: [view.span(renewalTerm.start, renewalTerm.end)],
          }
        : null,
      noticePeriod: null,
    };
  }
  return { autoRenewal: null, renewalTerm: null, noticePeriod: null };
}

function renewalDuration(
  view: TextView,
  start: number,
  end: number,
  cueAt: number,
): FoundDuration | null {
  const text = view.flat.slice(start, end);
  const lower = text.toLowerCase();
  const candidates = findDurations(text, start).filter((d) => {
    const after = view.lower.slice(d.end, d.end + 40);
    const before = view.lower.slice(Math.max(0, d.start - 40), d.start);
    if (
      /^\s*(?:'|')?s?\s*(?:prior|advance|written|notice|before|in\s+advance|after|following|of\s+(?:the\s+)?(?:expiration|end))/.test(
        after,
      )
    )
      return false;
    if (/\b(?:within|least|than|notice)\s*$/.test(before)) return false;
    return d.start >= cueAt - 200;
  });
  const tagged = candidates.find(
    (d) =>
      /(?:successive|additional|renewal|consecutive|further|subsequent|extension|like)\s*$/.test(
        view.lower.slice(Math.max(0, d.start - 30), d.start),
      ) ||
      /^\s*(?:renewal|extension|successive|additional)/.test(view.lower.slice(d.end, d.end + 20)),
  );
  if (tagged) return tagged;
  const ytoy =
    /\b(year|month)[\s-]+to[\s-]+(?:year|month)\b|\b(annual|yearly|monthly)\s+(?:basis|renewals?|periods?|terms?)\b|\b(?:each|every)\s+(year|month)\s+thereafter\b|\b(?:renew(?:ed|s)?|extend(?:ed|s)?)\s+(?:tacitly\s+|automatically\s+)?(?:every|each)\s+(year|month)\b/.exec(
      lower,
    );
  if (ytoy) {
    const unitWord = ytoy[1] ?? ytoy[2] ?? ytoy[3] ?? ytoy[4] ?? 'year';
    const unit = /month/.test(unitWord) ? 'M' : 'Y';
    return {
      iso: `P1${unit}`,
      value: 1,
      unit,
      start: start + ytoy.index,
      end: start + ytoy.index + ytoy[0].length,
      text: ytoy[0],
    };
  }
  const afterCue = candidates.filter((d) => d.start > cueAt);
  return afterCue[0] ?? null;
}

function noticeDuration(view: TextView, start: number, end: number): FoundDuration | null {
  // The renewal sentence and the one after it often carry the notice ("Either party may give notice of non-renewal ...").
  const next = view.sentenceAt(Math.min(view.flat.length - 1, end + 2), 800);
  const windowEnd = Math.max(end, next.end);
  const text = view.flat.slice(start, windowEnd);
  for (const d of findDurations(text, start)) {
    if (d.unit === 'Y' && d.value > 1) continue;
    const after = view.lower.slice(d.end, d.end + 120);
    const before = view.lower.slice(Math.max(0, d.start - 80), d.start);
    const noticeAfter =
      /^\s*(?:'|')?s?\s*(?:\)\s*)?(?:prior|advance|written|notice|before|in\s+advance)/.test(
        after,
      ) &&
      /\b(?:expir|end\s+of|terminat|renew|conclusion|anniversary|then[\s-]current|initial\s+term|term)/.test(
        after,
      );
    const noticeBefore =
      /\b(?:notice|notify|notifies|notification)\b[^.]{0,40}\b(?:at\s+least|no\s+(?:less|later)\s+than|not\s+less\s+than|minimum\s+of|within|of)\s*$/.test(
        before,
      );
    if (noticeAfter || (noticeBefore && /\b(?:prior|before|preceding)\b/.test(after.slice(0, 80))))
      return d;
  }
  return null;
}
