import yauzl from 'yauzl';
import type { ZipLimits } from './zip-limits';

/**
 * What the guard decided about one entry. Only `ok` entries can be read; every other outcome says why not,
 * so an importer can report each file on its own instead of refusing the whole archive.
 */
export type ZipEntryOutcome =
  | 'ok'
  | 'directory'
  /** `..` segments, an absolute or drive path, control characters or an empty name. */
  | 'unsafe_path'
  | 'symlink'
  | 'encrypted'
  /** A ZIP inside the ZIP: not unpacked (each level would multiply the inflated size). */
  | 'nested_archive'
  /** Neither stored nor deflated (e.g. bzip2, LZMA). */
  | 'unsupported_compression'
  /** Declares more inflated bytes than the per-entry limit. */
  | 'too_large'
  /** The same name appeared earlier in the archive; only the first one counts. */
  | 'duplicate'
  /** A header that contradicts itself (e.g. a stored entry whose two sizes differ). */
  | 'invalid';

/** One entry of the central directory, as the guard classified it (nothing has been inflated). */
export interface ZipEntry {
  /** Position in the central directory, from 0. */
  readonly index: number;
  /** The entry's path with forward slashes, decoded as UTF-8 (flag or Info-ZIP field) or CP437. */
  readonly name: string;
  readonly outcome: ZipEntryOutcome;
  /** Why the outcome is not `ok`, in words a user can read; null when it is `ok`. */
  readonly reason: string | null;
  /** Inflated size the header declares (the real size is checked while reading). */
  readonly declaredSize: number;
  readonly compressedSize: number;
}

const S_IFMT = 0o170000;
const S_IFLNK = 0o120000;
const S_IFDIR = 0o040000;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u001f\u007f]/;
const NESTED_ARCHIVE = /\.zip$/i;

/** The entry's name as yauzl would decode it, with backslashes turned into slashes. */
export function decodeEntryName(entry: yauzl.Entry): string {
  // decodeStrings is off (so one bad name cannot fail the whole archive): fileName is the raw bytes.
  const raw = entry.fileNameRaw ?? (entry.fileName as unknown as Buffer);
  return yauzl.getFileNameLowLevel(entry.generalPurposeBitFlag, raw, entry.extraFields, false);
}

function unsafePathReason(name: string): string | null {
  if (name.length === 0) return 'the entry has an empty name';
  if (CONTROL_CHARS.test(name)) return 'the entry name contains control characters';
  if (name.startsWith('/') || /^[a-zA-Z]:/.test(name)) return 'the entry has an absolute path';
  if (name.split('/').includes('..')) return 'the entry path climbs out of the archive (`..`)';
  return null;
}

/** Classifies one central-directory entry; `seen` holds the names already listed (for duplicates). */
export function classifyEntry(
  entry: yauzl.Entry,
  name: string,
  limits: ZipLimits,
  seen: ReadonlySet<string>,
): { outcome: ZipEntryOutcome; reason: string | null } {
  const unsafe = unsafePathReason(name);
  if (unsafe) return { outcome: 'unsafe_path', reason: unsafe };
  const mode = (entry.externalFileAttributes >>> 16) & S_IFMT;
  if (mode === S_IFLNK) return { outcome: 'symlink', reason: 'the entry is a symbolic link' };
  if (name.endsWith('/') || mode === S_IFDIR)
    return { outcome: 'directory', reason: 'the entry is a folder' };
  if (seen.has(name)) return { outcome: 'duplicate', reason: 'an earlier entry has the same name' };
  if (entry.isEncrypted())
    return { outcome: 'encrypted', reason: 'the entry is password-protected' };
  if (NESTED_ARCHIVE.test(name)) {
    return { outcome: 'nested_archive', reason: 'ZIP files inside a ZIP are not unpacked' };
  }
  if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
    return {
      outcome: 'unsupported_compression',
      reason: `the entry uses compression method ${entry.compressionMethod} (only stored and deflate are read)`,
    };
  }
  if (entry.compressionMethod === 0 && entry.compressedSize !== entry.uncompressedSize) {
    return {
      outcome: 'invalid',
      reason: 'the entry is stored uncompressed but declares two different sizes',
    };
  }
  if (entry.uncompressedSize > limits.maxEntryBytes) {
    return {
      outcome: 'too_large',
      reason: `the entry declares ${entry.uncompressedSize} bytes unpacked (limit ${limits.maxEntryBytes})`,
    };
  }
  return { outcome: 'ok', reason: null };
}
