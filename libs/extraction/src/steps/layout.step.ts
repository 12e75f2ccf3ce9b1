import { MEDIA_TYPES } from '../media-type';
import { ExtractionErrorCode, ExtractionStopError } from '../extraction.error';
import { layoutPages } from '../layout/page-layout.util';
import type { ExtractionContext, ExtractionStep } from './step.types';

/** Cleans page layout noise and concatenates the pages; a document without any text ends the run. */
export class LayoutStep implements ExtractionStep {
  readonly name = 'layout';

  canRun(): boolean {
    return true;
  }

  async run(ctx: ExtractionContext): Promise<void> {
    const { text, pageStarts } = layoutPages(ctx.pageTexts);
    if (text.replace(/\s+/g, '').length === 0) throw noTextError(ctx);
    ctx.text = text;
    ctx.pageStarts = pageStarts;
  }
}

function noTextError(ctx: ExtractionContext): ExtractionStopError {
  if (ctx.mediaType === MEDIA_TYPES.pdf) {
    const message = ctx.ocr
      ? 'The PDF has no text layer and OCR found no text; upload a clearer scan or a text-based PDF'
      : 'The PDF has no text layer and OCR is turned off; upload a text-based PDF or enable OCR';
    return new ExtractionStopError(ExtractionErrorCode.NoText, message);
  }
  const kind = ctx.mediaType === MEDIA_TYPES.docx ? 'DOCX' : 'text file';
  return new ExtractionStopError(
    ExtractionErrorCode.NoText,
    `The ${kind} contains no text; upload the contract with its content`,
  );
}
