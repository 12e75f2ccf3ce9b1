import {
  computeDeadlines,
  type ContractTerms,
  type TermConfidence,
  type TermField,
} from '@cb/domain';

/** Why a contract needs a person's look (TERMS.md "Confidence and review"). */
export type ReviewReasonCode =
  /** A key term was read below the review threshold: a reviewer picks among its candidates. */
  | 'low_confidence'
  /** The contract renews by itself, but no notice deadline can be computed from what was read. */
  | 'no_notice_deadline'
  /** The document is in a language the engine does not read: nothing was extracted. */
  | 'unsupported_language';

export interface ReviewReason {
  /** The term concerned, or null for the document as a whole. */
  field: TermField | null;
  code: ReviewReasonCode;
  message: string;
}

/** The terms a deadline depends on: a wrong one means a missed notice, so they go to review when uncertain. */
export const KEY_TERMS = [
  'effectiveDate',
  'expirationDate',
  'perpetual',
  'autoRenewal',
  'renewalTerm',
  'noticePeriod',
] as const satisfies readonly TermField[];

/** Used for fields without a trained threshold: below this a value is shown as uncertain. */
export const DEFAULT_REVIEW_THRESHOLD = 0.8;

/** What `reviewReasonsFor` needs: an extraction result, or a contract's stored terms and confidences. */
export interface ReviewInput {
  /** Detected language ("en", "fi", "sv", or another ISO 639-1 code). */
  language: string;
  /** Whether the engine read the document in that language. */
  languageRead: boolean;
  terms: ContractTerms;
  confidence: TermConfidence;
  /** Per-field review thresholds (the scoring model's); fields missing here use DEFAULT_REVIEW_THRESHOLD. */
  reviewThresholds?: Partial<Record<TermField, number>>;
}

const LABELS: Record<(typeof KEY_TERMS)[number], string> = {
  effectiveDate: 'effective date',
  expirationDate: 'expiration date',
  perpetual: 'whether the contract has a fixed end',
  autoRenewal: 'automatic renewal',
  renewalTerm: 'renewal term',
  noticePeriod: 'notice period',
};

/**
 * The reasons a contract needs review; none means it can be shown as `parsed`. Pure: the worker calls it
 * on an extraction result, the API can call it again after a person corrects a term (then pass the
 * corrected fields with confidence 1).
 */
export function reviewReasonsFor(input: ReviewInput): ReviewReason[] {
  if (!input.languageRead) {
    return [
      {
        field: null,
        code: 'unsupported_language',
        message: `The contract is in a language the engine does not read (${input.language}); enter its terms by hand`,
      },
    ];
  }
  const reasons: ReviewReason[] = [];
  for (const field of KEY_TERMS) {
    const value = input.terms[field];
    const confidence = input.confidence[field];
    if (value === null || confidence === undefined) continue;
    const threshold = input.reviewThresholds?.[field] ?? DEFAULT_REVIEW_THRESHOLD;
    if (confidence < threshold)
      reasons.push({
        field,
        code: 'low_confidence',
        message: `The ${LABELS[field]} was read with confidence ${confidence.toFixed(2)} (below ${threshold.toFixed(2)}); check it against its sentence or pick another candidate`,
      });
  }
  if (
    input.terms.autoRenewal === true &&
    computeDeadlines(input.terms, '1970-01-01').noticeDeadline === null
  ) {
    const missing = input.terms.noticePeriod === null ? 'noticePeriod' : 'expirationDate';
    reasons.push({
      field: missing,
      code: 'no_notice_deadline',
      message:
        missing === 'noticePeriod'
          ? 'The contract renews automatically but no notice period was read, so no notice deadline can be computed'
          : 'The contract renews automatically but the end of its term could not be read, so no notice deadline can be computed',
    });
  }
  return reasons;
}

/** `needs_review` when there is any reason, else `parsed`. */
export function reviewStatus(reasons: readonly ReviewReason[]): 'parsed' | 'needs_review' {
  return reasons.length > 0 ? 'needs_review' : 'parsed';
}
