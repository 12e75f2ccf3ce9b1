import {
  emptyTerms,
  type ContractTerms,
  type TermConfidence,
  type TermEvidence,
  type TermField,
} from '@cb/domain';
import { contractDocument, type ContractDocument } from './document/contract-document';
import type { TermsResult } from './extraction.types';
import {
  FIELD_EXTRACTORS,
  findObligations,
  partyLabels,
  type Features,
  type KnownTerms,
} from './fields';
import { detectLanguage, type LanguageReading } from './language/detect-language';
import { resolveTerms } from './resolve/resolve-terms';
import { reviewReasonsFor } from './review/review-reasons';
import { DEFAULT_MODEL } from './scoring/default-model';
import { scoreCandidates, type ScoredValue } from './scoring/score-candidates';
import type { ScoringModel } from './scoring/scoring-model.types';

/** Every candidate each field's extractor proposed, with its features: what the training script learns from. */
export type CandidateTrace = Partial<
  Record<TermField, Array<{ value: unknown; features: Features }>>
>;

export interface ExtractTermsOptions {
  /** The language to read the text in; detected when absent. */
  language?: LanguageReading;
  /** The scoring model (default: the committed one); `null` picks each extractor's first candidate. */
  model?: ScoringModel | null;
  /** Receives every field's candidates and features (for training). */
  trace?: CandidateTrace;
}

/**
 * Reads contract terms, their evidence, calibrated confidence, candidates and obligations from extracted
 * text, in stages: language → lexicon → field extractors proposing candidates → scoring → cross-field
 * resolution → review reasons. `pageStarts` lets every evidence span name its page.
 */
export function extractTermsFromText(
  text: string,
  pageStarts: number[] = [0],
  options: ExtractTermsOptions = {},
): TermsResult {
  const language = options.language ?? detectLanguage(text);
  const model = options.model === undefined ? DEFAULT_MODEL : options.model;
  const terms = emptyTerms();
  if (!language.read) {
    return {
      language: language.language,
      terms,
      evidence: {},
      confidence: {},
      candidates: {},
      obligations: [],
      reviewReasons: reviewReasonsFor({
        language: language.language,
        languageRead: false,
        terms,
        confidence: {},
      }),
    };
  }
  const doc = contractDocument(text, pageStarts, language.read);
  const known: KnownTerms = {};
  const candidates: TermsResult['candidates'] = {};
  for (const extractor of FIELD_EXTRACTORS) {
    const proposed = extractor.propose(doc, known);
    const scored = scoreCandidates(extractor.field, proposed, doc, model);
    if (options.trace)
      options.trace[extractor.field] = proposed.map((c, i) => ({
        value: c.value,
        features: scored.features[i],
      }));
    if (scored.ranked.length > 0)
      candidates[extractor.field] = scored.ranked as ScoredValue<never>[];
    if (scored.chosen) (known as Record<string, unknown>)[extractor.field] = scored.chosen;
  }
  resolveTerms(doc, known);
  const evidence: TermEvidence = {};
  const confidence: TermConfidence = {};
  for (const [field, finding] of Object.entries(known) as Array<
    [TermField, NonNullable<KnownTerms[TermField]>]
  >) {
    (terms as unknown as Record<string, unknown>)[field] = finding.value;
    evidence[field] = finding.evidence;
    confidence[field] = Math.round(finding.confidence * 100) / 100;
  }
  const obligations = findObligations(doc, terms.parties, partyLabels.get(terms.parties) ?? []);
  const reviewThresholds = Object.fromEntries(
    Object.entries(model?.fields ?? {}).map(([f, m]) => [f, m.reviewThreshold]),
  );
  return {
    language: language.language,
    terms,
    evidence,
    confidence,
    candidates,
    obligations,
    reviewReasons: reviewReasonsFor({
      language: language.language,
      languageRead: true,
      terms,
      confidence,
      reviewThresholds,
    }),
  };
}

export type { ContractDocument, ContractTerms };
