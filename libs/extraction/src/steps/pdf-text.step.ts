import { PDFParse } from 'pdf-parse';
import { MEDIA_TYPES } from '../media-type';
import { ExtractionErrorCode, ExtractionStopError } from '../extraction.error';
import type { ExtractionContext, ExtractionStep } from './step.types';

export const PDF_RESOURCE = 'pdf';
/** A page with fewer visible characters than this is treated as having no text layer. */
const MIN_PAGE_CHARS = 20;

/** Reads the text layer of a PDF page by page with pdf-parse (pdf.js). */
export class PdfTextStep implements ExtractionStep {
  readonly name = 'pdf-text';

  canRun(ctx: ExtractionContext): boolean {
    return ctx.mediaType === MEDIA_TYPES.pdf;
  }

  async run(ctx: ExtractionContext): Promise<void> {
    // pdf.js may transfer (detach) the buffer it is given: hand it a copy.
    const parser = new PDFParse({ data: new Uint8Array(ctx.data), verbosity: 0 });
    ctx.resources.set(PDF_RESOURCE, parser);
    let pages: Array<{ num: number; text: string }>;
    try {
      const result = await parser.getText({ first: ctx.maxPages, pageJoiner: '', cellSeparator: ' ' });
      pages = result.pages;
    } catch (error) {
      throw toStopError(error);
    }
    if (pages.length === 0) {
      throw new ExtractionStopError(ExtractionErrorCode.CorruptPdf, 'The PDF has no pages; it may be truncated or damaged, upload a complete copy');
    }
    ctx.pageTexts = pages.map((page) => page.text);
    ctx.pagesWithoutText = pages
      .filter((page) => page.text.replace(/\s+/g, '').length < MIN_PAGE_CHARS)
      .map((page) => page.num);
  }

  async cleanup(ctx: ExtractionContext): Promise<void> {
    const parser = ctx.resources.get(PDF_RESOURCE) as PDFParse | undefined;
    ctx.resources.delete(PDF_RESOURCE);
    await parser?.destroy().catch(() => undefined);
  }
}

function toStopError(error: unknown): ExtractionStopError {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'PasswordException' || /password/i.test(message)) {
    return new ExtractionStopError(
      ExtractionErrorCode.Encrypted,
      'The PDF is encrypted (password protected); upload an unprotected copy',
    );
  }
  return new ExtractionStopError(
    ExtractionErrorCode.CorruptPdf,
    `The PDF could not be read (${message.slice(0, 120)}); it may be truncated or damaged, upload a complete copy`,
  );
}
