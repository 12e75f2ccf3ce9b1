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
import { acquireSandbox, parserSandboxLimits } from '../sandbox/parser-sandbox';
import { SandboxLimitError } from '../sandbox/parser-sandbox.error';
import { memoryLimitStop } from './sandbox-stop';
import type { ExtractionContext, ExtractionStep } from './step.types';

const MIB = 1024 * 1024;

/**
 * What a DOCX may unpack to. A long contract's word/document.xml is a few MB and its pictures barely
 * compress; 64 MiB per part and 128 MiB in all leave a wide margin while a 4 MB file that inflates to
 * gigabytes is refused (declared) or cut off after the budget (a lying header), never inflated into memory.
 */
export const DOCX_ZIP_LIMITS: Readonly<ZipLimits> = Object.freeze({
  maxEntries: 5000,
  maxTotalBytes: 128 * MIB,
  maxEntryBytes: 64 * MIB,
});

/** The parts mammoth reads for raw text: XML and relationships (pictures and embedded objects are skipped). */
const TEXT_PART = /\.(xml|rels)$/i;

/** Reads the text parts through the guard's byte budget: the bytes mammoth will see, and no more. */
async function readTextParts(archive: ZipArchive): Promise<Map<string, Uint8Array>> {
  const parts = new Map<string, Uint8Array>();
  for (const entry of archive.entries) {
    if (entry.outcome !== 'ok' || !TEXT_PART.test(entry.name)) continue;
    parts.set(entry.name, new Uint8Array(await archive.readEntry(entry)));
  }
  return parts;
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
  if (error instanceof ExtractionStopError) return error;
  if (error instanceof SandboxLimitError) {
    if (error.limit === 'memory') return memoryLimitStop('DOCX', error);
    if (error.limit === 'timeout') {
      return new ExtractionStopError(
        ExtractionErrorCode.DocxTimeout,
        `The DOCX could not be read in time (${error.message}); it may be damaged, or split it into smaller files`,
      );
    }
  }
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
 * here through the ZIP guard (@cb/archive), never by mammoth's own unzip: entry count and declared sizes are
 * checked before anything is inflated, and each part stops inflating at its byte budget. mammoth then runs
 * in a parser sandbox process under the memory and time limits, reading only those parts.
 */
export class DocxTextStep implements ExtractionStep {
  readonly name = 'docx-text';

  canRun(ctx: ExtractionContext): boolean {
    return ctx.mediaType === MEDIA_TYPES.docx;
  }

  async run(ctx: ExtractionContext): Promise<void> {
    let parts: Map<string, Uint8Array>;
    let archive: ZipArchive | null = null;
    try {
      archive = await openZip(ctx.data, DOCX_ZIP_LIMITS);
      parts = await readTextParts(archive);
    } catch (error) {
      throw stopFor(error);
    } finally {
      archive?.close();
    }
    const sandbox = acquireSandbox();
    try {
      ctx.pageTexts = [
        await sandbox.request<string>('docx.text', { parts }, parserSandboxLimits().timeoutMs),
      ];
    } catch (error) {
      throw stopFor(error);
    } finally {
      sandbox.release();
    }
  }
}
