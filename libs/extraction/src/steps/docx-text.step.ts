import mammoth from 'mammoth';
import { MEDIA_TYPES } from '../media-type';
import { ExtractionErrorCode, ExtractionStopError } from '../extraction.error';
import type { ExtractionContext, ExtractionStep } from './step.types';

/** Reads a DOCX's raw text with mammoth; a DOCX has no fixed pages, so it is one page. */
export class DocxTextStep implements ExtractionStep {
  readonly name = 'docx-text';

  canRun(ctx: ExtractionContext): boolean {
    return ctx.mediaType === MEDIA_TYPES.docx;
  }

  async run(ctx: ExtractionContext): Promise<void> {
    let text: string;
    try {
      const result = await mammoth.extractRawText({ buffer: Buffer.from(ctx.data) });
      text = result.value;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      throw new ExtractionStopError(
        ExtractionErrorCode.CorruptDocx,
        `The DOCX could not be read (${message.slice(0, 120)}); open and re-save it in Word, then upload it again`,
      );
    }
    ctx.pageTexts = [text];
  }
}
