import type { ContractTerms, Party, TermEvidence, TermField } from './contract-terms.types';

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

/** The document was read: `parsed`, or `needs_review` when the review policy gave reasons (reviewReasons). */
export function parseSucceeded(reasons: readonly ReviewReason[]): LifecyclePatch {
  return { status: reviewStatus(reasons), errorCode: null, errorMessage: null };
}

/** The event a finished status announces. */
export function finishedEvent(status: ContractStatus): ContractEventType | null {
  if (status === 'failed') return 'contract.failed';
  return status === 'parsed' || status === 'needs_review' ? 'contract.parsed' : null;
}

// ---------------------------------------------------------------------------------------------------------
// Review policy (TERMS.md "Confidence and review")

/** Why a contract needs a person's look; `field` is the term concerned, null for the document as a whole. */
export interface ReviewReason {
  field: TermField | null;
  /**
   * `low_confidence`, `no_notice_deadline`, `unsupported_language` (the extraction engine's term rules) and
   * the contract's own: `ocr_text` (a key term read from a scanned page), `no_parties` (no party was read).
   */
  code: string;
  message: string;
}

/** What the contract's review looks at beside the engine's reasons (computed over the terms in force). */
export interface ContractReviewInput {
  /** The engine's reasons for the merged terms, with a person's values counted as certain. */
  engineReasons: readonly ReviewReason[];
  /** The terms a deadline depends on (the engine's KEY_TERMS). */
  keyTerms: readonly TermField[];
  /** Whether the engine read the contract's language. */
  languageRead: boolean;
  ocrPages: readonly number[];
  terms: ContractTerms;
  evidence: TermEvidence;
  /** The fields a person set (PATCH terms, a picked candidate, a selection): never in review again. */
  userFields: readonly TermField[];
}

const OCR_LABELS: Partial<Record<TermField, string>> = {
  effectiveDate: 'effective date',
  expirationDate: 'expiration date',
  perpetual: 'fixed end (or none)',
  autoRenewal: 'automatic renewal',
  renewalTerm: 'renewal term',
  noticePeriod: 'notice period',
};

/**
 * The reasons a contract is `needs_review` (empty: `parsed`). The engine's reasons stand, except that a
 * contract in a language the engine does not read leaves review once a person has entered terms; a key term
 * read from an OCR page (possibly misread) and a contract without any party are added. A field a person set
 * is never in review for itself.
 */
export function contractReviewReasons(r: ContractReviewInput): ReviewReason[] {
  const byPerson = new Set(r.userFields);
  const reasons = r.engineReasons.filter(
    (reason) =>
      !(reason.code === 'unsupported_language' && byPerson.size > 0) &&
      !(reason.code === 'low_confidence' && reason.field && byPerson.has(reason.field)),
  );
  if (!r.languageRead) return reasons;
  const ocr = new Set(r.ocrPages);
  for (const field of r.keyTerms) {
    if (byPerson.has(field) || r.terms[field] === null) continue;
    if (reasons.some((x) => x.field === field)) continue;
    if ((r.evidence[field] ?? []).some((span) => ocr.has(span.page)))
      reasons.push({
        field,
        code: 'ocr_text',
        message: `The ${OCR_LABELS[field] ?? field} was read from a scanned page (OCR) and may be misread; check it against the scan`,
      });
  }
  if (r.terms.parties.length === 0 && !byPerson.has('parties'))
    reasons.push({
      field: 'parties',
      code: 'no_parties',
      message: 'No contracting party was read; enter the parties',
    });
  return reasons;
}

/** `needs_review` when there is a reason, else `parsed`. */
export function reviewStatus(reasons: readonly ReviewReason[]): 'parsed' | 'needs_review' {
  return reasons.length > 0 ? 'needs_review' : 'parsed';
}

/**
 * The status after a person's correction: a read contract follows its review reasons (a correction can clear
 * the last one, or add one, e.g. automatic renewal set without a notice period); processing and failed stay.
 */
export function reviewedStatus(
  status: ContractStatus,
  reasons: readonly ReviewReason[],
): ContractStatus {
  return READ_STATUSES.includes(status) ? reviewStatus(reasons) : status;
}

/**
 * The counterparty a parse proposes when the uploader gave none: the second party named (the first is usually
 * the uploader's own side, which cannot be known here), else the only one.
 */
export function proposedCounterparty(parties: readonly Party[]): string | null {
  return parties[1]?.name ?? parties[0]?.name ?? null;
}
