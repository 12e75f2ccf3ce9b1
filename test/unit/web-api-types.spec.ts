import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

// The web UI's API types are generated from docs/openapi.json (which test/e2e/openapi.e2e-spec.ts keeps equal
// to what the code serves): CI fails when either drifts. `npm run openapi` rewrites both.
const root = path.resolve(__dirname, '../..');
const COMMITTED = path.join(root, 'apps/web/src/api/schema.d.ts');

describe('web UI API types', () => {
  it('are what openapi-typescript generates from docs/openapi.json', () => {
    const generated = execFileSync(
      process.execPath,
      [path.join(root, 'node_modules/openapi-typescript/bin/cli.js'), 'docs/openapi.json'],
      { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
    );
    expect(fs.readFileSync(COMMITTED, 'utf8')).toBe(generated);
  });

  it('are what the UI uses: types.ts names shapes from the generated schema, not copies', () => {
    const types = fs.readFileSync(path.join(root, 'apps/web/src/api/types.ts'), 'utf8');
    expect(types).toMatch(/from '\.\/schema'/);
    // No hand-written object shapes besides the paging wrapper.
    expect(types.match(/^export interface (\w+)/gm)).toEqual(['export interface Page']);
  });
});
