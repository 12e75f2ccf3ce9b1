import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
// s3rver: an S3-compatible HTTP server in the test process (there is no MinIO on these machines).
import S3rver from 's3rver';

export interface TestS3 {
  endpoint: string;
  bucket: string;
  /** The STORAGE_DRIVER=s3 environment for this server. */
  env: Record<string, string>;
  close(): Promise<void>;
}

/** Starts an S3-compatible server on a free port with one empty bucket. */
export async function startTestS3(bucket = 'contract-bank-test'): Promise<TestS3> {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-s3-'));
  const server = new S3rver({
    port: 0,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: bucket }],
  });
  const { port } = (await server.run()) as { port: number };
  const endpoint = `http://127.0.0.1:${port}`;
  return {
    endpoint,
    bucket,
    env: {
      STORAGE_DRIVER: 's3',
      S3_ENDPOINT: endpoint,
      S3_BUCKET: bucket,
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
    },
    async close() {
      await server.close();
      fs.rmSync(directory, { recursive: true, force: true });
    },
  };
}
