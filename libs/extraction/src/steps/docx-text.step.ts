import mammoth from 'mammoth';
import {
  ArchiveRefusalCode,
  ArchiveRefusedError,
  EntryReadError,
  EntryReadErrorCode,
  openZip,
  type ZipArchive,
  type ZipLimits,
} from '@cb/archive';
import { MEDIA_TYPES } from '../media-type';
import { ExtractionErrorCode, ExtractionStopError } from '../extraction.error';
import type { ExtractionContext, ExtractionStep } from './step.types';

const MIB = 1024 * 1024;

/**
 * What a DOCX may unpack to. A long contract's word/document.xml is a few MB; 64 MiB per part and 256 MiB in
 * all leaves a wide margin while a 4 MB file that inflates to gigabytes is refused (declared) or cut off after
 * the budget (a lying header), never inflated into memory.
 */
export const DOCX_ZIP_LIMITS: Readonly<ZipLimits> = Object.freeze({
  maxEntries: 5000,
  maxTotalBytes: 256 * MIB,
  maxEntryBytes: 64 * MIB,
});

/** The part reader mammoth uses (its `file` input): every read goes through the ZIP guard's byte budget. */
function guardedDocxFile(archive: ZipArchive) {
  return {
    exists: (name: string) => archive.find(name) !== undefined,
    read: async (name: string, encoding?: string) => {
      const entry = archive.find(name);
      if (!entry) throw new Error(`the DOCX has no part ${name}`);
      const bytes = await archive.readEntry(entry);
      if (encoding === 'base64') return bytes.toString('base64');
      if (encoding) return new TextDecoder(encoding).decode(bytes);
      return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    },
  };
}

function unreadable(detail: string): ExtractionStopError {
  return new ExtractionStopError(
    ExtractionErrorCode.CorruptDocx,
    `The DOCX could not be read (${detail.slice(0, 160)}); open and re-save it in Word, then upload it again`,
  );
}

function tooLarge(): ExtractionStopError {
  const limit = Math.round(DOCX_ZIP_LIMITS.maxTotalBytes / MIB);
  return new ExtractionStopError(
    ExtractionErrorCode.CorruptDocx,
    `The DOCX unpacks to more than its limit (${limit} MB of parts, at most ${Math.round(DOCX_ZIP_LIMITS.maxEntryBytes / MIB)} MB each) or its sizes do not match its contents; it may be damaged or a decompression bomb. Open and re-save it in Word, then upload it again`,
  );
}

function stopFor(error: unknown): ExtractionStopError {
  if (error instanceof ArchiveRefusedError) {
    return error.code === ArchiveRefusalCode.Invalid ? unreadable(error.message) : tooLarge();
  }
  if (error instanceof EntryReadError) {
    return error.code === EntryReadErrorCode.OverBudget ||
      error.code === EntryReadErrorCode.SizeMismatch
      ? tooLarge()
      : unreadable(error.message);
  }
  return unreadable(error instanceof Error ? error.message : String(error));
}

/**
 * Reads a DOCX's raw text with mammoth; a DOCX has no fixed pages, so it is one page. The parts are read
 * through the ZIP guard (@cb/archive), never by mammoth's own unzip: entry count and declared sizes are
 * checked before anything is inflated, and each part stops inflating at its byte budget.
 */
export class DocxTextStep implements ExtractionStep {
  readonly name = 'docx-text';

  canRun(ctx: ExtractionContext): boolean {
    return ctx.mediaType === MEDIA_TYPES.docx;
  }

  async run(ctx: ExtractionContext): Promise<void> {
    let archive: ZipArchive | null = null;
    try {
      archive = await openZip(ctx.data, DOCX_ZIP_LIMITS);
      // mammoth reads the parts it needs lazily through `file` (its own unzip would inflate without a limit).
      const input = { file: guardedDocxFile(archive) } as unknown as { buffer: Buffer };
      const result = await mammoth.extractRawText(input);
      ctx.pageTexts = [result.value];
    } catch (error) {
      throw stopFor(error);
    } finally {
      archive?.close();
    }
  }
}
