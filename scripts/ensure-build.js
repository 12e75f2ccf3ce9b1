#!/usr/bin/env node
// Builds the TypeScript sources when dist/ is missing or older than the sources, and with --web the web UI
// when apps/web/dist is missing or older than apps/web. With --quiet (the demo) the build tools' output is
// kept out of the terminal (one line per build) and only shown when a build fails.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const quiet = process.argv.includes('--quiet');
const marker = path.join(root, 'dist/apps/api/src/main.js');

function newest(dir, skip, accept) {
  let latest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (skip.includes(entry.name)) continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) latest = Math.max(latest, newest(p, skip, accept));
    else if (accept(entry.name)) latest = Math.max(latest, fs.statSync(p).mtimeMs);
  }
  return latest;
}
const mtime = (file) => (fs.existsSync(file) ? fs.statSync(file).mtimeMs : 0);

function build(line, args, env = process.env) {
  console.log(line);
  const res = spawnSync('npm', args, {
    cwd: root,
    env,
    stdio: quiet ? ['ignore', 'pipe', 'pipe'] : 'inherit',
    encoding: 'utf8',
  });
  if (res.status === 0) return;
  if (quiet) process.stderr.write(`${res.stdout ?? ''}${res.stderr ?? ''}`);
  console.error(`npm ${args.join(' ')} failed (exit code ${res.status ?? res.signal}).`);
  process.exit(1);
}

const serverSkip = ['node_modules', 'dist', 'web'];
const sources = Math.max(
  ...['apps', 'libs', 'migrations'].map((d) => newest(path.join(root, d), serverSkip, (n) => n.endsWith('.ts'))),
);
if (mtime(marker) < sources) {
  build(`Building the server${quiet ? ' (first run: about 20 seconds)' : ''}...`, ['run', 'build', '--silent']);
}

const webDir = path.join(root, 'apps/web');
const webIndex = path.join(webDir, 'dist/index.html');
if (process.argv.includes('--web') && fs.existsSync(path.join(webDir, 'vite.config.mts'))) {
  if (mtime(webIndex) < newest(webDir, ['node_modules', 'dist'], () => true)) {
    build(
      `Building the web UI${quiet ? ' (about 10 seconds)' : ''}...`,
      // The size listing of every emitted file (pdf.js character maps...) says nothing to the person starting it.
      ['run', 'build:web', '--silent', '--', '--logLevel', 'warn'],
      { ...process.env, NODE_ENV: 'production' },
    );
  }
}
