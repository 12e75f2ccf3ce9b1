#!/usr/bin/env node
// `npm start`: migrates, then runs the API (serving the web UI), the worker and the e-mail-in SMTP server as
// supervised processes (scripts/supervisor.js: a crashed one is restarted with backoff; the others keep running).
// The API runs API_WORKERS processes sharing the port (node's cluster module, in apps/api/src/main.ts; default 1):
// the supervisor sees one API process, which restarts its own crashed workers and stops them all on SIGTERM.
// Their JSON logs go to stdout, for the platform's log collector.
//
// With --demo (`npm run demo`) it is a quiet start for a person at a terminal: one line per step, the JSON
// logs of the API, the worker and the supervisor go to a file under data/logs/, a demo company with the
// sample contracts is created (or reused), and the address and the login are printed in a box.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const demo = process.argv.includes('--demo');
const port = Number(process.env.PORT || 3000);
const { supervise, logLine } = require('./supervisor');
const { API_NODE_ARGS } = require('./api-node-args');

/** Runs a step's command; with capture its output is kept (returned) and only shown when it fails. */
function run(args, what, capture = false) {
  const res = spawnSync(process.execPath, args, {
    cwd: root,
    stdio: capture ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    encoding: 'utf8',
  });
  if (res.status === 0) return res.stdout ?? '';
  if (capture) process.stderr.write(`${res.stdout ?? ''}${res.stderr ?? ''}`);
  console.error(`${what} failed (exit code ${res.status ?? res.signal}).`);
  process.exit(1);
}

/** True when nothing listens on the port (so the API can take it). */
function portFree(p) {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once('error', () => resolve(false));
    probe.listen(p, () => probe.close(() => resolve(true)));
  });
}

/** The database name and server of DATABASE_URL, for the step lines (never the password). */
function databaseLabel() {
  try {
    const u = new URL(
      process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/contract_bank',
    );
    return `database ${decodeURIComponent(u.pathname.slice(1))} on ${u.hostname}:${u.port || 5432}`;
  } catch {
    return 'the database';
  }
}

async function main() {
  if (demo && !(await portFree(port))) {
    console.error(
      `Port ${port} is already in use (another Contract Bank demo?). Stop it, or choose another port: PORT=${port + 1} npm run demo`,
    );
    process.exit(1);
  }
  run(
    [path.join(__dirname, 'ensure-build.js'), '--web', ...(demo ? ['--quiet'] : [])],
    'The build',
  );
  const migrated = run(['dist/apps/api/src/migrate.js'], 'Migrating the database', demo);
  if (demo) {
    const applied = /^Applied (.+) to /m.exec(migrated);
    console.log(
      `Migrated (${databaseLabel()}: ${applied ? `${applied[1].split(', ').length} migrations applied` : 'up to date'})`,
    );
  }

  let logFile = null;
  let logFd = null;
  let log = logLine;
  if (demo) {
    const stamp = new Date()
      .toISOString()
      .replace(/[-:]/g, '')
      .replace(/\..*/, '')
      .replace('T', '-');
    logFile = path.join(root, 'data/logs', `demo-${stamp}.log`);
    fs.mkdirSync(path.dirname(logFile), { recursive: true });
    logFd = fs.openSync(logFile, 'a');
    const fd = logFd;
    log = (level, msg, extra = {}) => {
      logLine(level, msg, extra, (line) => fs.writeSync(fd, line));
      // A crash is something the person at the terminal needs to know about.
      if (level === 'error') console.error(`${msg} (details in ${path.relative(root, logFile)})`);
    };
  }
  const supervisor = supervise(
    ['api', 'worker', 'inbound'].map((app) => ({
      name: app,
      command: process.execPath,
      args: [...(app === 'api' ? API_NODE_ARGS : []), `dist/apps/${app}/src/main.js`],
      cwd: root,
      env: process.env,
      stdio: demo ? ['ignore', logFd, logFd] : 'inherit',
    })),
    { log },
  );
  let stopping = false;
  function stop() {
    if (stopping) return;
    stopping = true;
    log('info', 'stopping api, worker and inbound');
    if (demo) console.log('Stopping...');
    supervisor.stop().then(() => process.exit(0));
  }
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  process.on('SIGHUP', stop);
  // A closed terminal or output pipe (`npm run demo | head`) makes our writes fail with EPIPE: stop the
  // children rather than die and leave them running unsupervised.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err) => {
      if (err.code !== 'EPIPE') throw err;
      stop();
    });
  }

  if (demo) {
    try {
      await seedDemo(logFile);
    } catch (err) {
      console.error(
        `The demo data could not be loaded: ${err.message}. See ${path.relative(root, logFile)}.`,
      );
    }
  }
}

async function seedDemo(logFile) {
  const base = `http://127.0.0.1:${port}`;
  const shown = process.env.APP_URL || `http://localhost:${port}`;
  let ready = false;
  for (let i = 0; i < 240 && !ready; i++) {
    try {
      ready = (await fetch(`${base}/health/ready`)).ok;
    } catch {
      // not up yet
    }
    if (!ready) await new Promise((r) => setTimeout(r, 250));
  }
  if (!ready) throw new Error(`the API did not become ready on ${base} within a minute`);
  const email = process.env.DEMO_EMAIL || 'demo@contract-bank.local';
  const password = 'demo-password-2026';
  const json = { 'Content-Type': 'application/json' };
  let res = await fetch(`${base}/v1/auth/login`, {
    method: 'POST',
    headers: json,
    body: JSON.stringify({ email, password }),
  });
  if (res.status === 401) {
    res = await fetch(`${base}/v1/signup`, {
      method: 'POST',
      headers: json,
      body: JSON.stringify({
        company: 'Demo Company Oy',
        name: 'Demo Finance Director',
        email,
        password,
      }),
    });
  }
  if (!res.ok) throw new Error(`login/signup answered ${res.status}`);
  const { accessToken } = await res.json();
  const auth = { Authorization: `Bearer ${accessToken}` };
  const list = await (await fetch(`${base}/v1/contracts?limit=1`, { headers: auth })).json();
  if (!list.data || list.data.length === 0) {
    const dir = path.join(root, 'samples/contracts');
    let loaded = 0;
    for (const name of fs.readdirSync(dir).filter((f) => f.toLowerCase().endsWith('.pdf'))) {
      const form = new FormData();
      form.append(
        'file',
        new Blob([fs.readFileSync(path.join(dir, name))], { type: 'application/pdf' }),
        name,
      );
      const up = await fetch(`${base}/v1/contracts`, { method: 'POST', headers: auth, body: form });
      if (up.status === 202) loaded += 1;
      else console.error(`Uploading ${name} answered ${up.status}`);
    }
    console.log(`Loaded ${loaded} sample contracts (the worker reads them in the background)`);
  } else {
    console.log('Sample contracts already loaded (the demo company is kept between runs)');
  }
  console.log(
    box([
      `Contract Bank is running on ${shown}`,
      '',
      `Log in:    ${email}`,
      `Password:  ${password}`,
    ]),
  );
  console.log(`Logs (JSON) go to ${path.relative(root, logFile)}. Press Ctrl-C to stop.`);
}

function box(lines) {
  const width = Math.max(...lines.map((l) => l.length));
  const bar = '─'.repeat(width + 4);
  return [`┌${bar}┐`, ...lines.map((l) => `│  ${l.padEnd(width)}  │`), `└${bar}┘`].join('\n');
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
