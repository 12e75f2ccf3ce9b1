import type { IsoDuration } from '@cb/domain';
import { candidate, type Candidate, type FieldExtractor } from './field-extractor.types';
import { termReadings } from './term/term-clause';

/** The length of the first term ("a period of three (3) years" = P3Y). */
export const initialTermExtractor: FieldExtractor<'initialTerm'> = {
  field: 'initialTerm',
  requires: [],
  propose(doc) {
    const out: Candidate<IsoDuration>[] = [];
    for (const r of termReadings(doc)) {
      if (!r.initialTerm) continue;
      out.push(
        candidate(
          r.initialTerm,
          r.evidence,
          r.explicitEnd ? 'with_end_date' : r.anniversaryYears ? 'anniversary' : 'duration',
          r.explicitEnd ? 0.7 : 0.75,
          {
            readingRank: r.rank,
            sentenceScore: r.sentence.score,
          },
        ),
      );
    }
    return out;
  },
};
