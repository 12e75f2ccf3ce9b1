import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  NotFound,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { S3StorageConfig } from '@cb/config';
import type { StoragePort, StoredFile } from '@cb/domain';
import { assertStorageKey, spool, storageKey } from './spool';

/** A client for AWS S3 or an S3-compatible store (MinIO, Ceph, Cloudflare R2...). */
export function createS3Client(config: S3StorageConfig): S3Client {
  return new S3Client({
    region: config.region,
    ...(config.endpoint ? { endpoint: config.endpoint } : {}),
    forcePathStyle: config.forcePathStyle,
    ...(config.credentials ? { credentials: config.credentials } : {}),
    // Checksums only where the API requires them: many S3-compatible stores do not understand the
    // SDK's default aws-chunked trailers. Integrity is kept by sending the SHA-256 we computed anyway.
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
    maxAttempts: 4,
  });
}

/**
 * Files in one S3 bucket under the same content addresses as on disk (`<namespace>/<sha[0:2]>/<sha256>`), so
 * API and worker processes on different machines share them. An upload is spooled to local scratch space
 * (hashing it on the way, so the key is known and the size limit is enforced before anything is sent),
 * then put with its SHA-256 for the store to verify; bytes already stored are not sent again.
 */
export class S3Storage implements StoragePort {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly scratchDir: string,
  ) {}

  async put(
    namespace: string,
    source: AsyncIterable<Uint8Array>,
    maxBytes: number,
  ): Promise<StoredFile> {
    const file = await spool(namespace, this.scratchDir, source, maxBytes);
    try {
      const key = storageKey(namespace, file.sha256);
      if (!(await this.exists(key))) {
        await this.client.send(
          new PutObjectCommand({
            Bucket: this.bucket,
            Key: key,
            Body: createReadStream(file.path),
            ContentLength: file.size,
            ContentType: 'application/octet-stream',
            ChecksumSHA256: Buffer.from(file.sha256, 'hex').toString('base64'),
          }),
        );
      }
      return { key, size: file.size, sha256: file.sha256, head: file.head };
    } finally {
      await fs.rm(file.path, { force: true });
    }
  }

  async read(key: string): Promise<Uint8Array> {
    const res = await this.client.send(
      new GetObjectCommand({ Bucket: this.bucket, Key: assertStorageKey(key) }),
    );
    if (!res.Body) throw new Error(`empty response for ${key}`);
    return res.Body.transformToByteArray();
  }

  stream(key: string): NodeJS.ReadableStream {
    const out = new PassThrough();
    this.client
      .send(new GetObjectCommand({ Bucket: this.bucket, Key: assertStorageKey(key) }))
      .then((res) => {
        const body = res.Body as Readable | undefined;
        if (!body) throw new Error(`empty response for ${key}`);
        body.on('error', (err) => out.destroy(err));
        body.pipe(out);
      })
      .catch((err: Error) => out.destroy(err));
    return out;
  }

  async delete(key: string): Promise<void> {
    await this.client.send(
      new DeleteObjectCommand({ Bucket: this.bucket, Key: assertStorageKey(key) }),
    );
  }

  async exists(key: string): Promise<boolean> {
    try {
      await this.client.send(
        new HeadObjectCommand({ Bucket: this.bucket, Key: assertStorageKey(key) }),
      );
      return true;
    } catch (err) {
      if (
        err instanceof NotFound ||
        (err instanceof S3ServiceException && err.$metadata.httpStatusCode === 404)
      )
        return false;
      throw err;
    }
  }
}

/** Scratch space for uploads in flight, under STORAGE_DIR. */
export function s3ScratchDir(storageDir: string): string {
  return path.join(storageDir, '.tmp');
}
