import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ts from 'typescript';

describe('hardening item 1: the process guards', () => {
  it('log an unhandled rejection and an uncaught exception with an errorId, and the process lives on', () => {
    // A real process (Jest keeps its own handlers on the test process): the guard module compiled
    // as it is, and a script that misbehaves the way a stray request handler would.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-guards-'));
    const source = fs.readFileSync(
      path.resolve(__dirname, '../../libs/config/src/process-guards.ts'),
      'utf8',
    );
    const js = ts.transpileModule(source, {
      compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    fs.writeFileSync(path.join(dir, 'process-guards.js'), js);
    fs.writeFileSync(
      path.join(dir, 'main.js'),
      `
      const { installProcessGuards } = require('./process-guards.js');
      const seen = [];
      installProcessGuards('test', { error: (obj, msg) => seen.push({ errorId: obj.errorId, msg }) });
      Promise.reject(new Error('nobody caught me'));
      setTimeout(() => { throw new Error('thrown from a timer'); }, 10);
      setTimeout(() => console.log(JSON.stringify({ alive: true, seen })), 100);
      `,
    );
    try {
      const out = spawnSync(process.execPath, [path.join(dir, 'main.js')], {
        encoding: 'utf8',
        timeout: 20_000,
      });
      expect(out.status).toBe(0);
      const result = JSON.parse(out.stdout.trim());
      expect(result.alive).toBe(true);
      expect(result.seen.map((s: { msg: string }) => s.msg)).toEqual([
        'Unhandled promise rejection (kept running)',
        'Uncaught exception (kept running)',
      ]);
      for (const s of result.seen) expect(s.errorId).toMatch(/^[0-9a-f-]{36}$/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
