import type { ContractTerms, ExtractedObligation, TermConfidence, TermEvidence } from '@cb/domain';
import type { MediaType } from './media-type';

/** What `extractDocument` returns for one file; `status: 'failed'` carries an actionable `error`. */
export interface ExtractionResult {
  status: 'parsed' | 'failed';
  error: { code: string; message: string } | null;
  mediaType: MediaType | null;
  pages: number;
  /** 1-based pages whose text came from OCR. */
  ocrPages: number[];
  /** The whole extracted text: the concatenation of the cleaned pages. */
  text: string;
  /** Offset in `text` where page i+1 starts. */
  pageStarts: number[];
  terms: ContractTerms;
  evidence: TermEvidence;
  confidence: TermConfidence;
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
  'terms' | 'evidence' | 'confidence' | 'obligations'
>;
