import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { StoragePort, StoredFile } from '@cb/domain';
import { assertStorageKey, spool, storageKey } from './spool';

/**
 * Files on local disk under `<root>/<namespace>/<sha[0:2]>/<sha256>`: the same bytes are stored
 * once per tenant. Writes go to a temp file, are fsynced, then renamed into place and the
 * directory fsynced, so a file reported stored survives a crash.
 */
export class LocalDiskStorage implements StoragePort {
  constructor(private readonly root: string) {}

  async put(
    namespace: string,
    source: AsyncIterable<Uint8Array>,
    maxBytes: number,
  ): Promise<StoredFile> {
    const file = await spool(namespace, path.join(this.root, '.tmp'), source, maxBytes);
    const key = storageKey(namespace, file.sha256);
    const final = this.pathOf(key);
    await fs.mkdir(path.dirname(final), { recursive: true });
    await fs.rename(file.path, final);
    await fsyncDir(path.dirname(final));
    return { key, size: file.size, sha256: file.sha256, head: file.head };
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
    const file = this.pathOf(key);
    try {
      await fs.access(file);
      return true;
    } catch {
      return false;
    }
  }

  private pathOf(key: string): string {
    return path.join(this.root, assertStorageKey(key));
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
