import { MEDIA_TYPES } from '../media-type';
import { ExtractionErrorCode, ExtractionStopError } from '../extraction.error';
import { PdfDocument } from '../pdf/pdf-document';
import { ParserError, SandboxLimitError } from '../sandbox/parser-sandbox.error';
import { parserSandboxLimits } from '../sandbox/parser-sandbox';
import { memoryLimitStop } from './sandbox-stop';
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
    let pages: Array<{ num: number; text: string }>;
    try {
      const pdf = await PdfDocument.open(ctx.data, parserSandboxLimits().timeoutMs);
      ctx.resources.set(PDF_RESOURCE, pdf);
      pages = (await pdf.text(ctx.maxPages)).pages;
    } catch (error) {
      throw toStopError(error);
    }
    if (pages.length === 0) {
      throw new ExtractionStopError(
        ExtractionErrorCode.CorruptPdf,
        'The PDF has no pages; it may be truncated or damaged, upload a complete copy',
      );
    }
    ctx.pageTexts = pages.map((page) => page.text);
    ctx.pagesWithoutText = pages
      .filter((page) => page.text.replace(/\s+/g, '').length < MIN_PAGE_CHARS)
      .map((page) => page.num);
  }

  async cleanup(ctx: ExtractionContext): Promise<void> {
    const pdf = ctx.resources.get(PDF_RESOURCE) as PdfDocument | undefined;
    ctx.resources.delete(PDF_RESOURCE);
    await pdf?.close();
  }
}

/** Maps what stopped reading a PDF (the parser's error, or a sandbox limit) to the document's failure. */
export function toStopError(error: unknown): ExtractionStopError {
  if (error instanceof SandboxLimitError && error.limit === 'memory')
    return memoryLimitStop('PDF', error);
  const name =
    error instanceof ParserError ? error.errorName : error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof SandboxLimitError && error.limit === 'timeout') {
    return new ExtractionStopError(
      ExtractionErrorCode.Timeout,
      `The PDF could not be read in time (${message}); it may be damaged, or split it into smaller files`,
    );
  }
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
