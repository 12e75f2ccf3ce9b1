import { emptyTerms } from '@cb/domain';
import { ExtractionErrorCode, ExtractionStopError } from './extraction.error';
import type { ExtractionResult, ExtractOptions } from './extraction.types';
import { DetectMediaTypeStep } from './steps/detect-media-type.step';
import { DocxTextStep } from './steps/docx-text.step';
import { LanguageStep } from './steps/language.step';
import { LayoutStep } from './steps/layout.step';
import { OcrStep } from './steps/ocr.step';
import { PdfTextStep } from './steps/pdf-text.step';
import { PlainTextStep } from './steps/plain-text.step';
import type { ExtractionContext, ExtractionStep } from './steps/step.types';
import { TermsStep } from './steps/terms.step';
import { reviewStatus } from './review/review-reasons';

const DEFAULT_MAX_PAGES = 500;

/** The steps in order; each decides with canRun whether it applies to the document. */
export function defaultSteps(): ExtractionStep[] {
  return [
    new DetectMediaTypeStep(),
    new PdfTextStep(),
    new OcrStep(),
    new DocxTextStep(),
    new PlainTextStep(),
    new LayoutStep(),
    new LanguageStep(),
    new TermsStep(),
  ];
}

/** Runs the steps over one document; a stop-error ends the run as `failed`, cleanups always run. */
export async function runPipeline(
  data: Uint8Array,
  options: ExtractOptions = {},
  steps: ExtractionStep[] = defaultSteps(),
): Promise<ExtractionResult> {
  const started = performance.now();
  const ctx: ExtractionContext = {
    data,
    fileName: options.fileName ?? null,
    ocr: options.ocr ?? true,
    maxPages: Math.max(1, options.maxPages ?? DEFAULT_MAX_PAGES),
    mediaType: options.mediaType ?? null,
    pageTexts: [],
    pagesWithoutText: [],
    ocrPages: [],
    text: '',
    pageStarts: [],
    language: null,
    terms: null,
    evidence: {},
    confidence: {},
    candidates: {},
    reviewReasons: [],
    obligations: [],
    resources: new Map(),
  };
  const ran: ExtractionStep[] = [];
  let error: ExtractionResult['error'] = null;
  try {
    for (const step of steps) {
      if (!step.canRun(ctx)) continue;
      ran.push(step);
      await step.run(ctx);
    }
  } catch (caught) {
    error =
      caught instanceof ExtractionStopError
        ? { code: caught.code, message: caught.message }
        : {
            code: ExtractionErrorCode.Internal,
            message: `Extraction failed unexpectedly (${caught instanceof Error ? caught.message : String(caught)})`,
          };
  } finally {
    for (const step of ran.reverse()) {
      if (step.cleanup) await step.cleanup(ctx).catch(() => undefined);
    }
  }
  return {
    status: error ? 'failed' : reviewStatus(ctx.reviewReasons),
    error,
    mediaType: ctx.mediaType,
    language: error ? null : (ctx.language?.language ?? null),
    pages: ctx.pageTexts.length,
    ocrPages: [...ctx.ocrPages].sort((a, b) => a - b),
    text: error ? '' : ctx.text,
    pageStarts: error ? [] : ctx.pageStarts,
    terms: (!error && ctx.terms) || emptyTerms(),
    evidence: error ? {} : ctx.evidence,
    confidence: error ? {} : ctx.confidence,
    candidates: error ? {} : ctx.candidates,
    reviewReasons: error ? [] : ctx.reviewReasons,
    obligations: error ? [] : ctx.obligations,
    ms: Math.round(performance.now() - started),
  };
}
