import { MEDIA_TYPES } from '../media-type';
import type { ExtractionContext, ExtractionStep } from './step.types';

/** Decodes a text file (UTF-8, or UTF-16 with a BOM); form feeds separate pages. */
export class PlainTextStep implements ExtractionStep {
  readonly name = 'plain-text';

  canRun(ctx: ExtractionContext): boolean {
    return ctx.mediaType === MEDIA_TYPES.txt;
  }

  async run(ctx: ExtractionContext): Promise<void> {
    ctx.pageTexts = decodeText(ctx.data).split('\f').slice(0, ctx.maxPages);
  }
}

export function decodeText(data: Uint8Array): string {
  if (data.length >= 2 && data[0] === 0xff && data[1] === 0xfe)
    return new TextDecoder('utf-16le').decode(data.subarray(2));
  if (data.length >= 2 && data[0] === 0xfe && data[1] === 0xff)
    return new TextDecoder('utf-16be').decode(data.subarray(2));
  return new TextDecoder('utf-8').decode(data).replace(/^\uFEFF/, '');
}
