import type { IsoDate } from '@cb/domain';
import { expirationFromTerm } from '../resolve/term-arithmetic';
import { candidate, type Candidate, type FieldExtractor } from './field-extractor.types';
import { termReadings } from './term/term-clause';

/**
 * The last day of the initial term: an end date written in the term clause, or the term's start plus its
 * length minus one day when the clause measures the term from a start (TERMS.md).
 */
export const expirationDateExtractor: FieldExtractor<'expirationDate'> = {
  field: 'expirationDate',
  requires: ['effectiveDate', 'agreementDate'],
  propose(doc, known) {
    const out: Candidate<IsoDate>[] = [];
    const knownStart = known.effectiveDate ?? known.agreementDate ?? null;
    for (const r of termReadings(doc)) {
      const context = { readingRank: r.rank, sentenceScore: r.sentence.score };
      if (r.explicitEnd) {
        out.push(
          candidate(r.explicitEnd.iso, r.evidence, 'explicit_end', 0.85, {
            ...context,
            conditionalEnd: r.conditionalEnd ? 1 : 0,
            endBeforeStart: knownStart && r.explicitEnd.iso <= knownStart.value ? 1 : 0,
          }),
        );
        continue;
      }
      // "five years from the Effective Date or until the Studies are completed, whichever is later": the
      // fixed end is offered with `conditionalEnd`; the model weighs it (and a person confirms it).
      if (!r.initialTerm) continue;
      const years = r.anniversaryYears;
      if (!years && !r.anchored) continue;
      const start = r.start
        ? {
            value: r.start.iso,
            confidence: 0.8,
            evidence: [doc.view.span(r.start.start, r.start.end)],
          }
        : knownStart;
      if (!start) continue;
      const end = expirationFromTerm(start.value, r.initialTerm);
      if (!end) continue;
      out.push(
        candidate(
          end,
          [...r.evidence, ...start.evidence],
          years ? 'anniversary' : 'start_plus_term',
          Math.min(0.75, start.confidence),
          {
            ...context,
            startInClause: r.start ? 1 : 0,
            startConfidence: start.confidence,
            conditionalEnd: r.conditionalEnd ? 1 : 0,
          },
        ),
      );
    }
    return out;
  },
};
