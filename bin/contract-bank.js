#!/usr/bin/env node
// Runs the compiled CLI; builds it first when dist/ is missing (a fresh checkout).
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const root = path.resolve(__dirname, '..');
const entry = path.join(root, 'dist', 'apps', 'cli', 'src', 'main.js');

if (!fs.existsSync(entry)) {
  process.stderr.write('contract-bank: dist/ is missing, running `npm run build` first...\n');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const build = spawnSync(npm, ['run', 'build'], { cwd: root, stdio: ['ignore', process.stderr, process.stderr] });
  if (build.status !== 0 || !fs.existsSync(entry)) {
    process.stderr.write('contract-bank: the build failed; run `npm run build` and fix the errors it shows\n');
    process.exit(1);
  }
}

const { main } = require(entry);
main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`contract-bank: ${error && error.stack ? error.stack : String(error)}\n`);
    process.exitCode = 1;
  },
);
