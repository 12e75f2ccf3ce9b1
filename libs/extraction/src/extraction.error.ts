/** Stable codes for documents the pipeline cannot read; the message tells the user what to do. */
export enum ExtractionErrorCode {
  EmptyFile = 'empty_file',
  UnsupportedMediaType = 'unsupported_media_type',
  Encrypted = 'pdf_encrypted',
  CorruptPdf = 'pdf_corrupt',
  Timeout = 'pdf_timeout',
  NoText = 'no_text',
  CorruptDocx = 'docx_corrupt',
  DocxTimeout = 'docx_timeout',
  /** A parser needed more memory than the sandbox allows (a parser bomb, or a pathological file). */
  MemoryLimit = 'document_memory_limit',
  Internal = 'extraction_internal',
}

/** Thrown by a step to end the run with `status: 'failed'`. */
export class ExtractionStopError extends Error {
  constructor(
    readonly code: ExtractionErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ExtractionStopError';
  }
}
