import type { TermField } from '@cb/domain';
import { contractDocument } from '../src/document/contract-document';
import { extractTermsFromText } from '../src/extract-terms';
import type {
  Candidate,
  FieldExtractor,
  KnownTerms,
  TermValue,
} from '../src/fields/field-extractor.types';
import type { ReadLanguage } from '../src/lexicon';

/** The extractor's own first choice (rule order, before any scoring model), or null when it proposes nothing. */
export function topCandidate<F extends TermField>(
  extractor: FieldExtractor<F>,
  text: string,
  language: ReadLanguage = 'en',
  known: KnownTerms = {},
): Candidate<TermValue<F>> | null {
  return extractor.propose(contractDocument(text, [0], language), known)[0] ?? null;
}

/** Every stage but the learned scorer (each field takes its extractor's first candidate), in `language`. */
export function readTerms(text: string, language: ReadLanguage = 'en') {
  return extractTermsFromText(text, [0], {
    language: { language, read: language, confidence: 1 },
    model: null,
  });
}
