import type { IsoDate } from '@cb/domain';
import { cue, type ContractDocument } from '../document/contract-document';
import { DATE_FIRST_WRITTEN, LAST_SIGNATURE_DATE } from '../parse/date-parse';
import { dateCandidate, datesIn, position, signatureDates } from './dates/date-evidence';
import { definedDateIn } from './dates/defined-dates';
import {
  candidate,
  type Candidate,
  type FieldExtractor,
  type KnownTerms,
} from './field-extractor.types';
import { explicitStart, termSentences } from './term/term-clause';

const DEFINED_EFFECTIVE =
  /\(\s*(?:the|this|hereinafter(?:\s+referred\s+to\s+as)?(?:\s+the)?)?\s*"(?:effective|commencement)\s+date"\s*\)|\(\s*hereinafter\s+referred\s+to\s+as\s+the\s+effective\s+date[^)]*\)/gi;
const EFFECTIVE_CUES =
  /"(?:effective|commencement)\s+date"\s+(?:shall\s+)?(?:mean|be|is)s?\b\s*:?|\beffective\s+(?:as\s+of|on|from|this)\b|\beffective\s+date\s*:|\beffective\s+date\s+of\s+this\s+(?:agreement|amendment)\s+(?:is|shall\s+be|will\s+be)\b|\b(?:is|shall\s+be|become)\s+effective\b/gi;
const NOT_A_START_GAP =
  /[.;]|\b(?:prior|after|following|before|until|upon|later|through|thru|including|hereof|expir\w*|end\w*|terminat\w*)\b/i;
const OTHER_AGREEMENT_BEFORE =
  /\b(?:amended|original|previous|prior|existing)\s+(?:agreement|contract)[^.]{0,60}$/;
// "This Agreement commences on the date first above written", "the Term shall commence on the date of this
// Agreement": the agreement starts on the date it is dated.
const STARTS_WHEN_DATED =
  /\b(?:this\s+agreement|the\s+(?:initial\s+)?term(?:\s+of\s+this\s+agreement)?)\s+(?:shall\s+|will\s+)?(?:commences?|begins?|starts?|takes?\s+effect|become\s+effective|be\s+effective|is\s+effective)\s+(?:on|as\s+of|from)\s+(?:the\s+date\s+(?:of\s+this\s+agreement|hereof)\b|(?=(?:the\s+)?(?:date|day\s+and\s+year)\s+first))/gi;
const EFFECTIVE_ON_LAST_SIGNATURE =
  /"?effective\s+date"?[^.]{0,60}?\b(?:means|is|(?:shall\s+)?(?:be|mean))\b[^.]{0,40}$|\b(?:effective|takes?\s+effect|commenc\w+)\s+(?:as\s+of|on|upon|from)\s+(?:the\s+)?$/i;
// "shall become effective on the signing date", "shall take effect on the date of signature of the
// Agreement by both parties", "effective upon its execution": the day it is signed.
const EFFECTIVE_ON_SIGNING =
  /\b(?:effective|takes?\s+effect|commenc\w+)\s+(?:up)?on\s+(?:the\s+)?(?:signing\s+date|date\s+of\s+(?:its\s+)?(?:signature|signing|execution)|(?:its\s+|full\s+)?(?:execution|signing|signature))\b(?:\s+(?:of|by)\s+(?:this|the)\s+agreement)?(?:\s+by\s+(?:both|all|the)\s+parties)?/gi;
// "tulee voimaan, kun molemmat osapuolet ovat allekirjoittaneet sen", "träder i kraft när båda parter har
// undertecknat det": in force from the date it is signed.
const IN_FORCE_ON_SIGNING =
  /\b(?:voimaan|voimassa)\b[^.]{0,60}\ballekirjoit\w*|\ballekirjoitus\w*\s+(?:päivästä|hetkestä)|\b(?:träder\s+i\s+kraft|gäller)\b[^.]{0,60}\b(?:undertecknat|undertecknande\w*|underskrift\w*)/gi;

