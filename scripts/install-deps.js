#!/usr/bin/env node
// Installs the dependencies exactly as package-lock.json pins them (`npm ci`), and only when node_modules is
// missing or does not match the lock. The lock is never rewritten on install: a lock that changed on install
// would mean users and CI run something other than what was tested.
//
//   node scripts/install-deps.js [--quiet] [--log FILE]
//
// --quiet prints one progress line instead of npm's output (which then goes to --log FILE, default
// data/logs/npm-install.log); on failure the end of that log is printed. Exit code 0 when installed.
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const quiet = process.argv.includes('--quiet');
const logArg = process.argv.indexOf('--log');
const logFile = path.resolve(root, logArg > 0 ? process.argv[logArg + 1] : 'data/logs/npm-install.log');

/**
 * Why node_modules does not match package-lock.json, or null when it does. npm keeps a record of what it
 * installed in node_modules/.package-lock.json: every package there must have the lock's version, and every
 * package of the lock must be there unless it is optional (platform-specific builds for other systems).
 */
function staleReason() {
  const hiddenFile = path.join(root, 'node_modules/.package-lock.json');
  if (!fs.existsSync(hiddenFile)) return 'node_modules is missing';
  let lock;
  let hidden;
  try {
    lock = JSON.parse(fs.readFileSync(path.join(root, 'package-lock.json'), 'utf8')).packages ?? {};
    hidden = JSON.parse(fs.readFileSync(hiddenFile, 'utf8')).packages ?? {};
  } catch (err) {
    return `a lock file could not be read (${err.message})`;
  }
  for (const [key, want] of Object.entries(lock)) {
    if (!key) continue;
    const have = hidden[key];
    if (!have) {
      if (want.optional || want.devOptional) continue;
      return `${key} is not installed`;
    }
    if (have.version !== want.version) return `${key} is ${have.version}, the lock says ${want.version}`;
  }
  for (const key of Object.keys(hidden)) {
    if (!(key in lock)) return `${key} is installed but not in the lock`;
  }
  return null;
}

const reason = staleReason();
if (!reason) process.exit(0);

const args = ['ci', '--no-audit', '--no-fund'];
if (quiet) {
  console.log('Installing dependencies (first run: about 2 minutes)...');
  fs.mkdirSync(path.dirname(logFile), { recursive: true });
  const out = fs.openSync(logFile, 'w');
  fs.writeSync(out, `# npm ${args.join(' ')} (${reason}), ${new Date().toISOString()}\n`);
  const res = spawnSync('npm', [...args, '--loglevel=warn'], {
    cwd: root,
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  if (res.status !== 0) {
    const lines = fs.readFileSync(logFile, 'utf8').trimEnd().split('\n');
    console.error(lines.slice(-25).join('\n'));
    console.error(`\nInstalling the dependencies failed (npm ci); the whole output is in ${path.relative(root, logFile)}.`);
    console.error('If package.json changed, update package-lock.json with `npm install` and commit both.');
    process.exit(1);
  }
} else {
  console.log(`Installing dependencies with npm ci (${reason})...`);
  const res = spawnSync('npm', [...args, '--loglevel=error'], { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) {
    console.error('Installing the dependencies failed (npm ci).');
    console.error('If package.json changed, update package-lock.json with `npm install` and commit both.');
    process.exit(1);
  }
}
