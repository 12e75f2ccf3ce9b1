import { acquireSandbox, type SandboxLease } from '../sandbox/parser-sandbox';

/** One page of a PDF's text layer as pdf-parse returns it. */
export interface PdfPageText {
  num: number;
  text: string;
}

/** What the OCR of one page read. */
export interface OcrPageText {
  page: number;
  text: string;
}

let nextDoc = 1;

/**
 * A PDF opened by pdf-parse (pdf.js) in a parser sandbox process (see sandbox/parser-sandbox.ts): a hostile
 * PDF can exhaust only that process's memory or time, never the caller's. Close it when done.
 */
export class PdfDocument {
  private constructor(
    private readonly lease: SandboxLease,
    private readonly doc: number,
    private readonly timeoutMs: number,
  ) {}

  static async open(data: Uint8Array, timeoutMs: number): Promise<PdfDocument> {
    const lease = acquireSandbox();
    const doc = nextDoc++;
    try {
      await lease.request('pdf.open', { doc, data }, timeoutMs);
    } catch (error) {
      lease.release();
      throw error;
    }
    return new PdfDocument(lease, doc, timeoutMs);
  }

  text(maxPages: number): Promise<{ total: number; pages: PdfPageText[] }> {
    return this.lease.request('pdf.text', { doc: this.doc, maxPages }, this.timeoutMs);
  }

  /** How many pictures at least `minSize` pixels wide and high one 1-based page draws (a scan draws one). */
  imageCount(page: number, minSize: number): Promise<number> {
    return this.lease.request('pdf.images', { doc: this.doc, page, minSize }, this.timeoutMs);
  }

  /** PNG of one 1-based page, rendered at `scale` × 72 dpi. */
  render(page: number, scale: number): Promise<Uint8Array | null> {
    return this.lease.request('pdf.render', { doc: this.doc, page, scale }, this.timeoutMs);
  }

  /** Renders the pages at `scale` and reads them with tesseract.js, all inside the sandbox. */
  ocr(
    pages: number[],
    options: { scale: number; languages: string; langPath: string; timeoutMs: number },
  ): Promise<OcrPageText[]> {
    const { timeoutMs, ...rest } = options;
    return this.lease.request('pdf.ocr', { doc: this.doc, pages, ...rest }, timeoutMs);
  }

  async close(): Promise<void> {
    await this.lease.request('pdf.close', { doc: this.doc }, 10_000).catch(() => undefined);
    this.lease.release();
  }
}
