import type { ContractTerms, EvidenceSpan, TermField } from '@cb/domain';
import type { ContractDocument } from '../document/contract-document';

/** Numeric features of a candidate that the scoring model weighs (missing = 0). */
export type Features = Record<string, number>;

/** A value for one field with its calibrated confidence (0..1) and the spans that support it. */
export interface Finding<T> {
  value: T;
  confidence: number;
  evidence: EvidenceSpan[];
}

/**
 * A value an extractor proposes. `rule` names the rule that found it; `prior` is the rule's own estimate
 * of how often it is right (used as a feature, and as the confidence when no model is trained for the
 * field); `features` describe the context for the scoring model.
 */
export interface Candidate<T> {
  value: T;
  evidence: EvidenceSpan[];
  rule: string;
  prior: number;
  features: Features;
}

export type TermValue<F extends TermField> = NonNullable<ContractTerms[F]>;

/** The values chosen so far, for extractors that need another field (`requires`). */
export type KnownTerms = { [F in TermField]?: Finding<TermValue<F>> };

/**
 * One extractor per field: reads the document and proposes candidates, best first by its own rules. It
 * never decides alone: the scoring stage picks among the candidates and says how sure it is.
 */
export interface FieldExtractor<F extends TermField> {
  readonly field: F;
  /** Fields whose chosen values this extractor reads from `known`. */
  readonly requires: readonly TermField[];
  propose(doc: ContractDocument, known: KnownTerms): Candidate<TermValue<F>>[];
}

/** Builds a candidate; `features` add to the rule's one-hot feature. */
export function candidate<T>(
  value: T,
  evidence: EvidenceSpan[],
  rule: string,
  prior: number,
  features: Features = {},
): Candidate<T> {
  return { value, evidence, rule, prior, features: { [`rule:${rule}`]: 1, ...features } };
}
