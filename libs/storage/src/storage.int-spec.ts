import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { loadConfig, type S3StorageConfig } from '@cb/config';
import { DomainError, DomainErrorCode, type StoragePort } from '@cb/domain';
import { startTestS3, type TestS3 } from '../../../test/support/s3';
import { LocalDiskStorage } from './local-disk.storage';
import { S3Storage, createS3Client } from './s3.storage';

async function* chunks(bytes: Buffer, size = 64 * 1024): AsyncIterable<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream as Readable) parts.push(Buffer.from(part as Uint8Array));
  return Buffer.concat(parts);
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
const TENANT = '0b5c6a40-1111-4a4a-9c9c-5d5d5d5d5d5d';

let s3: TestS3;
beforeAll(async () => {
  s3 = await startTestS3();
});
afterAll(async () => {
  await s3?.close();
});

/** The same contract for every adapter: what the API and the worker rely on. */
describe.each([
  ['local disk', () => new LocalDiskStorage(fs.mkdtempSync(path.join(os.tmpdir(), 'cb-store-')))],
  [
    'S3-compatible object storage',
    () => {
      const config = loadConfig({
        ...s3.env,
        STORAGE_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'cb-scratch-')),
      });
      const storage = config.storage as S3StorageConfig;
      return new S3Storage(
        createS3Client(storage),
        storage.bucket,
        path.join(config.storageDir, '.tmp'),
      );
    },
  ],
])('%s storage', (_name, make: () => StoragePort) => {
  let storage: StoragePort;
  beforeAll(() => {
    storage = make();
  });

  it('stores a streamed file under its content address and gives back the same bytes, whole or streamed', async () => {
    const bytes = randomBytes(300_000);
    const stored = await storage.put(TENANT, chunks(bytes), 1_000_000);
    expect(stored).toMatchObject({
      key: `${TENANT}/${sha(bytes).slice(0, 2)}/${sha(bytes)}`,
      size: bytes.length,
      sha256: sha(bytes),
    });
    expect(Buffer.from(stored.head).equals(bytes.subarray(0, 8192))).toBe(true);
    expect(await storage.exists(stored.key)).toBe(true);
    expect(Buffer.from(await storage.read(stored.key)).equals(bytes)).toBe(true);
    expect((await collect(storage.stream(stored.key))).equals(bytes)).toBe(true);

    // The same bytes again: the same key, nothing duplicated.
    expect((await storage.put(TENANT, chunks(bytes), 1_000_000)).key).toBe(stored.key);

    await storage.delete(stored.key);
    expect(await storage.exists(stored.key)).toBe(false);
    await storage.delete(stored.key); // deleting what is gone is not an error
  });

  it('refuses a file over the limit and leaves nothing behind', async () => {
    const bytes = randomBytes(200_000);
    const err = await storage.put(TENANT, chunks(bytes), 100_000).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(DomainError);
    expect((err as DomainError).code).toBe(DomainErrorCode.PayloadTooLarge);
    expect(await storage.exists(`${TENANT}/${sha(bytes).slice(0, 2)}/${sha(bytes)}`)).toBe(false);
  });

  it('a missing file is a read error, and a stream that errors', async () => {
    const key = `${TENANT}/ab/${'ab'.repeat(32)}`;
    expect(await storage.exists(key)).toBe(false);
    await expect(storage.read(key)).rejects.toThrow();
    await expect(collect(storage.stream(key))).rejects.toThrow();
  });

  it('refuses keys and namespaces that are not content addresses (no path tricks)', async () => {
    await expect(storage.exists('../etc/passwd')).rejects.toThrow('invalid storage key');
    expect(() => storage.stream(`${TENANT}/../x`)).toThrow('invalid storage key');
    await expect(storage.put('../other', chunks(Buffer.from('x')), 10)).rejects.toThrow(
      'invalid storage namespace',
    );
  });
});

describe('storage configuration', () => {
  it('S3 needs a bucket, and both keys or neither', () => {
    expect(() => loadConfig({ STORAGE_DRIVER: 's3' })).toThrow(/S3_BUCKET/);
    expect(() =>
      loadConfig({ STORAGE_DRIVER: 's3', S3_BUCKET: 'b-1', S3_ACCESS_KEY_ID: 'x' }),
    ).toThrow(/S3_SECRET_ACCESS_KEY/);
    expect(() => loadConfig({ STORAGE_DRIVER: 'ftp' })).toThrow(
      /STORAGE_DRIVER must be local or s3/,
    );
    expect(() => loadConfig({ STORAGE_DRIVER: 's3', S3_BUCKET: 'Bad_Bucket' })).toThrow(
      /S3_BUCKET/,
    );
    expect(
      loadConfig({ STORAGE_DRIVER: 's3', S3_BUCKET: 'files-eu', S3_REGION: 'eu-north-1' }).storage,
    ).toEqual({
      driver: 's3',
      bucket: 'files-eu',
      region: 'eu-north-1',
      endpoint: null,
      forcePathStyle: false,
      credentials: null,
    });
    expect(loadConfig({}).storage).toEqual({ driver: 'local' });
  });
});
