import { extractTermsFromText } from '../extract-terms';
import type { ExtractionContext, ExtractionStep } from './step.types';

/** Reads the contract terms (candidates, scoring, resolution), their evidence and the obligations. */
export class TermsStep implements ExtractionStep {
  readonly name = 'terms';

  canRun(ctx: ExtractionContext): boolean {
    return ctx.text.length > 0;
  }

  async run(ctx: ExtractionContext): Promise<void> {
    const result = extractTermsFromText(ctx.text, ctx.pageStarts, {
      language: ctx.language ?? undefined,
    });
    ctx.terms = result.terms;
    ctx.evidence = result.evidence;
    ctx.confidence = result.confidence;
    ctx.candidates = result.candidates;
    ctx.obligations = result.obligations;
    ctx.reviewReasons = result.reviewReasons;
  }
}