/** The date the agreement takes effect (its term's first day). */
export const effectiveDateExtractor: FieldExtractor<'effectiveDate'> = {
  field: 'effectiveDate',
  requires: ['agreementDate'],
  propose(doc, known) {
    const out = doc.language === 'en' ? englishRules(doc, known) : lexiconRules(doc, known);
    // "This Agreement shall commence on June 1, 1999": the term's first day is the effective date.
    for (const sentence of termSentences(doc).slice(0, 6)) {
      const start = explicitStart(doc, sentence);
      if (start) {
        out.push(
          candidate(start.iso, [doc.view.span(sentence.start, sentence.end)], 'term_start', 0.7),
        );
        break;
      }
    }
    // An English contract that speaks of "the Effective Date" without saying which day it is: most such
    // contracts take effect on the day they are dated. A weak candidate; the model weighs how often the
    // term is used, and below the review threshold a person confirms it.
    if (out.length === 0 && doc.language === 'en' && known.agreementDate) {
      const mentions = doc.view.flat.match(/\bEffective\s+Date\b/g)?.length ?? 0;
      if (mentions > 0) {
        const first = doc.view.flat.search(/\bEffective\s+Date\b/);
        const c = sameAsAgreementDate(
          known,
          doc,
          first,
          first + 14,
          'undefined_effective_date',
          0.5,
        );
        if (c) {
          c.features.effectiveMentions = Math.log1p(mentions);
          out.push(c);
        }
      }
    }
    return out;
  },
};

function sameAsAgreementDate(
  known: KnownTerms,
  doc: ContractDocument,
  from: number,
  to: number,
  rule: string,
  prior: number,
): Candidate<IsoDate> | null {
  const dated = known.agreementDate;
  if (!dated) return null;
  return candidate(dated.value, [...dated.evidence, doc.view.span(from, to)], rule, prior, {
    agreementConfidence: dated.confidence,
  });
}

function englishRules(doc: ContractDocument, known: KnownTerms): Candidate<IsoDate>[] {
  const flat = doc.view.flat;
  const out: Candidate<IsoDate>[] = [];
  const push = (c: Candidate<IsoDate> | null) => c && out.push(c);
  // 1. A date defined as the Effective Date: 'March 1, 2019 (the "Effective Date")'.
  for (const m of flat.matchAll(DEFINED_EFFECTIVE)) {
    const dates = datesIn(doc, m.index - 160, m.index);
    const last = dates[dates.length - 1];
    if (last && !/[.;]\s/.test(flat.slice(last.end, m.index))) {
      push(dateCandidate(doc, last, 'defined', 0.9, undefined, { pos: position(doc, m.index) }));
      break;
    }
    if (DATE_FIRST_WRITTEN.test(flat.slice(Math.max(0, m.index - 100), m.index))) {
      push(
        sameAsAgreementDate(
          known,
          doc,
          m.index - 100,
          m.index + m[0].length,
          'defined_as_dated',
          0.8,
        ),
      );
      break;
    }
  }
  // 2. '"Effective Date" means March 1, 2019', 'effective as of March 1, 2019', 'shall become effective ...'.
  let cueRank = 0;
  for (const m of flat.matchAll(EFFECTIVE_CUES)) {
    const at = m.index + m[0].length;
    const first = datesIn(doc, at, at + 90)[0];
    if (first && !NOT_A_START_GAP.test(flat.slice(at, first.start))) {
      if (OTHER_AGREEMENT_BEFORE.test(doc.view.lower.slice(Math.max(0, m.index - 200), m.index)))
        continue;
      push(
        dateCandidate(doc, first, 'effective_cue', 0.85, m.index, {
          rank: cueRank++,
          pos: position(doc, m.index),
        }),
      );
      if (cueRank >= 3) break;
      continue;
    }
    const after = flat.slice(at, at + 90);
    if (
      DATE_FIRST_WRITTEN.test(after.slice(0, 70)) &&
      /^\s*(?:as\s+of\s+|on\s+|from\s+)?(?:the\s+)?(?:date|day)/i.test(after)
    )
      push(sameAsAgreementDate(known, doc, m.index, at + 60, 'effective_as_dated', 0.8));
  }
  for (const m of flat.matchAll(STARTS_WHEN_DATED)) {
    const after = flat.slice(m.index + m[0].length, m.index + m[0].length + 80);
    if (
      /date\s+(?:of\s+this\s+agreement|hereof)\s*$/i.test(m[0]) ||
      DATE_FIRST_WRITTEN.test(after.slice(0, 60))
    ) {
      push(
        sameAsAgreementDate(
          known,
          doc,
          m.index,
          m.index + m[0].length + 40,
          'starts_when_dated',
          0.75,
        ),
      );
      break;
    }
  }
  // '"Effective Date" means the date of the last signature below': the latest signature date.
  for (const m of flat.matchAll(new RegExp(LAST_SIGNATURE_DATE.source, 'gi'))) {
    if (!EFFECTIVE_ON_LAST_SIGNATURE.test(flat.slice(Math.max(0, m.index - 120), m.index)))
      continue;
    const signed = signatureDates(doc);
    if (signed.length > 0) {
      const latest = signed.reduce((a, b) => (a.iso >= b.iso ? a : b));
      push(
        candidate(
          latest.iso,
          [doc.view.span(m.index, m.index + m[0].length), doc.view.span(latest.start, latest.end)],
          'last_signature',
          0.7,
        ),
      );
      break;
    }
  }
  // Signed on different days, it takes effect on the later one; a date in the preamble is usually when it
  // was signed.
  for (const m of flat.matchAll(EFFECTIVE_ON_SIGNING)) {
    if (LAST_SIGNATURE_DATE.test(flat.slice(m.index, m.index + m[0].length + 60))) break;
    const signed = signatureDates(doc);
    const cueSpan = doc.view.span(m.index, m.index + m[0].length);
    if (signed.length > 0) {
      const latest = signed.reduce((a, b) => (a.iso >= b.iso ? a : b));
      push(
        candidate(
          latest.iso,
          [cueSpan, doc.view.span(latest.start, latest.end)],
          'on_signing',
          0.7,
          {
            signed: 1,
          },
        ),
      );
    } else {
      const c = sameAsAgreementDate(known, doc, m.index, m.index + m[0].length, 'on_signing', 0.7);
      if (c) push(c);
    }
    break;
  }
  return out;
}

