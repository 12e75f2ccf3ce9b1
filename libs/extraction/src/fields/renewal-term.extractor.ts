import type { IsoDuration } from '@cb/domain';
import { candidate, type Candidate, type FieldExtractor } from './field-extractor.types';
import { renewalReadings } from './renewal/renewal-clause';

/** The length of each renewal ("successive one-year periods" = P1Y, "vuoden kerrallaan" = P1Y). */
export const renewalTermExtractor: FieldExtractor<'renewalTerm'> = {
  field: 'renewalTerm',
  requires: [],
  propose(doc) {
    const out: Candidate<IsoDuration>[] = [];
    for (const r of renewalReadings(doc)) {
      if (!r.renewalTerm) continue;
      const evidence = r.automatic
        ? [doc.view.span(r.renewalTerm.start, r.renewalTerm.end), ...r.evidence]
        : [doc.view.span(r.renewalTerm.start, r.renewalTerm.end)];
      out.push(
        candidate(
          r.renewalTerm.iso,
          evidence,
          r.automatic ? 'auto_renewal' : 'option_renewal',
          r.automatic ? 0.8 : 0.6,
          {
            readingRank: r.rank,
          },
        ),
      );
    }
    return out;
  },
};
