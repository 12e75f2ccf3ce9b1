export * from './media-type';
export type { ExtractionResult, ExtractOptions } from './extraction.types';
export { ExtractionErrorCode } from './extraction.error';
export { extractDocument } from './extract-document';
export { extractTermsFromText } from './terms/extract-terms';
export { parseContractDate, findDates } from './terms/date-parse.util';
export { parseDuration, findDurations } from './terms/duration-parse.util';
