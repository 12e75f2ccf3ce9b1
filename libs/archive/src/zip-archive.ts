import { Transform, type Readable, type TransformCallback } from 'node:stream';
import yauzl from 'yauzl';
import {
  ArchiveRefusalCode,
  ArchiveRefusedError,
  EntryReadError,
  EntryReadErrorCode,
} from './archive.error';
import { classifyEntry, decodeEntryName, type ZipEntry } from './zip-entry';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-limits';

// yauzl reads the central directory lazily, one entry at a time, and inflates nothing until a read stream is
// opened. Its own checks are switched off where they would fail the whole archive for one bad entry
// (decodeStrings validates names, validateEntrySizes compares sizes): the guard does both per entry.
const YAUZL_OPTIONS: yauzl.Options = {
  lazyEntries: true,
  autoClose: false,
  decodeStrings: false,
  validateEntrySizes: false,
};

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function openYauzl(source: string | Uint8Array): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    const done = (error: Error | null, zip?: yauzl.ZipFile) =>
      error || !zip ? reject(error ?? new Error('no archive')) : resolve(zip);
    if (typeof source === 'string') yauzl.open(source, YAUZL_OPTIONS, done);
    else {
      const buffer = Buffer.isBuffer(source)
        ? source
        : Buffer.from(source.buffer, source.byteOffset, source.byteLength);
      yauzl.fromBuffer(buffer, YAUZL_OPTIONS, done);
    }
  });
}

function readCentralDirectory(
  zip: yauzl.ZipFile,
  onEntry: (entry: yauzl.Entry) => void,
): Promise<void> {
  return new Promise((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      try {
        onEntry(entry);
        zip.readEntry();
      } catch (error) {
        reject(error instanceof Error ? error : new Error(String(error)));
      }
    });
    zip.once('end', () => resolve());
    zip.once('error', (error: Error) => reject(error));
    zip.readEntry();
  });
}

/**
 * Counts the bytes coming out of the inflater and stops the read as soon as they pass the budget or the
 * header's declared size, so a bomb or a lying header costs at most one zlib chunk past the limit.
 */
class ByteBudget extends Transform {
  private seen = 0;

  constructor(
    private readonly entry: ZipEntry,
    private readonly budget: number,
    private readonly onBytes: (n: number) => void,
    private readonly stopSource: () => void,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.seen += chunk.length;
    this.onBytes(chunk.length);
    if (this.seen > this.budget) {
      this.stopSource();
      callback(
        new EntryReadError(
          EntryReadErrorCode.OverBudget,
          this.entry.name,
          `${this.entry.name} unpacks to more than ${this.budget} bytes`,
        ),
      );
    } else if (this.seen > this.entry.declaredSize) {
      this.stopSource();
      callback(this.mismatch());
    } else callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    callback(this.seen === this.entry.declaredSize ? null : this.mismatch());
  }

  private mismatch(): EntryReadError {
    return new EntryReadError(
      EntryReadErrorCode.SizeMismatch,
      this.entry.name,
      `${this.entry.name} does not unpack to the ${this.entry.declaredSize} bytes its header declares`,
    );
  }
}

/** An opened ZIP whose central directory passed the limits; read `ok` entries, then close it. */
export class ZipArchive {
  private bytesRead = 0;
  private closed = false;

  /** @internal use openZip */
  constructor(
    private readonly zip: yauzl.ZipFile,
    readonly entries: readonly ZipEntry[],
    private readonly raw: ReadonlyMap<number, yauzl.Entry>,
    readonly limits: Readonly<ZipLimits>,
  ) {}

  /** The declared inflated size of all entries together. */
  get declaredTotal(): number {
    return this.entries.reduce((sum, e) => sum + e.declaredSize, 0);
  }

  /** Real inflated bytes handed out so far, over all reads. */
  get totalBytesRead(): number {
    return this.bytesRead;
  }

  /** The first entry of that exact name whose outcome is `ok`, or undefined. */
  find(name: string): ZipEntry | undefined {
    return this.entries.find((e) => e.name === name && e.outcome === 'ok');
  }

