import { cue, type ContractDocument } from '../../document/contract-document';
import { findDurations, oneUnit, type FoundDuration } from '../../parse/duration-parse';
import type { RenewalReading } from './renewal-clause';

/**
 * Finnish and Swedish renewal sentences, read with the lexicon: "jatkuu vuoden kerrallaan", "jatkuu tämän
 * jälkeen toistaiseksi", "förlängs automatiskt med ett år i taget", "löper vidare med tolv månader åt
 * gången"; "voidaan jatkaa" / "kan förlängas" need an agreement or an option, so they are not automatic.
 */
export function lexiconRenewalReadings(doc: ContractDocument): RenewalReading[] {
  const { cues } = doc.lexicon;
  const view = doc.view;
  const out: RenewalReading[] = [];
  const seen = new Set<number>();
  const read = (index: number, automatic: boolean, kind: string, prior: number) => {
    const sentence = view.sentenceAt(index + 1, 800);
    if (seen.has(sentence.start)) return;
    seen.add(sentence.start);
    const text = view.flat.slice(sentence.start, sentence.end);
    const indefinite = cue(cues.indefinite, 'iu').test(text);
    out.push({
      ...sentence,
      rank: out.length,
      automatic,
      kind,
      prior,
      evidence: [view.span(sentence.start, sentence.end)],
      renewalTerm: renewalDuration(doc, sentence.start, sentence.end),
      indefiniteRenewal: automatic && indefinite,
      // The notice is in the renewal sentence, the one before it ("Avtalet kan sägas upp ... Sker inte
      // uppsägning förlängs avtalet ...") or the one after.
      notice:
        noticeIn(doc, sentence.start, sentence.end) ??
        noticeIn(doc, previousSentenceStart(doc, sentence.start), sentence.start) ??
        noticeIn(doc, sentence.end, nextSentenceEnd(doc, sentence.end)),
    });
  };
  for (const m of view.flat.matchAll(cue(cues.autoRenewal))) {
    const sentence = view.sentenceAt(m.index + 1, 800);
    const text = view.flat.slice(sentence.start, sentence.end);
    // Option or mutual agreement ("voidaan jatkaa", "kan förlängas om parterna är överens") is no auto-renewal.
    if (cue(cues.optionRenewal, 'iu').test(text)) continue;
    // What renews must be the agreement, not a licence or a warranty: the sentence (or the one before it,
    // "Sopimus on voimassa ... Tämän jälkeen se jatkuu ...") names the agreement.
    const before = view.flat.slice(
      view.sentenceAt(Math.max(0, sentence.start - 2), 500).start,
      sentence.start,
    );
    if (!/sopimu|avtal|kontrakt/i.test(text) && !/sopimu|avtal|kontrakt/i.test(before)) continue;
    const kind = /automaattisesti|automatiskt/i.test(text) ? 'automatic' : 'continues';
    read(m.index, true, kind, kind === 'automatic' ? 0.9 : 0.8);
    if (out.length >= 4) break;
  }
  if (!out.some((r) => r.automatic)) {
    for (const m of view.flat.matchAll(cue(cues.optionRenewal))) {
      read(m.index, false, 'option', 0.6);
      break;
    }
  }
  return out;
}

function previousSentenceStart(doc: ContractDocument, start: number): number {
  return start > 2 ? doc.view.sentenceAt(start - 2, 600).start : start;
}

function nextSentenceEnd(doc: ContractDocument, end: number): number {
  return doc.view.sentenceAt(Math.min(doc.view.flat.length - 1, end + 2), 600).end;
}

/** "vuoden kerrallaan", "ett år i taget", "tolv månader åt gången", "yhden vuoden jaksoissa". */
function renewalDuration(doc: ContractDocument, start: number, end: number): FoundDuration | null {
  const { cues, singleUnitWords } = doc.lexicon;
  const flat = doc.view.flat;
  const text = flat.slice(start, end);
  const durations = findDurations(text, start, doc.lexicon).filter(
    (d) =>
      !isNotice(doc, d) &&
      cue(`^\\s*(?:\\S+\\s+){0,2}?(?:${cues.renewalEach})`, 'iu').test(
        flat.slice(d.end, d.end + 30),
      ),
  );
  if (durations[0]) return durations[0];
  for (const [words, unit] of singleUnitWords) {
    const m = cue(`(?<![\\p{L}])(?:${words})\\s+(?:${cues.renewalEach})`, 'iu').exec(text);
    if (m) {
      return oneUnit(unit, start + m.index, m[0]);
    }
  }
  // "förlängs avtalet med 3 år", "jatkuu yhdellä vuodella": the length right after the renewal verb.
  const afterCue = cue(cues.autoRenewal, 'iu').exec(text);
  if (!afterCue) return null;
  const cueEnd = start + afterCue.index + afterCue[0].length;
  return (
    findDurations(text, start, doc.lexicon).find(
      (d) =>
        !isNotice(doc, d) &&
        d.start >= cueEnd &&
        /^\s*(?:\S+\s+){0,2}$/.test(flat.slice(cueEnd, d.start)),
    ) ?? null
  );
}

/** A duration that is a notice period: followed by "ennen ... päättymistä" / "före ... utgång", or named so. */
function isNotice(doc: ContractDocument, d: FoundDuration): boolean {
  const { cues } = doc.lexicon;
  const flat = doc.view.flat;
  const after = flat.slice(d.end, d.end + 80);
  const before = flat.slice(Math.max(0, d.start - 60), d.start);
  return (
    cue(`^\\s*(?:\\S+\\s+){0,4}?(?:${cues.beforeEnd})`, 'iu').test(after) ||
    cue(`^\\s*(?:${cues.notice})`, 'iu').test(after) ||
    cue(`(?:${cues.noticePeriodIs})[\\s:]*$`, 'iu').test(before) ||
    cue(`(?:${cues.notice})[^.]{0,30}(?:viimeistään|senast|vähintään|minst)\\s*$`, 'iu').test(
      before,
    )
  );
}

/** The notice period stated in `flat[start, end)`, if any. */
export function noticeIn(doc: ContractDocument, start: number, end: number): FoundDuration | null {
  const text = doc.view.flat.slice(start, end);
  if (!cue(doc.lexicon.cues.notice, 'iu').test(text)) return null;
  return (
    findDurations(text, start, doc.lexicon).find(
      (d) => isNotice(doc, d) && (d.unit !== 'Y' || d.value <= 1),
    ) ?? null
  );
}
