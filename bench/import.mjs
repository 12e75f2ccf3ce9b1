#!/usr/bin/env node
// Bulk import through the real API and worker processes: a ZIP of the 170 CUAD dev PDFs (in a folder, so the
// folder becomes a tag) posted to POST /v1/imports, then GET /v1/imports/:id polled until every contract is
// parsed. Prints contracts per minute, the time to the ZIP being read, the time to the last parsed contract,
// the outcomes, and the peak RSS of each process (VmHWM from /proc, the kernel's high-water mark).
// With --synthetic N, the ZIP holds N generated plain-text agreements instead (a 2,000-file archive, the
// MAX_IMPORT_FILES default, in 20 folders, each file different so none is a duplicate).
// usage: npm run bench:import [-- DIR] [--concurrency N] [--synthetic N]
import { execSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
// The dataset sits beside the checkout (/work/shared), also when the checkout is a worktree one level deeper.
const dir =
  args.find((a) => !a.startsWith('--') && fs.existsSync(a)) ??
  ['../shared/datasets/cuad-dev', '../../shared/datasets/cuad-dev']
    .map((p) => path.resolve(root, p))
    .find((p) => fs.existsSync(p));
if (!dir) throw new Error('CUAD dev set not found: pass its folder');
const concurrency = flag('--concurrency') ?? '2';
const synthetic = Number(flag('--synthetic') ?? 0);
const port = 3991;
const db = `cb_bench_import_${process.pid}`;
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-bench-import-'));
const env = {
  ...process.env,
  PORT: String(port),
  DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${db}`,
  QUEUE_PREFIX: `cbbenchimp${process.pid}`,
  STORAGE_DIR: path.join(scratch, 'files'),
  LOG_LEVEL: 'warn',
  JWT_SECRET: 'bench-secret-bench-secret-bench-secret-0000',
  WORKER_CONCURRENCY: concurrency,
};
const psql = (sql) =>
  execSync(`psql -h 127.0.0.1 -U postgres -d ${db} -qtAc ${JSON.stringify(sql)}`, { encoding: 'utf8' }).trim();

/** VmHWM (peak resident set) and VmRSS of a process, in MB. */
function memory(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (key) => Number(new RegExp(`^${key}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? 0);
  return { peak: kb('VmHWM') / 1024, now: kb('VmRSS') / 1024 };
}

execSync('node scripts/ensure-build.js', { cwd: root, stdio: 'inherit' });

// The ZIP: every PDF of the folder under one folder name, or N generated agreements in 20 folders.
const zipRoot = path.join(scratch, 'zip');
const zipPath = path.join(scratch, 'archive.zip');
let pdfs = [];
if (synthetic > 0) {
  for (let i = 0; i < synthetic; i++) {
    const folder = path.join(zipRoot, 'archive', `unit-${String(i % 20).padStart(2, '0')}`);
    fs.mkdirSync(folder, { recursive: true });
    const day = String((i % 28) + 1).padStart(2, '0');
    fs.writeFileSync(
      path.join(folder, `agreement-${String(i).padStart(4, '0')}.txt`),
      `SERVICE AGREEMENT No. ${i}\n\nThis Service Agreement is made on ${day} January 2025 between Bench Oy ("Customer") and Vendor ${i} AB ("Supplier").\n` +
        `1. Term. This Agreement commences on ${day} January 2025 and continues for an initial term of two (2) years, and renews automatically for successive periods of one (1) year unless either party gives notice of non-renewal at least ninety (90) days before the end of the then-current term.\n` +
        `2. Fees. The Customer pays EUR ${1000 + i} per month.\n3. Governing law. This Agreement is governed by the laws of Finland.\n`,
    );
  }
  execSync(`zip -q -r ${JSON.stringify(zipPath)} archive`, { cwd: zipRoot });
} else {
  pdfs = fs.readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.pdf'));
  fs.mkdirSync(path.join(zipRoot, 'cuad-dev'), { recursive: true });
  for (const f of pdfs) fs.symlinkSync(path.join(dir, f), path.join(zipRoot, 'cuad-dev', f));
  execSync(`zip -q -r ${JSON.stringify(zipPath)} cuad-dev`, { cwd: zipRoot });
}
const zipBytes = fs.readFileSync(zipPath);
// The database last, once nothing before the cleanup below can fail.
execSync('node dist/apps/api/src/migrate.js', { cwd: root, env, stdio: 'ignore' });

