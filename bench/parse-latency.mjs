#!/usr/bin/env node
// Time from upload (202) to `parsed` for a 20-page contract PDF, through the real API and worker
// processes against the local PostgreSQL and Redis. Prints each run and the median.
// usage: npm run bench:parse [-- FILE.pdf] [--runs N]
import { spawn, execSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
const file =
  args.find((a) => a.endsWith('.pdf')) ??
  path.resolve(root, '../shared/datasets/cuad-dev/FuseMedicalInc_20190321_10-K_EX-10.43_11575454_EX-10.43_Distributor_Agreement.pdf');
const port = 3990;
const db = `cb_bench_${process.pid}`;
const env = {
  ...process.env,
  PORT: String(port),
  DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${db}`,
  QUEUE_PREFIX: `cbbench${process.pid}`,
  STORAGE_DIR: fs.mkdtempSync(path.join(os.tmpdir(), 'cb-bench-')),
  LOG_LEVEL: 'warn',
  JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0000',
};
execSync('node scripts/ensure-build.js', { cwd: root, stdio: 'inherit' });
execSync('node dist/apps/api/src/migrate.js', { cwd: root, env, stdio: 'ignore' });
const procs = ['api', 'worker'].map((app) => spawn(process.execPath, [`dist/apps/${app}/src/main.js`], { cwd: root, env, stdio: 'ignore' }));
const base = `http://127.0.0.1:${port}`;
try {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(`${base}/health/ready`)).ok) break;
    } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  const su = await fetch(`${base}/v1/signup`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ company: 'Bench Oy', name: 'Bench', email: `bench${Date.now()}@example.com`, password: 'bench password 123' }),
  });
  const { accessToken } = await su.json();
  const auth = { Authorization: `Bearer ${accessToken}` };
  const bytes = fs.readFileSync(file);
  const times = [];
  let pages = 0;
  for (let r = 0; r < runs + 1; r++) {
    const form = new FormData();
    form.append('file', new Blob([bytes], { type: 'application/pdf' }), path.basename(file));
    const t0 = performance.now();
    const up = await (await fetch(`${base}/v1/contracts`, { method: 'POST', headers: auth, body: form })).json();
    const accepted = performance.now() - t0;
    let c;
    for (;;) {
      c = await (await fetch(`${base}/v1/contracts/${up.id}`, { headers: auth })).json();
      if (c.status !== 'processing') break;
      await new Promise((res) => setTimeout(res, 20));
    }
    const total = performance.now() - t0;
    pages = c.file.pages;
    if (r === 0) continue; // warm-up (first pdf.js load)
    times.push(total);
    console.log(`run ${r}: 202 after ${accepted.toFixed(0)} ms, ${c.status} after ${total.toFixed(0)} ms`);
  }
  times.sort((a, b) => a - b);
  console.log(`${path.basename(file)}: ${pages} pages; upload to parsed median ${times[Math.floor(times.length / 2)].toFixed(0)} ms (min ${times[0].toFixed(0)}, max ${times.at(-1).toFixed(0)}) over ${runs} runs`);
} finally {
  for (const p of procs) p.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 1500));
  execSync(`psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS ${db} WITH (FORCE)"`, { stdio: 'ignore' });
  fs.rmSync(env.STORAGE_DIR, { recursive: true, force: true });
}
