import type { ContractTerms, Party, TermConfidence } from './contract-terms.types';

/**
 * A contract's life: uploaded `processing`; a parse ends it `parsed` or `needs_review` (the review policy), or
 * `failed` with a reason a person can act on; a reparse (or a re-upload) starts `processing` again under a new
 * parse version. Every job about a parse carries its version, so a stale job can never overwrite a newer one.
 */
export const CONTRACT_STATUSES = ['processing', 'parsed', 'needs_review', 'failed'] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];

/** The statuses a parse ends in; a contract in one of them has deadlines worth alerting about unless failed. */
export const FINISHED_STATUSES: readonly ContractStatus[] = ['parsed', 'needs_review', 'failed'];
/** Parsed contracts (read, or read and waiting for a person): their deadlines count. */
export const READ_STATUSES: readonly ContractStatus[] = ['parsed', 'needs_review'];

/** The event a finished parse announces (webhooks, alerts, the UI's live status). */
export type ContractEventType = 'contract.parsed' | 'contract.failed';

/** The part of a contract the lifecycle looks at. */
export interface ParseState {
  status: ContractStatus;
  parseVersion: number;
}

/** The lifecycle columns a transition writes. */
export interface LifecyclePatch {
  status: ContractStatus;
  errorCode: string | null;
  errorMessage: string | null;
  parseVersion?: number;
  parseAttempts?: number;
}

export function isContractStatus(value: unknown): value is ContractStatus {
  return typeof value === 'string' && (CONTRACT_STATUSES as readonly string[]).includes(value);
}

/** A new upload: processing, first parse version. */
export function uploaded(): LifecyclePatch & { parseVersion: number } {
  return { status: 'processing', errorCode: null, errorMessage: null, parseVersion: 1 };
}

/**
 * The "current parse" rule: a parse job (or its result, or giving up on it) applies only while the contract is
 * still `processing` at that job's parse version. Anything else is a duplicate, a retry after success, or a job
 * overtaken by a reparse, and does nothing.
 */
export function isCurrentParse<C extends ParseState>(
  contract: C | null | undefined,
  parseVersion: number,
): contract is C {
  return !!contract && contract.status === 'processing' && contract.parseVersion === parseVersion;
}

/** A person asked to parse again: a new parse version, attempts counted from zero, the old error cleared. */
export function reparseRequested(contract: ParseState): LifecyclePatch & { parseVersion: number } {
  return {
    status: 'processing',
    errorCode: null,
    errorMessage: null,
    parseVersion: contract.parseVersion + 1,
    parseAttempts: 0,
  };
}

/** The document could not be read: `failed`, with the extractor's reason. */
export function parseFailed(error: { code: string; message: string } | null): LifecyclePatch {
  return {
    status: 'failed',
    errorCode: error?.code ?? 'extraction_failed',
    errorMessage: error?.message ?? 'The document could not be read',
  };
}

/** Every attempt failed (crashes, timeouts): `failed`, never stuck in `processing`. */
export function parseGivenUp(reason: string): LifecyclePatch {
  return {
    status: 'failed',
    errorCode: 'processing_failed',
    errorMessage: `The document could not be processed after several attempts (${reason}). Try "reparse", or upload it again.`,
  };
}

/** The document was read: `parsed`, or `needs_review` when the review policy says a person should look. */
export function parseSucceeded(result: ReviewInput): LifecyclePatch {
  return {
    status: needsReview(result) ? 'needs_review' : 'parsed',
    errorCode: null,
    errorMessage: null,
  };
}

/** The event a finished status announces. */
export function finishedEvent(status: ContractStatus): ContractEventType | null {
  if (status === 'failed') return 'contract.failed';
  return status === 'parsed' || status === 'needs_review' ? 'contract.parsed' : null;
}

// ---------------------------------------------------------------------------------------------------------
// Review policy

/** Below this confidence a key term sends the contract to review. */
export const REVIEW_CONFIDENCE = 0.5;

/** The dated terms whose uncertainty matters enough for a person to look. */
export const REVIEWED_TERMS = [
  'agreementDate',
  'effectiveDate',
  'expirationDate',
  'noticePeriod',
] as const satisfies readonly (keyof ContractTerms)[];

/** What the review policy reads from an extraction. */
export interface ReviewInput {
  /** Pages read by OCR (text that may be misread). */
  ocrPages: readonly number[];
  terms: Pick<ContractTerms, 'parties' | (typeof REVIEWED_TERMS)[number]>;
  confidence: TermConfidence;
}

/**
 * A person should review a parse when part of it came from OCR, when no party was found, or when a key dated
 * term was found with a confidence below REVIEW_CONFIDENCE.
 */
export function needsReview(r: ReviewInput): boolean {
  if (r.ocrPages.length > 0) return true;
  if (r.terms.parties.length === 0) return true;
  return REVIEWED_TERMS.some(
    (f) => r.terms[f] !== null && (r.confidence[f] ?? 1) < REVIEW_CONFIDENCE,
  );
}

/**
 * The counterparty a parse proposes when the uploader gave none: the second party named (the first is usually
 * the uploader's own side, which cannot be known here), else the only one.
 */
export function proposedCounterparty(parties: readonly Party[]): string | null {
  return parties[1]?.name ?? parties[0]?.name ?? null;
}
