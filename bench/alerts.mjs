#!/usr/bin/env node
// The alert scan at scale: seeds tenants with deadlines (default 1,000 tenants x 1,000 deadlines = 1,000,000)
// in a fresh database, then times one full scan: the scheduler tick (finding tenants with deadlines in their
// alert window and enqueueing one job per tenant on the `alerts` queue) plus every per-tenant job, run by the
// worker's real AlertsProcessor through BullMQ (finding the due alerts with the pure policy, recording them
// under their unique keys, enqueueing their send batches). E-mail is not sent: no notifications worker runs.
// Runs at 1/4, 1/2 and all of the tenants to show time and memory as N grows.
// usage: node bench/alerts.mjs [--tenants 1000] [--per-tenant 1000] [--keep]
import { execSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(path.join(root, 'package.json'));
const args = process.argv.slice(2);
const arg = (name, def) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : def);
const TENANTS = arg('--tenants', 1000);
const PER_TENANT = arg('--per-tenant', 1000);
const CONTRACTS_PER_TENANT = Math.max(1, Math.floor(PER_TENANT / 10));
const db = `cb_bench_alerts_${process.pid}`;
const databaseUrl = `postgres://postgres@127.0.0.1:5432/${db}`;
const prefix = `cbbenchalerts${process.pid}`;

execSync('node scripts/ensure-build.js', { cwd: root, stdio: 'inherit' });
process.chdir(root);
require('reflect-metadata');
const { Client } = require('pg');
const { NestFactory } = require('@nestjs/core');
const { Module } = require('@nestjs/common');
const { BullModule, getQueueToken } = require('@nestjs/bullmq');
const IORedis = require('ioredis');
const { loadConfig, AppConfigModule } = require(path.join(root, 'dist/libs/config/src'));
const { runMigrations } = require(path.join(root, 'dist/libs/persistence/src'));
const { ApplicationModule, ScanAlerts } = require(path.join(root, 'dist/libs/application/src'));
const { JobRegistry, QUEUES, redisConnectionOptions } = require(path.join(root, 'dist/libs/jobs/src'));
const { AlertsProcessor, ALERTS_CONCURRENCY } = require(path.join(root, 'dist/apps/worker/src/alerts/alerts.processor'));
const { WorkerJobs } = require(path.join(root, 'dist/apps/worker/src/common/worker-jobs'));

const mb = (n) => `${(n / 1024 / 1024).toFixed(0)} MB`;

async function seed(owner, from, to) {
  // Tenants [from, to): contracts with 10 deadlines each, dated from 1 year ago to 3 years ahead.
  await owner.query(
    `INSERT INTO tenants (id, name) SELECT md5('t' || i)::uuid, 'Tenant ' || i FROM generate_series($1::int, $2::int - 1) i`,
    [from, to],
  );
  await owner.query(
    `INSERT INTO subscriptions (tenant_id, plan, status, current_period_end)
     SELECT md5('t' || i)::uuid, 'business', 'active', now() + interval '1 month' FROM generate_series($1::int, $2::int - 1) i`,
    [from, to],
  );
  await owner.query(
    // Confirmed addresses: alerts go only to those (an unconfirmed owner would get none).
    `INSERT INTO users (tenant_id, email, name, password_hash, role, email_verified_at)
     SELECT md5('t' || i)::uuid, 'owner' || i || '@bench.example', 'Owner', 'x', 'owner', now() FROM generate_series($1::int, $2::int - 1) i`,
    [from, to],
  );
  await owner.query(
    `INSERT INTO contracts (id, tenant_id, title, status, file_name, file_size, file_sha256, media_type, storage_key)
     SELECT md5('c' || i || '.' || j)::uuid, md5('t' || i)::uuid, 'Contract ' || j, 'parsed', 'c.pdf', 1, 'x', 'application/pdf', 'k'
       FROM generate_series($1::int, $2::int - 1) i, generate_series(1, $3::int) j`,
    [from, to, CONTRACTS_PER_TENANT],
  );
  await owner.query(
    `INSERT INTO deadlines (tenant_id, contract_id, kind, date)
     SELECT md5('t' || i)::uuid, md5('c' || i || '.' || j)::uuid,
            (ARRAY['notice','renewal','expiration','obligation'])[1 + (k % 4)],
            current_date - 365 + ((i * 7919 + j * 104729 + k * 1299709) % 1460)
       FROM generate_series($1::int, $2::int - 1) i, generate_series(1, $3::int) j, generate_series(1, 10) k`,
    [from, to, CONTRACTS_PER_TENANT],
  );
  await owner.query('ANALYZE');
}

