import type { IsoDate } from '@cb/domain';
import { cue, type ContractDocument } from '../document/contract-document';
import { LAST_SIGNATURE_DATE, type FoundDate } from '../parse/date-parse';
import { dateCandidate, datesIn, lineAt, position, signatureDates } from './dates/date-evidence';
import type { Candidate, FieldExtractor } from './field-extractor.types';

const PREAMBLE_CHARS = 6000;
// The preamble: "made and entered into as of the 3rd day of March, 2019", "dated as of March 3, 2019".
const PREAMBLE_CUE =
  /\b(?:dated|made|entered\s+into|executed|effective|signed|concluded|agreement\s+date|as\s+of)\b/gi;
// The date must belong to the cue, not to a later clause ("... made pursuant to the Agreement dated ...").
const OTHER_CLAUSE_BETWEEN =
  /\b(?:pursuant|amend|original|prior|previous|existing|under\s+(?:that|the)|between|agreement|contract|license|lease|plan)\b|\.\s/i;
// Recitals about other agreements: "WHEREAS, the parties entered into a Supply Agreement dated ...".
const RECITAL_LEAD =
  /\bwhereas\b|that\s+certain|\bentered\s+into\s+(?:a|an|the|that)\b|previously|heretofore|\b(?:a|an|certain|said|such|existing|original|prior|underlying)\s+(?:[\w&-]+\s+){0,6}(?:agreement|contract|license|lease|plan|note)\s*,?\s*$/;
const OTHER_AGREEMENT_BEFORE =
  /\b(?:amended|original|previous|prior|existing)\s+(?:agreement|contract)[^.]{0,40}$/;

/** The date the agreement is dated or signed. */
export const agreementDateExtractor: FieldExtractor<'agreementDate'> = {
  field: 'agreementDate',
  requires: [],
  propose(doc) {
    return doc.language === 'en' ? englishRules(doc) : lexiconRules(doc);
  },
};

function englishRules(doc: ContractDocument): Candidate<IsoDate>[] {
  const view = doc.view;
  const out: Candidate<IsoDate>[] = [];
  const head = view.flat.slice(0, PREAMBLE_CHARS);
  let preambleRank = 0;
  for (const m of head.matchAll(PREAMBLE_CUE)) {
    const first = datesIn(doc, m.index, m.index + 160)[0];
    if (!first) continue;
    if (OTHER_CLAUSE_BETWEEN.test(view.flat.slice(m.index + m[0].length, first.start))) continue;
    const before = view.lower.slice(Math.max(0, m.index - 300), m.index);
    const lead = view.lower.slice(view.sentenceAt(m.index, 600).start, m.index);
    if (RECITAL_LEAD.test(lead) || OTHER_AGREEMENT_BEFORE.test(before)) continue;
    // "dated June 1, 2020, effective as of July 1, 2020": after the date it is dated, the sentence's
    // "effective" date is when it takes effect, not another date it was signed.
    const sentenceStart = view.sentenceAt(m.index, 600).start;
    if (/effective/i.test(m[0]) && out.some((c) => c.evidence[0].start >= sentenceStart)) continue;
    out.push(
      dateCandidate(doc, first, 'preamble', 0.9, m.index, {
        rank: preambleRank++,
        pos: position(doc, m.index),
        cueEffective: /effective/i.test(m[0]) ? 1 : 0,
      }),
    );
    if (preambleRank >= 3) break;
  }
  // A cover line with the date alone ("Dated: June 1, 2004" or a bare date before the preamble).
  const preamble = /\bthis\b[^.]{0,200}\b(?:agreement|contract|amendment)\b/i.exec(head);
  const coverEnd = preamble ? preamble.index : Math.min(head.length, 1500);
  const cover = datesIn(doc, 0, coverEnd)
    .filter((d) => {
      const line = lineAt(doc, d.start, d.end);
      return line.length <= 40 || /^dated?\b/i.test(line);
    })
    .filter(
      (d) =>
        !/source:\s*[^,]*,[^,]*,\s*$/i.test(view.flat.slice(Math.max(0, d.start - 80), d.start)),
    );
  if (cover.length === 1) out.push(dateCandidate(doc, cover[0], 'cover_line', 0.6));
  // "IN WITNESS WHEREOF, the parties have executed this Agreement as of the 4th day of April, 2003."
  const witness = /\bin\s+witness\s+whereof\b[^.]{0,200}?\b(?:as\s+of|on|this|dated)\b/gi;
  for (const m of view.flat.matchAll(witness)) {
    const at = m.index + m[0].length;
    const d = datesIn(doc, at, at + 60)[0];
    if (d && !/[.;]/.test(view.flat.slice(at, d.start))) {
      out.push(dateCandidate(doc, d, 'witness', 0.7, m.index));
      break;
    }
  }
  // Signed without a dated preamble: one date written on its own line where the parties sign.
  const witnessAt = view.lower.lastIndexOf('in witness whereof');
  const signArea = witnessAt >= 0 ? witnessAt : Math.max(0, view.text.length - 2500);
  const signed = datesIn(doc, signArea, view.text.length).filter(
    (d) => lineAt(doc, d.start, d.end).length <= 40,
  );
  const lastSignature = LAST_SIGNATURE_DATE.test(head);
  if (signed.length > 0 && new Set(signed.map((d) => d.iso)).size === 1 && !lastSignature)
    out.push(dateCandidate(doc, signed[0], 'signed_line', 0.5));
  // "as of the date of the last signature below": the latest date in the signature blocks.
  if (lastSignature) {
    const dated = signatureDates(doc);
    if (dated.length > 0)
      out.push(
        dateCandidate(
          doc,
          dated.reduce((a, b) => (a.iso >= b.iso ? a : b)),
          'last_signature',
          0.7,
        ),
      );
  }
  // Last resort: the first of several dates on their own lines above the preamble.
  if (cover.length > 1) out.push(dateCandidate(doc, cover[0], 'cover_line_several', 0.3));
  return out;
}

