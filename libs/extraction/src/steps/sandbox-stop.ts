import { ExtractionErrorCode, ExtractionStopError } from '../extraction.error';
import type { SandboxLimitError } from '../sandbox/parser-sandbox.error';

/** The failure for a document whose parser hit the sandbox's memory limit. */
export function memoryLimitStop(
  kind: 'PDF' | 'DOCX',
  error: SandboxLimitError,
): ExtractionStopError {
  return new ExtractionStopError(
    ExtractionErrorCode.MemoryLimit,
    `The ${kind} could not be read: ${error.message}; it may be damaged or built to exhaust memory. Save it again (or split it into smaller files), then upload it again`,
  );
}
