import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
import { SweepStuckContracts } from '@cb/application';
import { ContractsRepository } from '@cb/persistence';
import request from 'supertest';
import { createApiApp } from '../../apps/api/src/app.factory';
import { signUp, waitForParsed } from '../support/api-client';
import { createTestDatabase, type TestDatabase } from '../support/database';
import { testConfig } from '../support/test-config';
import { clearRedisPrefix } from '../support/test-server';
import { createWorkerApp } from '../../apps/worker/src/worker.factory';

const SAMPLE = path.resolve(
  __dirname,
  '../../samples/contracts/IMAGEWARESYSTEMSINC_12_20_1999-EX-10.22-MAINTENANCE_AGREEMENT.pdf',
);

describe('nothing is lost: Redis down at upload, killed workers, two workers side by side', () => {
  let db: TestDatabase;
  const workers: INestApplicationContext[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await Promise.all(workers.map((w) => w.close()));
    await db?.drop();
  });

  it('an upload accepted while Redis is down is parsed once Redis is back (sweeper)', async () => {
    const config = testConfig(db);
    // The API sees a Redis that does not answer; the database and storage are real.
    const api = await createApiApp({ ...config, redisUrl: 'redis://127.0.0.1:1' });
    await api.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(api.getHttpServer().address() as AddressInfo).port}`;
    try {
      const owner = await signUp(url);
      const ready = await request(url).get('/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.checks.redis).toBe('down');
      const pdf = fs.readFileSync(SAMPLE);
      const up = await request(url)
        .post('/v1/contracts')
        .set('Authorization', `Bearer ${owner.token}`)
        .attach('file', pdf, 'maintenance.pdf');
      expect(up.status).toBe(202);
      const stored = await request(url)
        .get(`/v1/contracts/${up.body.id}/file`)
        .set('Authorization', `Bearer ${owner.token}`);
      expect(stored.status).toBe(200);

      // Redis "comes back": a worker on the real Redis sweeps contracts stuck in processing.
      const worker = await createWorkerApp(config, { schedules: false });
      workers.push(worker);
      const sweeper = worker.get(SweepStuckContracts);
      expect(await sweeper.execute(0)).toEqual({ requeued: 1, failed: 0 });
      const done = await waitForParsed(url, owner.token, up.body.id);
      expect(['parsed', 'needs_review']).toContain(done.status);
      // A second sweep finds nothing to do: the contract is no longer processing.
      expect(await sweeper.execute(0)).toEqual({ requeued: 0, failed: 0 });
      const repo = worker.get(ContractsRepository);
      expect((await repo.get(owner.tenantId, up.body.id))?.parseAttempts).toBe(1);
    } finally {
      await api.close();
      await clearRedisPrefix(config);
    }
  }, 90_000);

  it('two workers side by side share the jobs and never parse a contract twice', async () => {
    const config = testConfig(db);
    const api = await createApiApp(config);
    await api.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(api.getHttpServer().address() as AddressInfo).port}`;
    const w1 = await createWorkerApp(config, { schedules: false });
    const w2 = await createWorkerApp(config, { schedules: false });
    workers.push(w1, w2);
    try {
      const owner = await signUp(url);
      const ids: string[] = [];
      for (let i = 0; i < 8; i++) {
        const up = await request(url)
          .post('/v1/contracts')
          .set('Authorization', `Bearer ${owner.token}`)
          .attach(
            'file',
            Buffer.from(
              `This Agreement number ${i} is governed by the laws of the State of Delaware.\n`,
            ),
            `c${i}.txt`,
          );
        ids.push(up.body.id);
      }
      for (const id of ids)
        expect((await waitForParsed(url, owner.token, id)).status).not.toBe('processing');
      const repo = w1.get(ContractsRepository);
      for (const id of ids) expect((await repo.get(owner.tenantId, id))?.parseAttempts).toBe(1);
    } finally {
      await api.close();
      await clearRedisPrefix(config);
    }
  }, 90_000);

  it('a contract whose job failed for good ends failed, never stuck in processing', async () => {
    const config = testConfig(db);
    const api = await createApiApp(config);
    await api.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(api.getHttpServer().address() as AddressInfo).port}`;
    try {
      const owner = await signUp(url);
      const up = await request(url)
        .post('/v1/contracts')
        .set('Authorization', `Bearer ${owner.token}`)
        .attach('file', Buffer.from('An agreement whose stored file will vanish.\n'), 'gone.txt');
      // The stored file disappears (a broken disk): every attempt fails.
      const repo = api.get(ContractsRepository);
      const contract = await repo.get(owner.tenantId, up.body.id);
      fs.rmSync(path.join(config.storageDir, contract!.storageKey));
      const worker = await createWorkerApp({ ...config }, { schedules: false });
      workers.push(worker);
      const done = await waitForParsed(url, owner.token, up.body.id, 60_000);
      expect(done.status).toBe('failed');
      expect((done.error as { code: string }).code).toBe('processing_failed');
    } finally {
      await api.close();
      await clearRedisPrefix(config);
    }
  }, 90_000);
});
