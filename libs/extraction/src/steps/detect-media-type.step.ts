import { MEDIA_TYPES, sniffMediaType } from '../media-type';
import { ExtractionErrorCode, ExtractionStopError } from '../extraction.error';
import type { ExtractionContext, ExtractionStep } from './step.types';

/** Decides the media type from the bytes (never the name) and rejects empty or unknown files. */
export class DetectMediaTypeStep implements ExtractionStep {
  readonly name = 'detect-media-type';

  canRun(): boolean {
    return true;
  }

  async run(ctx: ExtractionContext): Promise<void> {
    if (ctx.data.byteLength === 0) {
      throw new ExtractionStopError(
        ExtractionErrorCode.EmptyFile,
        'The file is empty (0 bytes); upload the contract again',
      );
    }
    const sniffed = sniffMediaType(ctx.data.subarray(0, 8192));
    // A declared type is trusted only when the bytes do not contradict it.
    const mediaType =
      ctx.mediaType && (sniffed === null || sniffed === ctx.mediaType) ? ctx.mediaType : sniffed;
    if (
      mediaType === null ||
      (ctx.mediaType === MEDIA_TYPES.txt && sniffed !== MEDIA_TYPES.txt && sniffed !== null)
    ) {
      throw new ExtractionStopError(
        ExtractionErrorCode.UnsupportedMediaType,
        'The file is not a PDF, DOCX or plain-text document; upload the contract in one of those formats',
      );
    }
    ctx.mediaType = mediaType;
  }
}