// Cues that name the start of the agreement itself; "on voimassa" / "gäller" also say when other things
// are valid ("työsuhde on voimassa 31.8.2023"), so those count only with the agreement as subject.
const OWN_START = /voimaan|voimaantulo|kraft|ikraftträdande|alkamispäivä|aloituspäivä|tillträde/i;

/** "tulee voimaan 1.5.2023", "on voimassa 1.5.2023 alkaen", "gäller från och med den 1 maj 2023". */
function lexiconRules(doc: ContractDocument, known: KnownTerms): Candidate<IsoDate>[] {
  const flat = doc.view.flat;
  const { cues } = doc.lexicon;
  const out: Candidate<IsoDate>[] = [];
  let rank = 0;
  for (const m of flat.matchAll(cue(cues.effectiveFrom))) {
    const at = m.index + m[0].length;
    const sentence = doc.view.sentenceAt(m.index + 1, 500);
    const subject = cue(cues.termSubject, 'iu').test(flat.slice(sentence.start, at));
    if (!subject && !OWN_START.test(m[0])) continue;
    const first = datesIn(doc, at, at + 60)[0];
    const near = first && !/[.;]\s/.test(flat.slice(at, first.start)) && first.start - at <= 30;
    // "gäller från Ikraftträdandedagen", "on voimassa Voimaantulopäivästä": a date defined elsewhere.
    const defined = near ? null : definedDateIn(doc, flat.slice(at, at + 40));
    const date = near ? first : defined;
    if (!date) continue;
    out.push(
      dateCandidate(
        doc,
        date,
        defined ? 'from_defined_date' : 'from_cue',
        0.85,
        near ? m.index : undefined,
        {
          rank: rank++,
          pos: position(doc, m.index),
          subject: subject ? 1 : 0,
        },
      ),
    );
    if (defined) out[out.length - 1].evidence.unshift(doc.view.span(m.index, at + 40));
    if (rank >= 3) break;
  }
  // "1.5.2023 alkaen", "1.5.2023 lukien", a range "1.5.2023–30.4.2025" in the term clause.
  const after = cue(cues.effectiveFromAfter, 'iu');
  for (const d of datesIn(doc, 0, flat.length)) {
    if (!after.test(flat.slice(d.end, d.end + 20))) continue;
    const sentence = doc.view.sentenceAt(d.start, 400);
    if (!cue(cues.termSubject, 'iu').test(flat.slice(sentence.start, sentence.end))) continue;
    out.push(
      dateCandidate(doc, d, 'from_after_date', 0.8, sentence.start, {
        pos: position(doc, d.start),
      }),
    );
    break;
  }
  for (const m of flat.matchAll(IN_FORCE_ON_SIGNING)) {
    const c = sameAsAgreementDate(
      known,
      doc,
      m.index,
      m.index + m[0].length,
      'in_force_on_signing',
      0.75,
    );
    if (c) out.push(c);
    break;
  }
  return out;
}
