import type { ContractDocument } from '../../document/contract-document';
import type { FoundDuration } from '../../parse/duration-parse';
import { datesIn } from '../dates/date-evidence';
import type { TermSentence } from './term-clause';

// English term clauses: "The term of this Agreement shall ...", "Term means ...", "TERM: ...".
const TERM_CUE =
  /\b(?:shall|will|is\s+to)\s+(?:(?:automatically\s+)?(?:commence|begin|continue|remain|expire|end|terminate|be\s+effective|become\s+effective|run|be\s+in\s+(?:full\s+)?(?:force|effect)|have\s+(?:a|an)\s+(?:initial\s+)?term|be\s+for))|\bterm\s+of\s+(?:this|the)\b|\binitial\s+term\b|\bterm\s+(?:is|shall\s+be|will\s+be)\b|"?(?:contract\s+period|term|initial\s+term)"?\s+(?:shall\s+)?means?\b|(?<=^|\d\.?\s{1,3}|\n\s*)term\s*:/gim;
export const ENGLISH_STRONG_SUBJECT =
  /\b(?:(?:the\s+)?(?:initial\s+)?term\s+of\s+this\s+(?:agreement|contract|amendment)|this\s+(?:[a-z][\w-]*\s+){0,2}(?:agreement|contract|amendment|addendum)\s+(?:shall|will)|the\s+"?(?:initial\s+)?term"?\s+(?:shall|will|is)|initial\s+term|"?(?:contract\s+period|term|initial\s+term)"?\s+(?:shall\s+)?means?|agreement\s+term|^\s*term\s*:|\d\.?\s+term\s*:)/im;
// The sentence names the term it states: '(the "Term")', '(herein "Initial Term")', '("Term")'.
const DEFINES_TERM =
  /\(\s*(?:the\s+|herein\s+|hereinafter\s+(?:referred\s+to\s+as\s+)?(?:the\s+)?)?"(?:initial\s+|original\s+)?term(?:\s+of\s+(?:this\s+)?agreement)?"\s*\)/i;
// The first sentence under a heading "Term" ("2. TERM. The term of the Franchise shall be twenty (20) years").
const TERM_HEADING =
  /(?:^|\n|[.;:]\s+)\s*(?:(?:section|article)\s+)?(?:\d+(?:\.\d+)*\.?\s*)?term\s*(?:of\s+(?:the\s+)?(?:agreement|contract)\s*)?[.:]?\s*$/i;
// Sentences about the term of something else: a licence, a warranty, a statement of work.
const OTHER_SUBJECT =
  /\b(?:license|licen[cs]es|patent|warranty|warranties|royalty|statement\s+of\s+work|purchase\s+order|lease|employment|obligations?|restrictions?|covenants?|representations|rights\s+granted|exclusivity|provisions?|section|sections|survive|surviv|indemnif|payment|offer|option\s+period|calendar\s+quarter|promotion\s+period|study|protocol|escrow|policy)\b/i;

/** English candidate sentences for the term, ranked by subject and heading. */
export function englishTermSentences(doc: ContractDocument): TermSentence[] {
  const view = doc.view;
  const seen = new Set<number>();
  const out: TermSentence[] = [];
  for (const m of view.flat.matchAll(TERM_CUE)) {
    const sentence = view.sentenceAt(m.index + 1, 900);
    if (seen.has(sentence.start)) continue;
    seen.add(sentence.start);
    const text = view.flat.slice(sentence.start, sentence.end);
    let score = 0;
    const headed = TERM_HEADING.test(
      view.text.slice(Math.max(0, sentence.start - 60), sentence.start),
    );
    if (isStrongSubject(text) || DEFINES_TERM.test(text)) score += 3;
    else if (
      /\b(?:agreement|contract|amendment|addendum)\b/i.test(text) &&
      /\b(?:commence|continue|remain|expire|effective|period\s+of|until|through)\b/i.test(text)
    )
      score += 1;
    // "2. TERM. The term of the Franchise shall be twenty (20) years": the sentence under a Term heading.
    else if (
      headed &&
      /\b(?:commenc|continue|remain|expire|effective|period\s+of|until|through|years?|months?)\b/i.test(
        text,
      )
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
    if (
      datesIn(doc, sentence.start, sentence.end).length > 0 &&
      /\b(?:until|through|expire|end|terminat|conclud)/i.test(text)
    )
      score += 1;
    if (score > 0) out.push({ ...sentence, score });
  }
  return out.sort((a, b) => b.score - a.score || a.start - b.start);
}

// "During the Term of this Agreement, Supplier will ...": the term is a time adverbial, not the subject.
const TIME_ADVERBIAL =
  /\b(?:during|throughout|within|after|before|prior\s+to|upon|following|beyond|for\s+the\s+(?:remainder|duration)\s+of|in|over)\s+(?:the\s+)?$/i;

function isStrongSubject(text: string): boolean {
  const re = new RegExp(ENGLISH_STRONG_SUBJECT.source, 'gim');
  for (const m of text.matchAll(re)) {
    if (!TIME_ADVERBIAL.test(text.slice(Math.max(0, m.index - 40), m.index))) return true;
  }
  return false;
}

const TERM_FROM_START =
  /\b(?:effective|commencement|start)\s+date\s*,?\s+and\s+(?:shall\s+|will\s+)?(?:continue|remain|run)\s+(?:in\s+(?:full\s+)?(?:force|effect)\s+(?:and\s+effect\s+)?)?(?:for\s+)?(?:a\s+(?:period|term)\s+of\s+)?$/;

/** A duration that measures the term (not "within 30 days", "90 days' notice", "at least 2 years old"). */
export function isEnglishTermDuration(doc: ContractDocument, d: FoundDuration): boolean {
  const view = doc.view;
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
  // "renew for", "extend for" name a renewal, except the term itself: "The Term shall ... extend for a period of".
  if (
    /\b(?:notice|renew|renewal|extend|extension)\b/.test(before.slice(-30)) &&
    !/\b(?:shall|will)\s+extend\s+for\s+(?:a\s+(?:period|term)\s+of\s+)?$/.test(before)
  )
    return false;
  return d.unit !== 'D' || d.value >= 180;
}