/**
 * Finnish and Swedish contracts are dated where they are signed ("Helsingissä 15.3.2023", "Stockholm den
 * 1 maj 2023", side by side when the parties sign on different days: the later one concludes it), or with
 * a cue ("päivätty", "Ort och datum:").
 */
function lexiconRules(doc: ContractDocument): Candidate<IsoDate>[] {
  const out: Candidate<IsoDate>[] = [];
  const { text, flat } = doc.view;
  const signed: FoundDate[] = [];
  const place = cue(
    `(?:^|\\n|[ \\t]{3,})[ \\t]*(?:${doc.lexicon.cues.signaturePlace})[ \\t]*,?[ \\t]*`,
    'gu',
  );
  // A PDF's text layer often joins the two signature columns with one space: "Tampereella 12.4.2024
  // Oulussa 16.4.2024"; a place right after a signature date starts the next signature.
  const nextPlace = cue(`^[ \\t]+(?:${doc.lexicon.cues.signaturePlace})[ \\t]*,?[ \\t]*`, 'u');
  for (const m of text.matchAll(place)) {
    let at = m.index + m[0].length;
    for (let k = 0; k < 3; k++) {
      const d = datesIn(doc, at, at + 40)[0];
      if (!d || d.start !== at || lineAt(doc, d.start, d.end).length > 120) break;
      if (!signed.some((x) => x.start === d.start)) signed.push(d);
      const next = nextPlace.exec(text.slice(d.end, d.end + 60));
      if (!next) break;
      at = d.end + next[0].length;
    }
  }
  if (signed.length > 0) {
    const latest = signed.reduce((a, b) => (a.iso >= b.iso ? a : b));
    out.push(
      dateCandidate(doc, latest, 'latest_signature', 0.85, undefined, {
        signatures: Math.min(signed.length, 4),
        pos: position(doc, latest.start),
      }),
    );
  }
  let rank = 0;
  for (const m of flat.matchAll(cue(doc.lexicon.cues.agreementDate, 'giu'))) {
    const at = m.index + m[0].length;
    const d = datesIn(doc, at, at + 40)[0];
    if (!d || d.start - at > 4) continue;
    out.push(
      dateCandidate(doc, d, 'dated_cue', 0.7, m.index, {
        rank: rank++,
        pos: position(doc, m.index),
        signatureArea: m.index > flat.length * 0.6 ? 1 : 0,
      }),
    );
    if (rank >= 3) break;
  }
  // A date alone on an early line (a cover page or a header "15.3.2023").
  const early = datesIn(doc, 0, Math.min(flat.length, 1200)).filter(
    (d) => lineAt(doc, d.start, d.end).length <= 30,
  );
  if (early.length > 0) out.push(dateCandidate(doc, early[0], 'cover_line', 0.5));
  return out;
}
