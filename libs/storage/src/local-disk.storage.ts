import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { DomainError, DomainErrorCode, type StoragePort, type StoredFile } from '@cb/domain';

const HEAD_BYTES = 8192;

/**
 * Files on local disk under `<root>/<namespace>/<sha[0:2]>/<sha256>`: the same bytes are stored
 * once per tenant. Writes go to a temp file, are fsynced, then renamed into place and the
 * directory fsynced, so a file reported stored survives a crash.
 */
export class LocalDiskStorage implements StoragePort {
  constructor(private readonly root: string) {}

  async put(namespace: string, source: AsyncIterable<Uint8Array>, maxBytes: number): Promise<StoredFile> {
    if (!/^[A-Za-z0-9_-]+$/.test(namespace)) throw new Error('invalid storage namespace');
    const tmpDir = path.join(this.root, '.tmp');
    await fs.mkdir(tmpDir, { recursive: true });
    const tmp = path.join(tmpDir, randomUUID());
    const hash = createHash('sha256');
    const head: Buffer[] = [];
    let headLen = 0;
    let size = 0;
    const fh = await fs.open(tmp, 'wx', 0o600);
    try {
      let tooLarge = false;
      for await (const chunk of source) {
        size += chunk.byteLength;
        // Keep reading (and dropping) past the limit: leaving the source half-read would stall the upload.
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
        throw new DomainError(DomainErrorCode.PayloadTooLarge, `The file is larger than the limit of ${Math.floor(maxBytes / 1048576)} MB`);
      }
      await fh.sync();
    } catch (err) {
      await fh.close().catch(() => undefined);
      await fs.rm(tmp, { force: true });
      throw err;
    }
    await fh.close();
    const sha256 = hash.digest('hex');
    const key = `${namespace}/${sha256.slice(0, 2)}/${sha256}`;
    const final = this.pathOf(key);
    await fs.mkdir(path.dirname(final), { recursive: true });
    await fs.rename(tmp, final);
    await fsyncDir(path.dirname(final));
    return { key, size, sha256, head: Buffer.concat(head) };
  }

  async read(key: string): Promise<Uint8Array> {
    return fs.readFile(this.pathOf(key));
  }

  stream(key: string): NodeJS.ReadableStream {
    return createReadStream(this.pathOf(key));
  }

  async delete(key: string): Promise<void> {
    await fs.rm(this.pathOf(key), { force: true });
  }

  async exists(key: string): Promise<boolean> {
    try {
      await fs.access(this.pathOf(key));
      return true;
    } catch {
      return false;
    }
  }

  private pathOf(key: string): string {
    if (!/^[A-Za-z0-9_-]+\/[0-9a-f]{2}\/[0-9a-f]{64}$/.test(key)) throw new Error('invalid storage key');
    return path.join(this.root, key);
  }
}

async function fsyncDir(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
