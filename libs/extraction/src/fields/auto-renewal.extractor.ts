import { candidate, type Candidate, type FieldExtractor } from './field-extractor.types';
import { renewalReadings } from './renewal/renewal-clause';

/** Whether the agreement renews by itself (true) or only by an option or agreement (false). */
export const autoRenewalExtractor: FieldExtractor<'autoRenewal'> = {
  field: 'autoRenewal',
  requires: [],
  propose(doc) {
    const out: Candidate<boolean>[] = [];
    for (const r of renewalReadings(doc)) {
      out.push(
        candidate(
          r.automatic,
          r.evidence,
          `${r.automatic ? 'auto' : 'not_auto'}_${r.kind}`,
          r.prior,
          {
            readingRank: r.rank,
            hasRenewalTerm: r.renewalTerm ? 1 : 0,
            hasNotice: r.notice ? 1 : 0,
          },
        ),
      );
    }
    return out;
  },
};
