import {
  contractReviewReasons,
  mergeTerms,
  type ContractTerms,
  type ReviewReason,
  type TermConfidence,
  type TermEvidence,
  type TermField,
} from '@cb/domain';
import { DEFAULT_MODEL, KEY_TERMS, READ_LANGUAGES, reviewReasonsFor } from '@cb/extraction';

/** What a contract's review is computed from: its stored parse and a person's corrections. */
export interface ReviewSubject {
  /** Detected language; null for a contract parsed before languages were stored (read as English). */
  language: string | null;
  extractedTerms: ContractTerms | null;
  userTerms: Partial<ContractTerms>;
  confidence: TermConfidence;
  evidence: TermEvidence;
  ocrPages: readonly number[];
}

const REVIEW_THRESHOLDS: Partial<Record<TermField, number>> = Object.fromEntries(
  Object.entries(DEFAULT_MODEL?.fields ?? {}).map(([f, m]) => [f, m.reviewThreshold]),
);

/**
 * The review reasons of a contract for the terms in force: the engine's rules (reviewReasonsFor, with the
 * thresholds of the model that read it) over the merged terms, a person's values counting as certain, then the
 * domain's policy (contractReviewReasons). One function for a parse and for a correction, so a reparse keeps a
 * person's values out of review and a correction clears exactly the reasons it answers.
 */
export function reviewReasonsOf(s: ReviewSubject): ReviewReason[] {
  const terms = mergeTerms(s.extractedTerms, s.userTerms);
  const userFields = Object.keys(s.userTerms) as TermField[];
  const confidence: TermConfidence = { ...s.confidence };
  for (const f of userFields) confidence[f] = 1;
  const language = s.language ?? 'en';
  const languageRead = (READ_LANGUAGES as readonly string[]).includes(language);
  const engineReasons = reviewReasonsFor({
    language,
    languageRead,
    terms,
    confidence,
    reviewThresholds: REVIEW_THRESHOLDS,
  });
  return contractReviewReasons({
    engineReasons,
    keyTerms: KEY_TERMS,
    languageRead,
    ocrPages: s.ocrPages,
    terms,
    evidence: s.evidence,
    userFields,
  });
}
