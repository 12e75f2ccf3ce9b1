import type { TermField } from '@cb/domain';

/** A logistic-regression scorer for one field's candidates: P(right) = sigmoid(bias + Σ w·x). */
export interface FieldModel {
  bias: number;
  weights: Record<string, number>;
  /** A chosen value below this probability is not shown at all (the field stays null, its candidates stay). */
  emitThreshold: number;
  /** A value at or above this probability is shown as read; below, it goes to review (TERMS.md). */
  reviewThreshold: number;
  /** Candidates the model was fitted on, and the share of them that were right. */
  trainedOn: { candidates: number; documents: number; positives: number };
}

/** The committed model: per-field weights learned from labelled contracts by `npm run train:extraction`. */
export interface ScoringModel {
  version: number;
  trainedAt: string;
  seed: number;
  /** Where the labelled contracts came from (dataset names and counts). */
  data: string[];
  fields: Partial<Record<TermField, FieldModel>>;
}
