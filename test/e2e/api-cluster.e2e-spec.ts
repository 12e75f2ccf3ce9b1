import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import type { AppConfig } from '../../libs/config/src/app-config';
import { clearRedisPrefix } from '../support/test-server';
import { testConfig } from '../support/test-config';
import { createTestDatabase, type TestDatabase } from '../support/database';

// scripts/ is plain CommonJS (it runs before anything is built).
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { API_NODE_ARGS } = require('../../scripts/api-node-args.js') as { API_NODE_ARGS: string[] };

const root = path.resolve(__dirname, '../..');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** GET /health on a new connection each time (the cluster hands out connections, not requests). */
function health(port: number): Promise<{ status: string; worker?: { id: number; pid: number } }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: '/health', agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve(JSON.parse(body)));
    });
    req.setTimeout(5000, () => req.destroy(new Error('no answer in 5 s')));
    req.on('error', reject);
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Asks /health until `want` distinct worker pids (other than `not`) have answered. */
async function workerPids(port: number, want: number, not: number[] = []): Promise<Set<number>> {
  const pids = new Set<number>();
  const deadline = Date.now() + 90_000;
  while (pids.size < want) {
    if (Date.now() > deadline) throw new Error(`only workers ${[...pids].join(', ')} answered`);
    try {
      const body = await health(port);
      if (body.worker && !not.includes(body.worker.pid)) pids.add(body.worker.pid);
    } catch {
      await sleep(100); // not listening yet
    }
  }
  return pids;
}

describe('API_WORKERS: the built API as a cluster of processes sharing the port', () => {
  let db: TestDatabase;
  let api: ChildProcess;
  let port: number;
  let config: AppConfig;
  let exited: Promise<{ code: number | null; signal: string | null }>;
  let output = '';

  beforeAll(async () => {
    // The API as `npm start` runs it: the compiled dist/ (built here when older than the sources).
    const build = spawnSync(process.execPath, ['scripts/ensure-build.js'], {
      cwd: root,
      encoding: 'utf8',
    });
    if (build.status !== 0) throw new Error(`build failed: ${build.stdout}${build.stderr}`);
    db = await createTestDatabase();
    port = await freePort();
    config = testConfig(db);
    api = spawn(process.execPath, [...API_NODE_ARGS, 'dist/apps/api/src/main.js'], {
      cwd: root,
      env: {
        PATH: process.env.PATH,
        DATABASE_URL: db.url,
        APP_DATABASE_URL: db.appUrl,
        REDIS_URL: config.redisUrl,
        QUEUE_PREFIX: config.queuePrefix,
        STORAGE_DIR: config.storageDir,
        JWT_SECRET: randomBytes(32).toString('hex'),
        PORT: String(port),
        LOG_LEVEL: 'info',
        OCR_ENABLED: 'false',
        API_WORKERS: '2',
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    api.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    api.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    exited = new Promise((resolve) =>
      api.once('exit', (code, signal) => resolve({ code, signal })),
    );
  }, 300_000);

  afterAll(async () => {
    if (api && api.exitCode === null && api.signalCode === null) {
      api.kill('SIGKILL');
      await exited;
    }
    if (config) {
      await clearRedisPrefix(config);
      fs.rmSync(config.storageDir, { recursive: true, force: true });
    }
    await db?.drop();
  });

  it('keeps an idle connection open longer than a load balancer does (Keep-Alive: timeout=65)', async () => {
    await workerPids(port, 1);
    const agent = new http.Agent({ keepAlive: true });
    try {
      const header = await new Promise<string | undefined>((resolve, reject) => {
        const req = http.get({ host: '127.0.0.1', port, path: '/health', agent }, (res) => {
          res.resume();
          res.on('end', () => resolve(res.headers['keep-alive'] as string | undefined));
        });
        req.on('error', reject);
      });
      expect(header).toBe('timeout=65');
    } finally {
      agent.destroy();
    }
  });

  it("runs every API process with the API's node flags (the cluster's workers inherit them)", async () => {
    const pids = await workerPids(port, 2);
    for (const pid of [api.pid!, ...pids]) {
      const argv = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      expect(argv).toEqual(expect.arrayContaining(API_NODE_ARGS));
    }
  });

  it('answers from two processes, restarts one that dies, and stops all on SIGTERM', async () => {
    const pids = await workerPids(port, 2);
    expect(pids.size).toBe(2);
    expect(pids.has(api.pid!)).toBe(false);
    expect(output).toMatch(/with 2 processes/);

    // A worker that crashes is replaced (after a backoff); the other one keeps answering meanwhile.
    const [crashed, survivor] = [...pids];
    process.kill(crashed, 'SIGKILL');
    const [replacement] = await workerPids(port, 1, [...pids]);
    expect(alive(replacement)).toBe(true);
    expect(alive(survivor)).toBe(true);
    expect(output).toMatch(/API worker exited; restarting it/);

    api.kill('SIGTERM');
    const result = await Promise.race([exited, sleep(30_000).then(() => null)]);
    expect(result).toEqual({ code: 0, signal: null });
    expect(alive(survivor)).toBe(false);
    expect(alive(replacement)).toBe(false);
    expect(output).toMatch(/all API workers stopped/);
  }, 240_000);
});
