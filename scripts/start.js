#!/usr/bin/env node
// `npm start`: migrates, then runs the API (serving the web UI) and the worker as two supervised
// processes (scripts/supervisor.js: a crashed one is restarted with backoff; the other keeps running).
// With --demo it also creates a demo company with the sample contracts and prints its login.
const { execSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const demo = process.argv.includes('--demo');
execSync(`node ${path.join(__dirname, 'ensure-build.js')} --web`, { cwd: root, stdio: 'inherit' });
execSync('node dist/apps/api/src/migrate.js', { cwd: root, stdio: 'inherit' });

const { supervise, logLine } = require('./supervisor');
const supervisor = supervise(
  ['api', 'worker'].map((app) => ({
    name: app,
    command: process.execPath,
    args: [`dist/apps/${app}/src/main.js`],
    cwd: root,
    env: process.env,
  })),
);
let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  logLine('info', 'stopping api and worker');
  supervisor.stop().then(() => process.exit(0));
}
process.on('SIGINT', stop);
process.on('SIGTERM', stop);

if (demo) {
  seedDemo().catch((err) => {
    console.error(`Demo data could not be loaded: ${err.message}`);
  });
}

async function seedDemo() {
  const base = `http://127.0.0.1:${process.env.PORT || 3000}`;
  const shown = process.env.APP_URL || `http://localhost:${process.env.PORT || 3000}`;
  for (let i = 0; i < 120; i++) {
    try {
      const res = await fetch(`${base}/health/ready`);
      if (res.ok) break;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 500));
  }
  const email = process.env.DEMO_EMAIL || 'demo@contract-bank.local';
  const password = 'demo-password-2026';
  const json = { 'Content-Type': 'application/json' };
  let res = await fetch(`${base}/v1/auth/login`, { method: 'POST', headers: json, body: JSON.stringify({ email, password }) });
  if (res.status === 401) {
    res = await fetch(`${base}/v1/signup`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ company: 'Demo Company Oy', name: 'Demo Finance Director', email, password }),
    });
  }
  if (!res.ok) throw new Error(`login/signup answered ${res.status}`);
  const { accessToken } = await res.json();
  const auth = { Authorization: `Bearer ${accessToken}` };
  const list = await (await fetch(`${base}/v1/contracts?limit=1`, { headers: auth })).json();
  if (!list.data || list.data.length === 0) {
    const dir = path.join(root, 'samples/contracts');
    for (const name of fs.readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.pdf'))) {
      const form = new FormData();
      form.append('file', new Blob([fs.readFileSync(path.join(dir, name))], { type: 'application/pdf' }), name);
      const up = await fetch(`${base}/v1/contracts`, { method: 'POST', headers: auth, body: form });
      if (up.status !== 202) console.error(`Uploading ${name} answered ${up.status}`);
    }
  }
  console.log(`\n  Contract Bank is running on ${shown}\n  Demo login: ${email} / ${password}\n`);
}
