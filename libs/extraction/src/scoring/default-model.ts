import type { ScoringModel } from './scoring-model.types';
import model from './extraction-model.json';

/** The committed model, trained by `npm run train:extraction` (scripts/train-extraction.mjs). */
export const DEFAULT_MODEL: ScoringModel | null = (model as ScoringModel).fields
  ? (model as ScoringModel)
  : null;