  /**
   * Streams one `ok` entry's inflated bytes. The stream errors with an EntryReadError (and inflating stops)
   * once the real bytes pass `budget` (default and ceiling: the per-entry limit and what is left of the total
   * limit) or the size the header declares, and at the end when fewer bytes came than declared.
   */
  async openEntryStream(entry: ZipEntry, budget?: number): Promise<Readable> {
    const raw = this.raw.get(entry.index);
    if (!raw || entry.outcome !== 'ok') {
      throw new EntryReadError(
        EntryReadErrorCode.NotReadable,
        entry.name,
        `${entry.name} cannot be read: ${entry.reason ?? 'unknown entry'}`,
      );
    }
    if (this.closed) {
      throw new EntryReadError(EntryReadErrorCode.NotReadable, entry.name, 'the archive is closed');
    }
    const left = Math.max(0, this.limits.maxTotalBytes - this.bytesRead);
    const effective = Math.min(budget ?? Infinity, this.limits.maxEntryBytes, left);
    let source: Readable;
    try {
      source = await this.zip.openReadStreamPromise(raw);
    } catch (error) {
      throw new EntryReadError(
        EntryReadErrorCode.Corrupt,
        entry.name,
        `${entry.name}: ${describe(error)}`,
      );
    }
    const stopSource = () => {
      source.unpipe(limiter);
      source.destroy();
    };
    const limiter = new ByteBudget(entry, effective, (n) => (this.bytesRead += n), stopSource);
    source.once('error', (error: Error) => {
      limiter.destroy(
        new EntryReadError(
          EntryReadErrorCode.Corrupt,
          entry.name,
          `${entry.name}: ${describe(error)}`,
        ),
      );
    });
    // A consumer that stops early (or an error) must not leave the inflater running.
    limiter.once('close', () => source.destroy());
    source.pipe(limiter);
    return limiter;
  }

  /** Reads one `ok` entry into memory within `budget` bytes; rejects with an EntryReadError otherwise. */
  async readEntry(entry: ZipEntry, budget?: number): Promise<Buffer> {
    const stream = await this.openEntryStream(entry, budget);
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.zip.close();
  }
}

/**
 * Opens a ZIP (a path or its bytes) and classifies every entry from the central directory alone, before
 * anything is inflated. Throws ArchiveRefusedError when the archive is unreadable, lists more than
 * `maxEntries` entries, or declares more than `maxTotalBytes` inflated bytes in all.
 */
export async function openZip(
  source: string | Uint8Array,
  limits: Partial<ZipLimits> = {},
): Promise<ZipArchive> {
  const applied: ZipLimits = { ...DEFAULT_ZIP_LIMITS, ...limits };
  let zip: yauzl.ZipFile;
  try {
    zip = await openYauzl(source);
  } catch (error) {
    throw new ArchiveRefusedError(
      ArchiveRefusalCode.Invalid,
      `The file is not a readable ZIP (${describe(error)})`,
    );
  }
  try {
    if (zip.entryCount > applied.maxEntries) {
      throw new ArchiveRefusedError(
        ArchiveRefusalCode.TooManyEntries,
        `The ZIP lists ${zip.entryCount} entries (limit ${applied.maxEntries})`,
      );
    }
    const entries: ZipEntry[] = [];
    const raw = new Map<number, yauzl.Entry>();
    const seen = new Set<string>();
    let declared = 0;
    try {
      await readCentralDirectory(zip, (entry) => {
        const index = entries.length;
        const name = decodeEntryName(entry);
        const { outcome, reason } = classifyEntry(entry, name, applied, seen);
        seen.add(name);
        declared += entry.uncompressedSize;
        entries.push({
          index,
          name,
          outcome,
          reason,
          declaredSize: entry.uncompressedSize,
          compressedSize: entry.compressedSize,
        });
        raw.set(index, entry);
      });
    } catch (error) {
      throw new ArchiveRefusedError(
        ArchiveRefusalCode.Invalid,
        `The ZIP's central directory cannot be read (${describe(error)})`,
      );
    }
    if (declared > applied.maxTotalBytes) {
      throw new ArchiveRefusedError(
        ArchiveRefusalCode.TooLarge,
        `The ZIP declares ${declared} bytes unpacked (limit ${applied.maxTotalBytes})`,
      );
    }
    return new ZipArchive(zip, entries, raw, applied);
  } catch (error) {
    zip.close();
    throw error;
  }
}
