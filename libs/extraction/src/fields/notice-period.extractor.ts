import type { IsoDuration } from '@cb/domain';
import { cue, type ContractDocument } from '../document/contract-document';
import { candidate, type Candidate, type FieldExtractor } from './field-extractor.types';
import { renewalReadings } from './renewal/renewal-clause';
import { noticeIn } from './renewal/renewal-clause.nordic';

/**
 * How long before the end of the current term notice must be given ("90 days", "kolme kuukautta"). The
 * model also weighs whether the contract renews or has no fixed end (`requires`): only then does a notice
 * period give a notice deadline, and a notice clause of an open-ended contract is its notice period.
 */
export const noticePeriodExtractor: FieldExtractor<'noticePeriod'> = {
  field: 'noticePeriod',
  requires: ['perpetual', 'autoRenewal'],
  propose(doc, known) {
    const out: Candidate<IsoDuration>[] = [];
    for (const r of renewalReadings(doc)) {
      if (!r.automatic || !r.notice) continue;
      out.push(
        candidate(
          r.notice.iso,
          [doc.view.span(r.notice.start, r.notice.end), ...r.evidence],
          'renewal_clause',
          0.75,
          {
            readingRank: r.rank,
          },
        ),
      );
    }
    if (doc.language !== 'en') out.push(...noticeClauses(doc));
    const noEnd = known.perpetual?.value === true ? 1 : 0;
    const renews = known.autoRenewal?.value === true ? 1 : 0;
    for (const c of out) Object.assign(c.features, { noEnd, renews });
    return out;
  },
};

/** "irtisanomisaika on kuusi kuukautta", "uppsägningstiden är tre månader", "... viimeistään ... ennen päättymistä". */
function noticeClauses(doc: ContractDocument): Candidate<IsoDuration>[] {
  const view = doc.view;
  const out: Candidate<IsoDuration>[] = [];
  const seen = new Set<number>();
  for (const m of view.flat.matchAll(cue(doc.lexicon.cues.notice))) {
    const sentence = view.sentenceAt(m.index + 1, 600);
    if (seen.has(sentence.start)) continue;
    seen.add(sentence.start);
    const d = noticeIn(doc, sentence.start, sentence.end);
    if (!d) continue;
    out.push(
      candidate(
        d.iso,
        [view.span(d.start, d.end), view.span(sentence.start, sentence.end)],
        'notice_clause',
        0.7,
        {
          rank: out.length,
        },
      ),
    );
    if (out.length >= 4) break;
  }
  return out;
}