async function main() {
  execSync(`psql -q -h 127.0.0.1 -U postgres -d postgres -c "CREATE DATABASE ${db}"`);
  await runMigrations(databaseUrl);
  const config = loadConfig({ DATABASE_URL: databaseUrl, QUEUE_PREFIX: prefix, LOG_LEVEL: 'warn', JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0000' });
  class BenchModule {}
  Module({
    imports: [
      AppConfigModule.forRoot(config),
      ApplicationModule,
      BullModule.forRoot({ connection: redisConnectionOptions(config.redisUrl), prefix: config.queuePrefix }),
      BullModule.registerQueue({ name: QUEUES.alerts }, { name: QUEUES.notifications }, { name: QUEUES.webhooks }),
    ],
    // The alerts worker (tick, per-tenant jobs) and no notifications worker, so nothing is sent. A plain
    // registry: the worker's boot check would (rightly) refuse a worker without the other queues' handlers.
    providers: [{ provide: WorkerJobs, useValue: new JobRegistry() }, AlertsProcessor],
  })(BenchModule);
  const app = await NestFactory.createApplicationContext(BenchModule, { logger: ['error'] });
  await app.init();
  const scanner = app.get(ScanAlerts);
  const alertsQueue = app.get(getQueueToken(QUEUES.alerts));
  const queue = app.get(getQueueToken(QUEUES.notifications));
  /** Waits until the alerts worker has finished every per-tenant job. */
  const drained = async () => {
    for (;;) {
      const c = await alertsQueue.getJobCounts('waiting', 'active', 'delayed', 'prioritized', 'failed');
      if (c.failed) throw new Error(`${c.failed} per-tenant jobs failed`);
      if (c.waiting + c.active + c.delayed + c.prioritized === 0) return;
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  const countAlerts = async () => Number((await owner.query('SELECT count(*) FROM alerts')).rows[0].count);
  const owner = new Client({ connectionString: databaseUrl });
  await owner.connect();
  const redis = new IORedis(config.redisUrl);
  const results = [];
  try {
    let seeded = 0;
    for (const n of [...new Set([Math.ceil(TENANTS / 4), Math.ceil(TENANTS / 2), TENANTS])]) {
      const t0 = Date.now();
      await seed(owner, seeded, n);
      seeded = n;
      const deadlines = Number((await owner.query('SELECT count(*) FROM deadlines')).rows[0].count);
      console.log(`seeded ${n} tenants, ${deadlines} deadlines in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      // A fresh run: no alerts recorded yet, empty queue.
      await owner.query('TRUNCATE alerts, alert_digests, webhook_deliveries CASCADE');
      await queue.obliterate({ force: true });
      await alertsQueue.obliterate({ force: true });
      global.gc?.();
      const base = process.memoryUsage();
      let peakRss = base.rss;
      let peakHeap = base.heapUsed;
      const sampler = setInterval(() => {
        const m = process.memoryUsage();
        peakRss = Math.max(peakRss, m.rss);
        peakHeap = Math.max(peakHeap, m.heapUsed);
      }, 20);
      const start = performance.now();
      const scan = await scanner.execute(new Date());
      const tickMs = performance.now() - start;
      await drained();
      const totalMs = performance.now() - start;
      clearInterval(sampler);
      // What stays after a full collection: nothing of the scan should be held.
      global.gc?.();
      const retainedHeap = process.memoryUsage().heapUsed - base.heapUsed;
      const created = await countAlerts();
      const sendJobs = await queue.getJobCountByTypes('waiting');
      // The steady state (every later tick the same day): the same work finds everything already recorded.
      const again = performance.now();
      await scanner.execute(new Date());
      await drained();
      const repeatMs = performance.now() - again;
      const recreated = (await countAlerts()) - created;
      if (recreated !== 0) throw new Error(`a repeated scan recorded ${recreated} alerts again`);
      const row = {
        tenants: n,
        deadlines,
        tenantJobs: scan.enqueued,
        alerts: created,
        sendJobs,
        tickS: (tickMs / 1000).toFixed(2),
        totalS: (totalMs / 1000).toFixed(2),
        repeatS: (repeatMs / 1000).toFixed(2),
        peakHeapDelta: mb(peakHeap - base.heapUsed),
        retainedHeap: global.gc ? mb(retainedHeap) : 'n/a (run with --expose-gc)',
        peakRss: mb(peakRss),
      };
      results.push(row);
      console.log(row);
    }
    console.log(`\nper-tenant jobs run by the alerts worker at concurrency ${ALERTS_CONCURRENCY}`);
    console.log('\n| tenants | deadlines | tenant jobs | alerts recorded + enqueued | tick (s) | full scan, first run (s) | repeat scan, nothing new (s) | peak heap growth | heap kept after GC | peak RSS |');
    console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
    for (const r of results) {
      console.log(`| ${r.tenants} | ${r.deadlines} | ${r.tenantJobs} | ${r.alerts} | ${r.tickS} | ${r.totalS} | ${r.repeatS} | ${r.peakHeapDelta} | ${r.retainedHeap} | ${r.peakRss} |`);
    }
  } finally {
    await owner.end();
    await app.close();
    const keys = await redis.keys(`${prefix}:*`);
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
    if (!args.includes('--keep')) execSync(`psql -q -h 127.0.0.1 -U postgres -d postgres -c "DROP DATABASE IF EXISTS ${db} WITH (FORCE)"`);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
