/** What a ZIP may hold; checked against the central directory first, then against the real bytes. */
export interface ZipLimits {
  /** Most entries (files, directories, anything) the central directory may list. */
  maxEntries: number;
  /** Most inflated bytes of all entries together: declared sizes before reading, real bytes while reading. */
  maxTotalBytes: number;
  /** Most inflated bytes of one entry: an entry declaring more is `too_large`; a read stops past it. */
  maxEntryBytes: number;
}

/** Defaults for an upload-sized archive: 1,000 entries, 1 GiB in all, 256 MiB per entry. */
export const DEFAULT_ZIP_LIMITS: Readonly<ZipLimits> = Object.freeze({
  maxEntries: 1000,
  maxTotalBytes: 1024 * 1024 * 1024,
  maxEntryBytes: 256 * 1024 * 1024,
});
