import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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
});
