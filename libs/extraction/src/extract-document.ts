import type { ExtractionResult, ExtractOptions } from './extraction.types';
import { runPipeline } from './pipeline';

/**
 * Extracts text, contract terms (with evidence and confidence) and obligations from a PDF, DOCX or TXT file.
 * Never throws for bad input: unreadable files come back with `status: 'failed'` and an actionable error.
 */
export function extractDocument(
  data: Uint8Array,
  options: ExtractOptions = {},
): Promise<ExtractionResult> {
  return runPipeline(data, options);
}
