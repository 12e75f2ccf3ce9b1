import { execSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
export const WEB_DIST = path.join(ROOT, 'apps/web/dist');
const WEB_SRC = path.join(ROOT, 'apps/web');
// The web UI imports the pure domain rules (`@cb/domain`, e.g. the deadline wording): a change there is a change
// of the bundle too.
const SHARED_SRC = path.join(ROOT, 'libs/domain/src');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'dist' || entry.name === 'node_modules') continue;
    const p = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(p) : fs.statSync(p).mtimeMs);
  }
  return newest;
}

/** Builds the web UI when it is missing or older than its sources, so a test never runs a stale bundle. */
export function ensureWebBuild(): void {
  const index = path.join(WEB_DIST, 'index.html');
  if (
    fs.existsSync(index) &&
    fs.statSync(index).mtimeMs >= Math.max(newestMtime(WEB_SRC), newestMtime(SHARED_SRC))
  )
    return;
  // Jest sets NODE_ENV=test, which would make Vite emit a development bundle.
  try {
    execSync('npm run build:web', {
      cwd: ROOT,
      stdio: 'pipe',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  } catch (e) {
    const err = e as { stdout?: Buffer; stderr?: Buffer };
    throw new Error(
      `npm run build:web failed:\n${err.stdout?.toString() ?? ''}\n${err.stderr?.toString() ?? ''}`,
    );
  }
}