const procs = Object.fromEntries(
  ['api', 'worker'].map((app) => [
    app,
    spawn(process.execPath, [`dist/apps/${app}/src/main.js`], { cwd: root, env, stdio: ['ignore', 'ignore', 'inherit'] }),
  ]),
);
const base = `http://127.0.0.1:${port}`;
const sampled = { api: 0, worker: 0 };
const sampler = setInterval(() => {
  for (const [name, p] of Object.entries(procs)) {
    try {
      sampled[name] = Math.max(sampled[name], memory(p.pid).now);
    } catch {}
  }
}, 250);
try {
  for (let i = 0; i < 150; i++) {
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
  const { accessToken, tenant } = await su.json();
  // The trial holds 50 contracts; a customer moving an archive in is on a paid plan.
  psql(`UPDATE subscriptions SET plan = 'business', status = 'active', current_period_end = now() + interval '30 days' WHERE tenant_id = '${tenant.id}'`);
  const auth = { Authorization: `Bearer ${accessToken}` };
  const load0 = os.loadavg()[0];

  const form = new FormData();
  form.append('file', new Blob([zipBytes], { type: 'application/zip' }), path.basename(zipPath));
  const t0 = performance.now();
  const res = await fetch(`${base}/v1/imports`, { method: 'POST', headers: auth, body: form });
  const started = await res.json();
  if (res.status !== 202) throw new Error(`POST /v1/imports answered ${res.status}: ${JSON.stringify(started)}`);
  const accepted = performance.now() - t0;
  let readAt = null;
  let imp;
  for (;;) {
    imp = await (await fetch(`${base}/v1/imports/${started.id}`, { headers: auth })).json();
    if (readAt === null && imp.total > 0 && imp.items.length === imp.total) readAt = performance.now() - t0;
    if (imp.status === 'done') break;
    if (performance.now() - t0 > 30 * 60_000) throw new Error('import still running after 30 minutes');
    await new Promise((r) => setTimeout(r, 500));
  }
  const lastParsed = performance.now() - t0;
  const statuses = {};
  for (const i of imp.items) {
    const key = i.outcome === 'created' ? i.contractStatus : i.outcome;
    statuses[key] = (statuses[key] ?? 0) + 1;
  }
  const mem = Object.fromEntries(Object.entries(procs).map(([n, p]) => [n, memory(p.pid)]));
  const pages = Number(psql(`SELECT coalesce(sum(pages), 0) FROM contracts WHERE tenant_id = '${tenant.id}'`));
  const what = synthetic > 0 ? `${synthetic} generated TXT agreements` : `${pdfs.length} PDFs`;
  console.log(`ZIP: ${what}, ${(zipBytes.length / 1048576).toFixed(1)} MB; ${pages} pages parsed; WORKER_CONCURRENCY=${concurrency}; ${os.cpus().length} cores`);
  console.log(`202 after ${accepted.toFixed(0)} ms; ZIP read (every file has its outcome) after ${((readAt ?? lastParsed) / 1000).toFixed(1)} s`);
  console.log(`last contract parsed after ${(lastParsed / 1000).toFixed(1)} s: ${((imp.created / lastParsed) * 60_000).toFixed(1)} contracts per minute`);
  console.log(`outcomes: ${JSON.stringify({ total: imp.total, created: imp.created, duplicates: imp.duplicates, failed: imp.failed, ...statuses })}`);
  for (const [n, m] of Object.entries(mem))
    console.log(`peak RSS ${n}: ${m.peak.toFixed(0)} MB (VmHWM; sampled max ${sampled[n].toFixed(0)} MB)`);
  console.log(`load average (1 min) before/after: ${load0.toFixed(1)} / ${os.loadavg()[0].toFixed(1)}`);
} finally {
  clearInterval(sampler);
  for (const p of Object.values(procs)) p.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 2000));
  execSync(`psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS ${db} WITH (FORCE)"`, { stdio: 'ignore' });
  fs.rmSync(scratch, { recursive: true, force: true });
}
