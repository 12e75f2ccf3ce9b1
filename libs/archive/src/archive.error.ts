/** Why a whole archive was refused before anything in it was inflated. */
export enum ArchiveRefusalCode {
  /** Not a ZIP, or a central directory yauzl cannot read (truncated, strong encryption, bad signatures). */
  Invalid = 'zip_invalid',
  TooManyEntries = 'zip_too_many_entries',
  /** The central directory declares more inflated bytes in total than the limit. */
  TooLarge = 'zip_too_large',
}

/** Thrown by openZip: the archive as a whole is refused; nothing was inflated. */
export class ArchiveRefusedError extends Error {
  constructor(
    readonly code: ArchiveRefusalCode,
    message: string,
  ) {
    super(message);
    this.name = 'ArchiveRefusedError';
  }
}

/** Why reading one entry stopped; the other entries of the archive stay readable. */
export enum EntryReadErrorCode {
  /** The entry's outcome is not `ok` (a directory, a symlink, an unsafe path...). */
  NotReadable = 'entry_not_readable',
  /** More bytes came out of the inflater than the budget allows (the read stopped there). */
  OverBudget = 'entry_over_budget',
  /** The entry inflated to a different size than its header declares (a lying header). */
  SizeMismatch = 'entry_size_mismatch',
  /** The compressed data is broken (zlib error, truncated archive). */
  Corrupt = 'entry_corrupt',
}

/** Raised (or emitted on the stream) when one entry cannot be read within its budget. */
export class EntryReadError extends Error {
  constructor(
    readonly code: EntryReadErrorCode,
    readonly entryName: string,
    message: string,
  ) {
    super(message);
    this.name = 'EntryReadError';
  }
}
