import { detectLanguage } from '../language/detect-language';
import type { ExtractionContext, ExtractionStep } from './step.types';

/** Detects the document's language (en / fi / sv, or another one the engine reports but does not read). */
export class LanguageStep implements ExtractionStep {
  readonly name = 'language';

  canRun(ctx: ExtractionContext): boolean {
    return ctx.text.length > 0;
  }

  async run(ctx: ExtractionContext): Promise<void> {
    ctx.language = detectLanguage(ctx.text);
  }
}
