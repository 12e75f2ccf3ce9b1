#!/usr/bin/env node
// Builds the TypeScript sources once when dist/ is missing or older than the sources.
const { execSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '..');
const marker = path.join(root, 'dist/apps/api/src/main.js');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name === 'dist' || entry.name === 'web') continue;
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (entry.name.endsWith('.ts')) newest = Math.max(newest, fs.statSync(p).mtimeMs);
  }
  return newest;
}

const built = fs.existsSync(marker) ? fs.statSync(marker).mtimeMs : 0;
const sources = Math.max(...['apps', 'libs', 'migrations'].map((d) => newestSource(path.join(root, d))));
if (built < sources) {
  console.log('Building the server…');
  execSync('npm run build --silent', { cwd: root, stdio: 'inherit' });
}
const webIndex = path.join(root, 'apps/web/dist/index.html');
if (process.argv.includes('--web') && !fs.existsSync(webIndex) && fs.existsSync(path.join(root, 'apps/web/vite.config.ts'))) {
  console.log('Building the web UI…');
  execSync('npm run build:web --silent', { cwd: root, stdio: 'inherit' });
}
