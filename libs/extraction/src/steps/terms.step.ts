import { extractTermsFromText } from '../terms/extract-terms';
import type { ExtractionContext, ExtractionStep } from './step.types';

/** Reads the contract terms, their evidence and the obligations from the cleaned text. */
export class TermsStep implements ExtractionStep {
  readonly name = 'terms';

  canRun(ctx: ExtractionContext): boolean {
    return ctx.text.length > 0;
  }

  async run(ctx: ExtractionContext): Promise<void> {
    const result = extractTermsFromText(ctx.text, ctx.pageStarts);
    ctx.terms = result.terms;
    ctx.evidence = result.evidence;
    ctx.confidence = result.confidence;
    ctx.obligations = result.obligations;
  }
}
