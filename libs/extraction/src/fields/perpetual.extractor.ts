import { candidate, type Candidate, type FieldExtractor } from './field-extractor.types';
import { termReadings } from './term/term-clause';

/** Whether the agreement has no fixed end ("until terminated", "toistaiseksi", "tills vidare"). */
export const perpetualExtractor: FieldExtractor<'perpetual'> = {
  field: 'perpetual',
  requires: [],
  propose(doc) {
    const out: Candidate<boolean>[] = [];
    for (const r of termReadings(doc)) {
      if (r.perpetual === null) continue;
      const rule = r.perpetual ? `no_end_${r.perpetualKind}` : 'fixed_end';
      const prior = r.perpetual
        ? r.perpetualKind === 'event'
          ? 0.5
          : 0.6
        : r.explicitEnd
          ? 0.8
          : 0.7;
      out.push(candidate(r.perpetual, r.evidence, rule, prior, { readingRank: r.rank }));
    }
    return out;
  },
};
