import { cue, type ContractDocument } from '../../document/contract-document';
import type { FoundDate } from '../../parse/date-parse';
import { findDurations, type FoundDuration } from '../../parse/duration-parse';
import { datesIn } from '../dates/date-evidence';
import { dateRange, type TermReading, type TermSentence } from './term-clause';

// Finnish and Swedish term clauses, read with the lexicon's cues.

export function lexiconTermSentences(doc: ContractDocument): TermSentence[] {
  const { cues } = doc.lexicon;
  const view = doc.view;
  const seen = new Set<number>();
  const out: TermSentence[] = [];
  const patterns = [cues.termSubject, cues.indefinite, cues.endsOn];
  for (const source of patterns) {
    for (const m of view.flat.matchAll(cue(source))) {
      const sentence = view.sentenceAt(m.index + 1, 700);
      if (seen.has(sentence.start)) continue;
      seen.add(sentence.start);
      const text = view.flat.slice(sentence.start, sentence.end);
      let score = 0;
      if (cue(cues.termSubject, 'iu').test(text)) score += 3;
      if (cue(cues.indefinite, 'iu').test(text)) score += 1;
      if (dateRange(doc, sentence)) score += 2;
      else if (datesIn(doc, sentence.start, sentence.end).length > 0) score += 1;
      if (findDurations(text, 0, doc.lexicon).length > 0) score += 1;
      // "Salassapitovelvollisuus on voimassa ...", "Sekretessåtagandet gäller ...": another thing's term.
      if (
        cue(
          `^\\W*(?:\\d+(?:\\.\\d+)*\\.?\\s+)?(?:\\S+\\s+){0,2}?(?:${cues.otherSubject})`,
          'iu',
        ).test(text)
      )
        score -= 3;
      // The notice and renewal clauses also say "sopimus" and "jatkuu": they are read elsewhere.
      if (cue(cues.notice, 'iu').test(text.slice(0, 80))) score -= 2;
      const heading = view.lower.slice(Math.max(0, sentence.start - 60), sentence.start);
      if (
        /voimassaolo|sopimuskausi|sopimusaika|kesto|vuokra-aika|avtalstid|avtalsperiod|giltighet|löptid|hyrestid|omfattning\s+i\s+tid/.test(
          heading,
        )
      )
        score += 2;
      if (score > 1) out.push({ ...sentence, score });
    }
  }
  return out.sort((a, b) => b.score - a.score || a.start - b.start);
}

/** A duration that measures the term, not the notice or a renewal ("kolme kuukautta ennen", "vuoden kerrallaan"). */
function isLexiconTermDuration(doc: ContractDocument, d: FoundDuration): boolean {
  const { cues } = doc.lexicon;
  const before = doc.view.flat.slice(Math.max(0, d.start - 80), d.start);
  const after = doc.view.flat.slice(d.end, d.end + 60);
  if (cue(`(?:${cues.notice}|${cues.autoRenewal}|${cues.noticePeriodIs})[^.]*$`, 'iu').test(before))
    return false;
  if (
    cue(
      `^\\s*(?:\\S+\\s+){0,3}?(?:${cues.beforeEnd}|${cues.renewalEach}|${cues.notice})`,
      'iu',
    ).test(after)
  )
    return false;
  if (/^\s*(?:kuluessa|sisällä|inom|efter|jälkeen|kuluttua)\b/i.test(after)) return false;
  return d.unit !== 'D' || d.value >= 180;
}

export function readLexiconTermSentence(doc: ContractDocument, reading: TermReading): boolean {
  const { cues } = doc.lexicon;
  const view = doc.view;
  const { start, end } = reading.sentence;
  const text = view.flat.slice(start, end);
  const range = dateRange(doc, reading.sentence);
  let explicitEnd: FoundDate | null = range ? range[1] : null;
  if (!explicitEnd) {
    for (const d of datesIn(doc, start, end)) {
      const before = view.flat.slice(Math.max(start, d.start - 40), d.start);
      const after = view.flat.slice(d.end, d.end + 20);
      if (
        cue(`(?:${cues.endsOn})\\s*$`, 'iu').test(before) ||
        cue(cues.endsOnAfter, 'iu').test(after)
      ) {
        if (/[-–—]\s*$/.test(before) && !range) continue;
        explicitEnd = d;
        break;
      }
    }
  }
  const durations = findDurations(text, start, doc.lexicon).filter((d) =>
    isLexiconTermDuration(doc, d),
  );
  const fixed = durations.find((d) =>
    cue(`(?:${cues.fixedTerm})`, 'iu').test(
      view.flat.slice(Math.max(start, d.start - 60), d.start),
    ),
  );
  const duration = fixed ?? durations[0] ?? null;
  const indefinite = cue(cues.indefinite, 'iu').exec(text);
  // "jatkuu tämän jälkeen toistaiseksi", "löper därefter vidare tills vidare": an indefinite renewal after a
  // fixed term, not a contract without an end.
  const afterFixedTerm =
    indefinite &&
    cue(`(?:jälkeen|tämän\\s+jälkeen|därefter|${cues.autoRenewal})[^.]{0,40}$`, 'iu').test(
      text.slice(0, indefinite.index),
    );
  if (explicitEnd) {
    reading.explicitEnd = explicitEnd;
    reading.initialTerm = duration?.iso ?? null;
    reading.perpetual = false;
    return true;
  }
  if (duration) {
    reading.initialTerm = duration.iso;
    reading.anchored = true;
    reading.perpetual = false;
    return true;
  }
  if (indefinite && !afterFixedTerm) {
    reading.perpetual = true;
    reading.perpetualKind = 'indefinite';
    return true;
  }
  return false;
}
