/** A stored file, addressed by its content. */
export interface StoredFile {
  key: string;
  size: number;
  sha256: string;
  /** The first bytes of the file, for judging its type. */
  head: Uint8Array;
}

/** Where original files live: local disk by default, S3-compatible object storage for clusters. */
export interface StoragePort {
  /**
   * Streams `source` into storage under `namespace` (the tenant), durably (fsync) before it
   * resolves. Throws a DomainError (PayloadTooLarge) past `maxBytes`, leaving nothing behind.
   */
  put(namespace: string, source: AsyncIterable<Uint8Array>, maxBytes: number): Promise<StoredFile>;
  read(key: string): Promise<Uint8Array>;
  stream(key: string): NodeJS.ReadableStream;
  delete(key: string): Promise<void>;
  exists(key: string): Promise<boolean>;
}

export const STORAGE = Symbol('STORAGE');
