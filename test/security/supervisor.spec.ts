import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import ts from 'typescript';

// scripts/ is plain CommonJS (it runs before anything is built).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { supervise } = require('../../scripts/supervisor.js');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('npm start supervises the API and the worker (hardening item 1)', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-supervisor-'));
  const crasher = path.join(dir, 'crasher.js');
  const steady = path.join(dir, 'steady.js');
  fs.writeFileSync(crasher, 'setTimeout(() => process.exit(3), 50);');
  fs.writeFileSync(steady, 'setInterval(() => {}, 1000);');
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('restarts a crashed child with growing delays and never stops the other', async () => {
    const lines: Array<{ msg: string; restartInMs: number; child: string }> = [];
    const sup = supervise(
      [
        { name: 'api', command: process.execPath, args: [crasher] },
        { name: 'worker', command: process.execPath, args: [steady] },
      ],
      {
        initialDelayMs: 100,
        maxDelayMs: 400,
        log: (_level: string, msg: string, extra: { restartInMs: number; child: string }) =>
          lines.push({ msg, ...extra }),
      },
    );
    try {
      const workerPid = sup.pids()[1];
      expect(workerPid).toEqual(expect.any(Number));
      for (let i = 0; i < 100 && sup.restarts()[0] < 4; i++) await sleep(50);
      expect(sup.restarts()[0]).toBeGreaterThanOrEqual(4);
      // Each crash was logged, naming the child, with the backoff growing to its cap.
      expect(lines.every((l) => l.child === 'api')).toBe(true);
      expect(lines.slice(0, 4).map((l) => l.restartInMs)).toEqual([100, 200, 400, 400]);
      expect(lines[0].msg).toMatch(/api exited \(code 3\); restarting/);
      // The worker is the same process all along.
      expect(sup.restarts()[1]).toBe(0);
      expect(sup.pids()[1]).toBe(workerPid);
      expect(() => process.kill(workerPid, 0)).not.toThrow();
    } finally {
      await sup.stop(2000);
    }
    expect(sup.pids()).toEqual([null, null]);
  });

  it('stops its children when the supervisor itself dies (no API left holding the port)', async () => {
    // The real guard module, compiled as it is, in a child of a supervisor that is then killed with
    // SIGKILL (what a closed terminal or a crash of the supervisor amounts to: no chance to clean up).
    const guards = ts.transpileModule(
      fs.readFileSync(path.resolve(__dirname, '../../libs/config/src/process-guards.ts'), 'utf8'),
      { compilerOptions: { module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 } },
    ).outputText;
    fs.writeFileSync(path.join(dir, 'process-guards.js'), guards);
    const trace = path.join(dir, 'trace.log');
    const pidFile = path.join(dir, 'child.pid');
    const child = path.join(dir, 'guarded-child.js');
    fs.writeFileSync(
      child,
      `const fs = require('node:fs');
      const { installProcessGuards } = require('./process-guards.js');
      const note = (line) => fs.appendFileSync(${JSON.stringify(trace)}, line + '\\n');
      installProcessGuards('api', { error: (_o, msg) => note(msg), warn: (_o, msg) => note(msg) });
      process.on('SIGTERM', () => { note('SIGTERM'); process.exit(0); });
      fs.writeFileSync(${JSON.stringify(pidFile)}, String(process.pid));
      setInterval(() => {}, 1000);`,
    );
    const supervisorScript = path.join(dir, 'supervisor-main.js');
    fs.writeFileSync(
      supervisorScript,
      `const { supervise } = require(${JSON.stringify(path.resolve(__dirname, '../../scripts/supervisor.js'))});
      supervise([{ name: 'api', command: process.execPath, args: [${JSON.stringify(child)}], stdio: 'ignore' }],
        { log: () => {} });
      setInterval(() => {}, 1000);`,
    );
    const sup = spawn(process.execPath, [supervisorScript], { stdio: 'ignore' });
    let childPid = 0;
    try {
      for (let i = 0; i < 200 && !fs.existsSync(pidFile); i++) await sleep(50);
      childPid = Number(fs.readFileSync(pidFile, 'utf8'));
      expect(() => process.kill(childPid, 0)).not.toThrow();
      sup.kill('SIGKILL');
      let alive = true;
      for (let i = 0; i < 100 && alive; i++) {
        await sleep(50);
        try {
          process.kill(childPid, 0);
        } catch {
          alive = false;
        }
      }
      expect(alive).toBe(false);
      expect(fs.readFileSync(trace, 'utf8').split('\n')).toEqual([
        'The supervisor is gone (its IPC channel closed); stopping',
        'SIGTERM',
        '',
      ]);
    } finally {
      sup.kill('SIGKILL');
      if (childPid) {
        try {
          process.kill(childPid, 'SIGKILL');
        } catch {
          // already gone
        }
      }
    }
  });
});
