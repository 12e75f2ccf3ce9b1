import type { TermField } from '@cb/domain';
import type { ContractDocument } from '../document/contract-document';
import type { Candidate, Features, Finding } from '../fields/field-extractor.types';
import { scoringFeatures, valueKey } from './features';
import type { FieldModel, ScoringModel } from './scoring-model.types';

/** A value a reviewer can pick, with its confidence and the sentence it came from. */
export type ScoredValue<T> = Finding<T>;

export interface FieldScore<T> {
  /** The value shown (null when no candidate reaches the model's emit threshold). */
  chosen: Finding<T> | null;
  /** The distinct values proposed, most probable first (at most five). */
  ranked: ScoredValue<T>[];
  /** The feature vector of every candidate, in the extractor's order (for training). */
  features: Features[];
}

const MAX_RANKED = 5;

export function sigmoid(z: number): number {
  return 1 / (1 + Math.exp(-z));
}

/** P(right) of one feature vector under a field model. */
export function probability(model: FieldModel, features: Features): number {
  let z = model.bias;
  for (const [name, x] of Object.entries(features)) z += (model.weights[name] ?? 0) * x;
  return sigmoid(z);
}

/**
 * Picks a field's value among its candidates. With a trained model: the most probable value, shown when its
 * probability reaches the emit threshold. Without one (a field no labelled data covers): the extractor's
 * first candidate, with the rule's prior as its confidence.
 */
export function scoreCandidates<T>(
  field: TermField,
  candidates: Candidate<T>[],
  doc: ContractDocument,
  model: ScoringModel | null,
): FieldScore<T> {
  const fieldModel = model?.fields[field];
  const features = candidates.map((c, i) =>
    scoringFeatures(c as Candidate<unknown>, i, candidates as Candidate<unknown>[], doc),
  );
  const p = candidates.map((c, i) => (fieldModel ? probability(fieldModel, features[i]) : c.prior));
  // One entry per distinct value: the best-supported candidate's probability and evidence.
  const byValue = new Map<string, { index: number; p: number }>();
  candidates.forEach((c, i) => {
    const key = valueKey(c.value);
    const seen = byValue.get(key);
    if (!seen || p[i] > seen.p + 1e-9)
      byValue.set(key, {
        index: seen && !fieldModel ? seen.index : i,
        p: Math.max(p[i], seen?.p ?? 0),
      });
  });
  const groups = [...byValue.values()].sort((a, b) =>
    fieldModel ? b.p - a.p || a.index - b.index : a.index - b.index,
  );
  const ranked = groups.slice(0, MAX_RANKED).map((g) => ({
    value: candidates[g.index].value,
    confidence: round(g.p),
    evidence: candidates[g.index].evidence,
  }));
  const top = ranked[0];
  const chosen = top && (!fieldModel || top.confidence >= fieldModel.emitThreshold) ? top : null;
  return { chosen, ranked, features };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
