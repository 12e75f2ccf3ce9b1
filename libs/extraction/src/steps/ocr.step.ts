import { OCR_LANGUAGE_STRING, ocrLangPath } from '../language/ocr-languages';
import { MEDIA_TYPES } from '../media-type';
import type { PdfDocument } from '../pdf/pdf-document';
import { parserSandboxLimits } from '../sandbox/parser-sandbox';
import { SandboxLimitError } from '../sandbox/parser-sandbox.error';
import type { ExtractionContext, ExtractionStep } from './step.types';
import { PDF_RESOURCE, toStopError } from './pdf-text.step';

/** OCR is about a second per page: cap it so one scanned book cannot stall a worker. */
const MAX_OCR_PAGES = 60;
/** 2× the PDF's 72 dpi: enough for tesseract on contract-sized type. */
const RENDER_SCALE = 2;
/** A picture smaller than this (pixels, both sides) is a logo or a signature, not a scanned page. */
const MIN_SCAN_PIXELS = 300;
/** OCR's time limit grows with the pages: the models load once (~3 s), then about 1–3 s a page. */
const OCR_MS_PER_PAGE = 10_000;

/**
 * Renders PDF pages that have no text layer and reads them with tesseract.js, offline, inside the PDF's
 * parser sandbox (the page images and tesseract's wasm memory count against its limits, not the caller's).
 */
export class OcrStep implements ExtractionStep {
  readonly name = 'ocr';

  canRun(ctx: ExtractionContext): boolean {
    return ctx.ocr && ctx.mediaType === MEDIA_TYPES.pdf && ctx.pagesWithoutText.length > 0;
  }

  async run(ctx: ExtractionContext): Promise<void> {
    const pdf = ctx.resources.get(PDF_RESOURCE) as PdfDocument | undefined;
    if (!pdf) return;
    try {
      // A page with neither text nor a picture is blank (or vector art): only scans go to OCR.
      const pages: number[] = [];
      for (const page of ctx.pagesWithoutText) {
        if (pages.length >= MAX_OCR_PAGES) break;
        if ((await pdf.imageCount(page, MIN_SCAN_PIXELS)) > 0) pages.push(page);
      }
      if (pages.length === 0) return;
      // English, Finnish and Swedish data from the installed packages (see language/ocr-languages.ts).
      const read = await pdf.ocr(pages, {
        scale: RENDER_SCALE,
        languages: OCR_LANGUAGE_STRING,
        langPath: ocrLangPath(),
        timeoutMs: parserSandboxLimits().timeoutMs + pages.length * OCR_MS_PER_PAGE,
      });
      for (const { page, text } of read) {
        const trimmed = text.trim();
        if (trimmed.length === 0) continue;
        ctx.pageTexts[page - 1] = trimmed;
        ctx.ocrPages.push(page);
      }
    } catch (error) {
      // A limit hit while reading scans fails the document like one hit while reading the text layer.
      if (error instanceof SandboxLimitError) throw toStopError(error);
      throw error;
    }
  }
}
