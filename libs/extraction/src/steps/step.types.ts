import type { ContractTerms, ExtractedObligation, TermConfidence, TermEvidence } from '@cb/domain';
import type { TermCandidates } from '../extraction.types';
import type { LanguageReading } from '../language/detect-language';
import type { MediaType } from '../media-type';
import type { ReviewReason } from '../review/review-reasons';

/** Mutable state that the steps of one run share. */
export interface ExtractionContext {
  readonly data: Uint8Array;
  readonly fileName: string | null;
  readonly ocr: boolean;
  readonly maxPages: number;
  mediaType: MediaType | null;
  /** Raw text per page, before clean-up (index 0 = page 1). */
  pageTexts: string[];
  /** 1-based pages that need OCR (no text layer). */
  pagesWithoutText: number[];
  ocrPages: number[];
  /** Set by the layout step: the final text and where each page starts in it. */
  text: string;
  pageStarts: number[];
  /** Set by the language step. */
  language: LanguageReading | null;
  terms: ContractTerms | null;
  evidence: TermEvidence;
  confidence: TermConfidence;
  candidates: TermCandidates;
  reviewReasons: ReviewReason[];
  obligations: ExtractedObligation[];
  /** Resources a step opened and its cleanup must release (e.g. the PDF document). */
  resources: Map<string, unknown>;
}

/**
 * One stage of the pipeline. `run` throws an ExtractionStopError to end the run with a user-facing failure;
 * `cleanup` runs for every step that ran, whatever happened.
 */
export interface ExtractionStep {
  readonly name: string;
  canRun(ctx: ExtractionContext): boolean;
  run(ctx: ExtractionContext): Promise<void>;
  cleanup?(ctx: ExtractionContext): Promise<void>;
}
