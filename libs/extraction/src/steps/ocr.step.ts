import { createWorker } from 'tesseract.js';
import { OCR_LANGUAGE_STRING, ocrLangPath } from '../language/ocr-languages';
import { MEDIA_TYPES } from '../media-type';
import type { ExtractionContext, ExtractionStep } from './step.types';
import type { PdfDocument } from '../pdf/pdf-worker.client';
import { PDF_RESOURCE } from './pdf-text.step';

/** OCR is about a second per page: cap it so one scanned book cannot stall a worker. */
const MAX_OCR_PAGES = 60;
/** 2× the PDF's 72 dpi: enough for tesseract on contract-sized type. */
const RENDER_SCALE = 2;
/** A picture smaller than this (pixels, both sides) is a logo or a signature, not a scanned page. */
const MIN_SCAN_PIXELS = 300;

/** Renders PDF pages that have no text layer and reads them with tesseract.js, offline. */
export class OcrStep implements ExtractionStep {
  readonly name = 'ocr';

  canRun(ctx: ExtractionContext): boolean {
    return ctx.ocr && ctx.mediaType === MEDIA_TYPES.pdf && ctx.pagesWithoutText.length > 0;
  }

  async run(ctx: ExtractionContext): Promise<void> {
    const pdf = ctx.resources.get(PDF_RESOURCE) as PdfDocument | undefined;
    if (!pdf) return;
    // A page with neither text nor a picture is blank (or vector art): only scans go to OCR.
    const pages: number[] = [];
    for (const page of ctx.pagesWithoutText) {
      if (pages.length >= MAX_OCR_PAGES) break;
      if ((await pdf.imageCount(page, MIN_SCAN_PIXELS)) > 0) pages.push(page);
    }
    if (pages.length === 0) return;
    // English, Finnish and Swedish data from the installed packages (see language/ocr-languages.ts).
    const worker = await createWorker(OCR_LANGUAGE_STRING, 1, {
      langPath: ocrLangPath(),
      cacheMethod: 'none',
      gzip: true,
    });
    try {
      for (const pageNumber of pages) {
        const image = await pdf.render(pageNumber, RENDER_SCALE);
        if (!image) continue;
        const { data } = await worker.recognize(Buffer.from(image));
        const text = data.text.trim();
        if (text.length > 0) {
          ctx.pageTexts[pageNumber - 1] = text;
          ctx.ocrPages.push(pageNumber);
        }
      }
    } finally {
      await worker.terminate();
    }
  }
}
