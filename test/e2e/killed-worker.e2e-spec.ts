import { spawn } from 'node:child_process';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { INestApplicationContext } from '@nestjs/common';
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
  '../../samples/contracts/COOLTECHNOLOGIES_INC_10_25_2017-EX-10.71-Strategic_Alliance_Agreement.pdf',
);

// A separate process takes the parse job and is killed with SIGKILL in the middle of it. BullMQ sees
// the job's lock expire (stalled), gives it back, and a healthy worker parses the contract exactly once.
describe('a worker killed mid-job', () => {
  let db: TestDatabase;
  let worker: INestApplicationContext | null = null;

  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await worker?.close();
    await db?.drop();
  });

  it('leaves its job to be retried by another worker', async () => {
    const config = testConfig(db);
    const api = await createApiApp(config);
    await api.listen(0, '127.0.0.1');
    const url = `http://127.0.0.1:${(api.getHttpServer().address() as AddressInfo).port}`;
    try {
      // The doomed worker: takes the job with a short lock, says so, then hangs until killed.
      const doomed = spawn(
        process.execPath,
        [
          '-e',
          `const { Worker } = require('bullmq');
           new Worker('document-extraction', async (job) => { console.log('started ' + job.id); await new Promise(() => {}); },
             { connection: { url: ${JSON.stringify(config.redisUrl)} }, prefix: ${JSON.stringify(config.queuePrefix)}, lockDuration: 1000 });`,
        ],
        { cwd: path.resolve(__dirname, '../..'), stdio: ['ignore', 'pipe', 'inherit'] },
      );
      const started = new Promise<string>((resolve) =>
        doomed.stdout.on('data', (d: Buffer) => resolve(d.toString())),
      );

      const owner = await signUp(url);
      const up = await request(url)
        .post('/v1/contracts')
        .set('Authorization', `Bearer ${owner.token}`)
        .attach('file', fs.readFileSync(SAMPLE), 'alliance.pdf');
      expect(up.status).toBe(202);
      expect(await started).toMatch(/^started contract\.parse\./);
      doomed.kill('SIGKILL');
      await new Promise((r) => doomed.on('exit', r));
      expect(
        (
          await request(url)
            .get(`/v1/contracts/${up.body.id}`)
            .set('Authorization', `Bearer ${owner.token}`)
        ).body.status,
      ).toBe('processing');

      await new Promise((r) => setTimeout(r, 2000)); // the dead worker's lock expires
      worker = await createWorkerApp(config, { schedules: false });
      const done = await waitForParsed(url, owner.token, up.body.id, 60_000);
      expect(['parsed', 'needs_review']).toContain(done.status);
      expect(
        (await worker.get(ContractsRepository).get(owner.tenantId, up.body.id))?.parseAttempts,
      ).toBe(1);
    } finally {
      await api.close();
      await clearRedisPrefix(config);
    }
  }, 90_000);
});
