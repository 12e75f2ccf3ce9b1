import type {
  ContractTerms,
  EvidenceSpan,
  ExtractedObligation,
  TermConfidence,
  TermEvidence,
  TermField,
} from '@cb/domain';
import type { MediaType } from './media-type';
import type { ReviewReason } from './review/review-reasons';

/** A value a reviewer can pick for a field: its calibrated confidence and the spans it came from. */
export interface TermCandidate {
  value: unknown;
  confidence: number;
  evidence: EvidenceSpan[];
}

/** Per field, the distinct values the extractors proposed, most probable first (the chosen one included). */
export type TermCandidates = Partial<Record<TermField, TermCandidate[]>>;

/** What `extractDocument` returns for one file; `status: 'failed'` carries an actionable `error`. */
export interface ExtractionResult {
  /** `needs_review` when `reviewReasons` is not empty (TERMS.md "Confidence and review"). */
  status: 'parsed' | 'needs_review' | 'failed';
  error: { code: string; message: string } | null;
  mediaType: MediaType | null;
  /** Detected language: `en`, `fi`, `sv`, another ISO 639-1 code (not read), or `und`; null when failed. */
  language: string | null;
  pages: number;
  /** 1-based pages whose text came from OCR. */
  ocrPages: number[];
  /** The whole extracted text: the concatenation of the cleaned pages. */
  text: string;
  /** Offset in `text` where page i+1 starts. */
  pageStarts: number[];
  terms: ContractTerms;
  evidence: TermEvidence;
  /** Calibrated: the probability that the field's value is right. */
  confidence: TermConfidence;
  candidates: TermCandidates;
  /** Why the contract needs review (empty when `parsed`). */
  reviewReasons: ReviewReason[];
  obligations: ExtractedObligation[];
  ms: number;
}

/** Options for `extractDocument`. */
export interface ExtractOptions {
  /** Skip sniffing and treat the bytes as this type. */
  mediaType?: MediaType;
  /** Only used in messages. */
  fileName?: string;
  /** OCR pages without a text layer (default true). */
  ocr?: boolean;
  /** Read at most this many pages (default 500). */
  maxPages?: number;
}

export type TermsResult = Pick<
  ExtractionResult,
  'terms' | 'evidence' | 'confidence' | 'candidates' | 'obligations' | 'reviewReasons'
> & { language: string };
