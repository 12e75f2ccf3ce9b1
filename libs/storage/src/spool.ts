import { createHash, randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DomainError, DomainErrorCode } from '@cb/domain';

const HEAD_BYTES = 8192;
const NAMESPACE = /^[A-Za-z0-9_-]+$/;
const KEY = /^[A-Za-z0-9_-]+\/[0-9a-f]{2}\/[0-9a-f]{64}$/;

/** A file written to scratch space, hashed on the way. */
export interface SpooledFile {
  path: string;
  size: number;
  sha256: string;
  head: Buffer;
}

/** The content address of a file: `<namespace>/<sha[0:2]>/<sha256>`. */
export function storageKey(namespace: string, sha256: string): string {
  return `${namespace}/${sha256.slice(0, 2)}/${sha256}`;
}

/** Throws on anything but a key storageKey() could have made (no `..`, no absolute paths). */
export function assertStorageKey(key: string): string {
  if (!KEY.test(key)) throw new Error('invalid storage key');
  return key;
}

/**
 * Streams `source` into a new file in `dir`, hashing it and keeping its first bytes, fsynced before it
 * resolves. Past `maxBytes` it keeps reading (leaving the source half-read would stall the upload) but
 * writes nothing more, removes the file and throws PayloadTooLarge. On any error the file is removed.
 */
export async function spool(
  namespace: string,
  dir: string,
  source: AsyncIterable<Uint8Array>,
  maxBytes: number,
): Promise<SpooledFile> {
  if (!NAMESPACE.test(namespace)) throw new Error('invalid storage namespace');
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, randomUUID());
  const hash = createHash('sha256');
  const head: Buffer[] = [];
  let headLen = 0;
  let size = 0;
  const fh = await fs.open(tmp, 'wx', 0o600);
  try {
    let tooLarge = false;
    for await (const chunk of source) {
      size += chunk.byteLength;
      if (tooLarge || size > maxBytes) {
        tooLarge = true;
        continue;
      }
      hash.update(chunk);
      if (headLen < HEAD_BYTES) {
        const part = Buffer.from(chunk.subarray(0, HEAD_BYTES - headLen));
        head.push(part);
        headLen += part.length;
      }
      await fh.write(chunk);
    }
    if (tooLarge) {
      throw new DomainError(
        DomainErrorCode.PayloadTooLarge,
        `The file is larger than the limit of ${Math.floor(maxBytes / 1048576)} MB`,
      );
    }
    await fh.sync();
  } catch (err) {
    await fh.close().catch(() => undefined);
    await fs.rm(tmp, { force: true });
    throw err;
  }
  await fh.close();
  return { path: tmp, size, sha256: hash.digest('hex'), head: Buffer.concat(head) };
}
