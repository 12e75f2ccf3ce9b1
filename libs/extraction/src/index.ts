export * from './media-type';
export type {
  ExtractionResult,
  ExtractOptions,
  TermCandidate,
  TermCandidates,
} from './extraction.types';
export { ExtractionErrorCode } from './extraction.error';
export { extractDocument } from './extract-document';
export {
  extractTermsFromText,
  type CandidateTrace,
  type ExtractTermsOptions,
} from './extract-terms';
export { parseContractDate, findDates } from './parse/date-parse';
export { parseDuration, findDurations } from './parse/duration-parse';
export { parseAmount, findMoney } from './parse/money-parse';
export { detectLanguage, type LanguageReading } from './language/detect-language';
export { READ_LANGUAGES, lexiconFor, type Lexicon, type ReadLanguage } from './lexicon';
export {
  DEFAULT_REVIEW_THRESHOLD,
  KEY_TERMS,
  reviewReasonsFor,
  reviewStatus,
  type ReviewInput,
  type ReviewReason,
  type ReviewReasonCode,
} from './review/review-reasons';
export { DEFAULT_MODEL } from './scoring/default-model';
export { probability, scoreCandidates } from './scoring/score-candidates';
export type { FieldModel, ScoringModel } from './scoring/scoring-model.types';
export type { Finding, Candidate, FieldExtractor } from './fields/field-extractor.types';
export {
  configureParserSandbox,
  DEFAULT_SANDBOX_LIMITS,
  lastSandboxRun,
  parserSandboxLimits,
  shutdownParserSandbox,
  warmParserSandbox,
  type SandboxLimits,
  type SandboxRun,
} from './sandbox/parser-sandbox';
// Test and bench helpers: hostile and minimal documents built in memory.
export { docxParts, makeDocx } from './testing/make-docx';
export { docxParserBomb, pdfBomb } from './testing/parser-bombs';
