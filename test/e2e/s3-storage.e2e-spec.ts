import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { HeadObjectCommand, ListObjectsV2Command } from '@aws-sdk/client-s3';
import type { INestApplicationContext } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/app.factory';
import { createWorkerApp } from '../../apps/worker/src/worker.factory';
import type { AppConfig, S3StorageConfig } from '../../libs/config/src/app-config';
import { createS3Client } from '../../libs/storage/src/s3.storage';
import { signUp, waitForParsed } from '../support/api-client';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { startTestS3, type TestS3 } from '../support/s3';
import { testConfig } from '../support/test-config';
import { clearRedisPrefix } from '../support/test-server';

const SAMPLE = path.resolve(
  __dirname,
  '../../samples/contracts/DUOSTECHNOLOGIESGROUP_INC_04_21_2009-EX-10.1-STRATEGIC_ALLIANCE_AGREEMENT.pdf',
);

/**
 * The cluster set-up: an API and a worker that share PostgreSQL, Redis and an S3-compatible bucket, and no
 * disk (each has its own STORAGE_DIR, used only as scratch space). An upload through the API is parsed by
 * the worker from the bucket, downloaded byte for byte, and its object removed with the contract.
 */
describe('S3-compatible storage: API and worker on different disks share one bucket', () => {
  let s3: TestS3;
  let db: TestDatabase;
  let apiConfig: AppConfig;
  let api: NestExpressApplication;
  let worker: INestApplicationContext;
  let url: string;

  beforeAll(async () => {
    s3 = await startTestS3();
    db = await createTestDatabase();
    apiConfig = testConfig(db, s3.env);
    // Same database, queues and bucket; another disk.
    const workerConfig = {
      ...testConfig(db, s3.env),
      queuePrefix: apiConfig.queuePrefix,
      jwtSecret: apiConfig.jwtSecret,
    };
    api = await createApiApp(apiConfig);
    await api.listen(0, '127.0.0.1');
    url = `http://127.0.0.1:${(api.getHttpServer().address() as AddressInfo).port}`;
    worker = await createWorkerApp(workerConfig, { schedules: false });
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await api?.close();
    if (apiConfig) await clearRedisPrefix(apiConfig);
    await db?.drop();
    await s3?.close();
  });

  it('upload, parse, download and delete go through the bucket', async () => {
    const owner = await signUp(url);
    const pdf = fs.readFileSync(SAMPLE);
    const upload = await request(url)
      .post('/v1/contracts')
      .set('Authorization', `Bearer ${owner.token}`)
      .attach('file', pdf, 'duos.pdf');
    expect(upload.status).toBe(202);
    const parsed = (await waitForParsed(url, owner.token, upload.body.id)) as {
      status: string;
      file: { sha256: string; pages: number };
    };
    expect(parsed.status).not.toBe('failed');
    expect(parsed.file.pages).toBe(7);

    const client = createS3Client(apiConfig.storage as S3StorageConfig);
    const key = `${owner.tenantId}/${parsed.file.sha256.slice(0, 2)}/${parsed.file.sha256}`;
    const head = await client.send(new HeadObjectCommand({ Bucket: s3.bucket, Key: key }));
    expect(head.ContentLength).toBe(pdf.length);
    // Nothing of the file stays on the API's disk (scratch space is emptied after the upload).
    const scratch = path.join(apiConfig.storageDir, '.tmp');
    expect(fs.existsSync(scratch) ? fs.readdirSync(scratch) : []).toEqual([]);

    const download = await request(url)
      .get(`/v1/contracts/${upload.body.id}/file`)
      .set('Authorization', `Bearer ${owner.token}`)
      .buffer(true)
      .parse((res, cb) => {
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => parts.push(c));
        res.on('end', () => cb(null, Buffer.concat(parts)));
      });
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toMatch(/application\/pdf/);
    expect(Buffer.compare(download.body as Buffer, pdf)).toBe(0);

    expect(
      (
        await request(url)
          .delete(`/v1/contracts/${upload.body.id}`)
          .set('Authorization', `Bearer ${owner.token}`)
      ).status,
    ).toBe(204);
    const left = await client.send(
      new ListObjectsV2Command({ Bucket: s3.bucket, Prefix: `${owner.tenantId}/` }),
    );
    expect(left.KeyCount ?? 0).toBe(0);
  }, 120_000);
});
