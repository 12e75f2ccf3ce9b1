import type { ContractDocument } from '../document/contract-document';
import type { Candidate, Features } from '../fields/field-extractor.types';

/** A stable key for a value, so that candidates proposing the same value can be grouped. */
export function valueKey(value: unknown): string {
  if (Array.isArray(value))
    return JSON.stringify(
      value
        .map((p: { name?: string }) =>
          p && typeof p === 'object' ? String(p.name).toLowerCase() : String(p),
        )
        .sort(),
    );
  if (typeof value === 'string') return value.toLowerCase();
  return JSON.stringify(value);
}

function logit(p: number): number {
  const q = Math.min(0.99, Math.max(0.01, p));
  return Math.log(q / (1 - q));
}

/**
 * The features the scoring model weighs for one candidate: the extractor's own (its rule, ranks, clause
 * facts), the rule's prior as a log-odds, where it stands in the extractor's list, how many other
 * candidates agree on its value, and the document's language.
 */
export function scoringFeatures(
  c: Candidate<unknown>,
  index: number,
  all: ReadonlyArray<Candidate<unknown>>,
  doc: ContractDocument,
): Features {
  const key = valueKey(c.value);
  const agreeing = all.filter((o, i) => i !== index && valueKey(o.value) === key).length;
  const features: Features = {
    ...c.features,
    prior: logit(c.prior),
    first: index === 0 ? 1 : 0,
    listRank: Math.log1p(index),
    agree: Math.log1p(agreeing),
    disagree: Math.log1p(all.length - 1 - agreeing),
    [`lang:${doc.language}`]: 1,
  };
  for (const name of ['rank', 'readingRank'] as const) {
    if (name in c.features) features[name] = Math.log1p(c.features[name]);
  }
  return features;
}
