// `npm run bench:api`: the API at customer scale (issue 16). Seeds a database through SQL (tenants, users,
// contracts with real CUAD text, obligations, deadlines), starts the built API as its own process in production
// mode, and drives fixed-rate load (autocannon, overallRate) over many tenants' tokens.
//
// Full run (about 30 minutes, needs a quiet machine):   npm run bench:api
// Short (shared machine, a few minutes):  npm run bench:api -- --quick   (or BENCH_QUICK=1): 100 tenants,
//      10,000 contracts, a tenant of 1,000, 5 s per endpoint, 3 s per ceiling step; any BENCH_* still overrides.
// --cost-only prints only the cost per request (API and PostgreSQL CPU ms per request at BENCH_COST_RATE, 50).
// --two-only prints only the cost table and the table at BENCH_RATE with two API processes (API_WORKERS=2).
// --big-only prints only the rows of the tenant of BENCH_BIG_TENANT contracts (searches and the list at BENCH_RATE):
//      with BENCH_BIG_TENANT=50000, search in a tenant of 50,000 contracts (docs/benchmarks.md).
// --seed-only seeds the database (or keeps it, with BENCH_KEEP_DB=1) and stops.
// --write-docs replaces the figures in docs/benchmarks.md (between the bench:api markers of its API section);
//      without it the bench only prints.
// Env: BENCH_TENANTS (1000), BENCH_CONTRACTS (100000), BENCH_BIG_TENANT (5000 contracts in one tenant),
//      BENCH_RATE (200), BENCH_DURATION (30 s), BENCH_STEP_DURATION (5 s), BENCH_LOAD_TENANTS (50),
//      BENCH_KEEP_DB=1 reuses a seeded database of the same size, BENCH_PORT (3990),
//      BENCH_ONLY (a regular expression: the endpoints of the cost table, for --cost-only while tuning),
//      BENCH_LOG_LEVEL (warn: the level of the main runs), BENCH_POOL_SIZES (5,10,20: the pool sweep).
//
// Prints: per endpoint p50/p90/p99/max and errors at BENCH_RATE with the /health floor, the same for the big
// tenant, the highest rate with p99 < 50 ms per endpoint for one API process, then for the CPU-bound endpoints
// with two (API_WORKERS=2), the per-request cost of access logging (LOG_LEVEL info against warn: API CPU ms per
// request and p99), and the pool sweep (DB_POOL_SIZE), each with the load average.
import { spawn } from 'node:child_process';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import { pacedLoad } from './paced-load.mjs';
import pg from 'pg';
import { cuadDir } from './lib/datasets.mjs';
import apiNodeArgs from '../scripts/api-node-args.js';

const QUICK = process.argv.includes('--quick') || process.env.BENCH_QUICK === '1';
const COST_ONLY = process.argv.includes('--cost-only');
const TWO_ONLY = process.argv.includes('--two-only');
const WRITE_DOCS = process.argv.includes('--write-docs');
const BIG_ONLY = process.argv.includes('--big-only');
const env = (k, full, quick = full) => Number(process.env[k] ?? (QUICK ? quick : full));
const TENANTS = env('BENCH_TENANTS', 1000, 100);
const CONTRACTS = env('BENCH_CONTRACTS', 100000, 10000);
const BIG = env('BENCH_BIG_TENANT', 5000, 1000);
const RATE = env('BENCH_RATE', 200);
const DURATION = env('BENCH_DURATION', 30, 5);
const STEP = env('BENCH_STEP_DURATION', 5, 3);
const LOAD_TENANTS = env('BENCH_LOAD_TENANTS', 50);
const PORT = env('BENCH_PORT', 3990);
const ONLY = new RegExp(process.env.BENCH_ONLY ?? '');
const COST_RATE = env('BENCH_COST_RATE', 50);
const LOG_LEVEL = process.env.BENCH_LOG_LEVEL ?? 'warn';
const POOL_SIZES = (process.env.BENCH_POOL_SIZES ?? '5,10,20').split(',').map(Number);
const CEILING_RATES = [50, 100, 150, 200, 300, 400, 600, 800, 1200, 1600];
// What one API process is limited by (its CPU): the endpoints a second process should double.
const CPU_BOUND = ['GET /v1/contracts?limit=50', 'search common word', 'GET /v1/contracts/:id'];
const ADMIN = process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const DB = `cb_bench_api_${TENANTS}_${CONTRACTS}_${BIG}`;
const CUAD = cuadDir;
// A fresh secret each run: the bench signs its own tokens with it and starts the API with it (a fixed one in the
// repository would be a secret anyone knows: test/security/secrets.spec.ts).
const JWT_SECRET = process.env.BENCH_JWT_SECRET || randomBytes(32).toString('hex');

const dbUrl = (user = 'postgres') => {
  const u = new URL(ADMIN);
  u.pathname = `/${DB}`;
  u.username = user;
  return u.toString();
};

async function admin(fn) {
  const c = new pg.Client({ connectionString: ADMIN });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

function migrate() {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['dist/apps/api/src/migrate.js'], {
      env: { ...process.env, DATABASE_URL: dbUrl(), LOG_LEVEL: 'warn' },
      stdio: 'inherit',
    });
    p.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`migrate exited ${code}`))));
  });
}

const tenantId = (i) => `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const userId = (i) => `00000000-0000-4000-9000-${String(i).padStart(12, '0')}`;

/** The comment a database gets once its seeding has finished. */
const SEEDED_MARK = 'bench:api seeded';

async function seed() {
  // A database is kept only when its seeding finished (marked at the end): one whose seeding was stopped halfway
  // would otherwise be measured as if it held every contract.
  const [kept] = await admin(
    async (c) =>
      (
        await c.query(
          `SELECT shobj_description(oid, 'pg_database') = $2 AS complete FROM pg_database WHERE datname = $1`,
          [DB, SEEDED_MARK],
        )
      ).rows,
  );
  if (kept && process.env.BENCH_KEEP_DB === '1') {
    if (kept.complete) {
      await migrate(); // a kept database still gets the migrations added since it was seeded
      await refreshCommonWords();
      return;
    }
    console.log(`${DB} was not seeded to the end: seeding it again`);
  }
  await admin(async (c) => {
    await c.query(`DROP DATABASE IF EXISTS ${DB}`);
    await c.query(`CREATE DATABASE ${DB}`);
  });
  await migrate();
  const texts = fs
    .readdirSync(CUAD)
    .filter((f) => f.endsWith('.txt'))
    .map((f) => fs.readFileSync(path.join(CUAD, f), 'utf8').slice(0, 30000))
    .filter((t) => t.length >= 5000);
  const c = new pg.Client({ connectionString: dbUrl() });
  await c.connect();
  const started = Date.now();
  try {
    const total = TENANTS + 1;
    await c.query(
      `INSERT INTO tenants (id, name) SELECT ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid, 'Tenant ' || g
         FROM generate_series(0, $1 - 1) g`,
      [total],
    );
    await c.query(
      `INSERT INTO users (id, tenant_id, email, name, password_hash, role)
       SELECT ('00000000-0000-4000-9000-' || lpad(g::text, 12, '0'))::uuid, ('00000000-0000-4000-8000-' || lpad(g::text, 12, '0'))::uuid,
              'owner' || g || '@bench.example', 'Owner ' || g, 'x', 'owner' FROM generate_series(0, $1 - 1) g`,
      [total],
    );
    await c.query(
      `INSERT INTO subscriptions (tenant_id, plan, status, current_period_end)
       SELECT id, 'business', 'active', now() + interval '1 year' FROM tenants`,
    );
    // Contracts: tenants 0..TENANTS-1 share CONTRACTS evenly; tenant TENANTS holds BIG. In batches of 2,000.
    const insertBatch = async (from, count, tenantOf) => {
      await c.query(
        `INSERT INTO contracts (id, tenant_id, title, status, counterparty, file_name, file_size, file_sha256, media_type,
           storage_key, text, language, extracted_terms, evidence, notice_deadline, next_renewal_date, expiration_date, created_at)
         SELECT gen_random_uuid(), ${tenantOf}, 'Agreement ' || g, 'parsed', 'Counterparty ' || (g % 997), 'c' || g || '.pdf', 20000,
                md5(g::text), 'application/pdf', 'k' || g, ($3::text[])[1 + g % array_length($3::text[], 1)], 'en',
                jsonb_build_object('parties', jsonb_build_array(jsonb_build_object('name', 'Rubicon ' || (g % 50)), jsonb_build_object('name', 'Counterparty ' || (g % 997)))),
                '{"title":[{"page":1,"start":0,"end":9,"text":"AGREEMENT"}]}',
                current_date + (g % 400), current_date + (g % 400) + 90, current_date + (g % 800) + 365,
                now() - (g || ' minutes')::interval
           FROM generate_series($1::int, $1::int + $2::int - 1) g`,
        [from, count, texts],
      );
    };
    for (let from = 0; from < CONTRACTS; from += 2000) {
      await insertBatch(
        from,
        Math.min(2000, CONTRACTS - from),
        `('00000000-0000-4000-8000-' || lpad((g % ${TENANTS})::text, 12, '0'))::uuid`,
      );
      process.stdout.write(`\rseeded ${Math.min(from + 2000, CONTRACTS)} / ${CONTRACTS} contracts`);
    }
    for (let from = 0; from < BIG; from += 2000) {
      await insertBatch(
        CONTRACTS + from,
        Math.min(2000, BIG - from),
        `'${tenantId(TENANTS)}'::uuid`,
      );
    }
    await c.query(
      `INSERT INTO obligations (tenant_id, contract_id, position, kind, text, due_date, evidence)
       SELECT tenant_id, id, 0, 'payment', 'Pay the fees within thirty days', notice_deadline, '[{"page":1,"start":0,"end":3,"text":"Pay"}]' FROM contracts`,
    );
    await c.query(
      `INSERT INTO deadlines (tenant_id, contract_id, kind, date)
       SELECT tenant_id, id, 'notice', notice_deadline FROM contracts
       UNION ALL SELECT tenant_id, id, 'renewal', next_renewal_date FROM contracts`,
    );
    await c.query('VACUUM ANALYZE');
  } finally {
    await c.end();
  }
  await refreshCommonWords();
  await admin((c) => c.query(`COMMENT ON DATABASE ${DB} IS '${SEEDED_MARK}'`));
  console.log(`\nseeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
}

/** What the worker's hourly `search.common-words` tick does (the bench runs no worker). */
async function refreshCommonWords() {
  const c = new pg.Client({ connectionString: dbUrl() });
  await c.connect();
  try {
    const { rows } = await c.query('SELECT contract_search_refresh_common_words() AS n');
    console.log(`common search words: ${rows[0].n}`);
  } finally {
    await c.end();
  }
}

// An access token as the API mints it: HS256 with the HKDF-derived access-token key.
async function tokenFor(i) {
  const { deriveKey } = await import(path.resolve('dist/libs/config/src/index.js'));
  const key = deriveKey(JWT_SECRET, 'access-token');
  const b64 = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
  const now = Math.floor(Date.now() / 1000);
  const body = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: userId(i), tid: tenantId(i), typ: 'access', sid: randomUUID(), iat: now, exp: now + 3600 })}`;
  return `${body}.${createHmac('sha256', key).update(body).digest('base64url')}`;
}

/** Starts the built API (production mode); `stop` sends SIGTERM and waits until it (and its workers) exited. */
async function startApi({ workers = 1, logLevel = LOG_LEVEL, poolSize } = {}) {
  // The API's own flags, as `npm start` and the Docker image start it (scripts/api-node-args.js), then
  // BENCH_API_NODE_ARGS: extra node flags (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile; a later flag
  // wins, so `--v8-pool-size=4` measures V8's default pool).
  const nodeArgs = [
    ...apiNodeArgs.API_NODE_ARGS,
    ...(process.env.BENCH_API_NODE_ARGS ?? '').split(' ').filter(Boolean),
  ];
  const api = spawn(process.execPath, [...nodeArgs, 'dist/apps/api/src/main.js'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(PORT),
      DATABASE_URL: dbUrl(),
      JWT_SECRET,
      QUEUE_PREFIX: 'cbbench',
      LOG_LEVEL: logLevel,
      API_WORKERS: String(workers),
      ...(poolSize ? { DB_POOL_SIZE: String(poolSize) } : {}),
      APP_URL: `http://127.0.0.1:${PORT}`,
    },
    // The access logs (LOG_LEVEL info) are written, as in production, to a pipe that is read (and dropped).
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  api.stdout.on('data', () => undefined);
  const exited = new Promise((resolve) => api.once('exit', resolve));
  const stop = async () => {
    api.kill('SIGTERM');
    await exited;
  };
  // Every worker answers before the load starts (a cluster's /health names the one that answered).
  const seen = new Set();
  for (let i = 0; i < 200 && seen.size < workers; i++) {
    await sleep(300);
    try {
      const body = await healthOnNewConnection();
      if (body.status === 'ok') seen.add(body.worker?.pid ?? api.pid);
    } catch {
      /* not yet */
    }
  }
  if (seen.size < workers) {
    await stop();
    throw new Error('the API did not start');
  }
  return { pid: api.pid, stop };
}

/** GET /health on a connection of its own (a cluster hands out connections, not requests). */
function healthOnNewConnection() {
  return new Promise((resolve, reject) => {
    const req = http.get(
      { host: '127.0.0.1', port: PORT, path: '/health', agent: false },
      (res) => {
        let body = '';
        res.on('data', (chunk) => (body += chunk));
        res.on('end', () => {
          try {
            resolve(JSON.parse(body));
          } catch (err) {
            reject(err);
          }
        });
      },
    );
    req.setTimeout(3000, () => req.destroy(new Error('timeout')));
    req.on('error', reject);
  });
}

/** CPU time (user + system, ms) a process has used so far (Linux /proc; null elsewhere). */
function cpuMs(pid) {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // clock ticks of 10 ms
  } catch {
    return null;
  }
}

/**
 * CPU time (ms) by pid of the PostgreSQL backends connected to the bench database (their process titles name
 * it; they live as long as the API's pool). Other databases' backends, which come and go, are left out.
 */
function postgresCpuMs() {
  const byPid = new Map();
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const title = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      if (!title.startsWith('postgres: ') || !title.includes(` ${DB} `)) continue;
      const ms = cpuMs(Number(pid));
      if (ms !== null) byPid.set(pid, ms);
    } catch {
      /* gone */
    }
  }
  return byPid;
}

/** The CPU time the backends of `before` (and any started since) used until `after`. */
const postgresCpuSince = (before, after) =>
  [...after].reduce((sum, [pid, ms]) => sum + ms - (before.get(pid) ?? 0), 0);

/**
 * `rate` requests a second for `duration` s, evenly paced (bench/paced-load.mjs: one request every 1000/rate
 * ms). With `burst`, autocannon's overallRate instead (each second's requests sent at its start, over 100
 * connections): the overload runs, where the point is a crowd arriving at once.
 */
/**
 * Waits until the API has worked off what an overloaded run left queued (requests the client gave up on are
 * still served, and their queries still wait for the pool): GET /v1/me, which takes a pool connection,
 * answers within 20 ms three times in a row (at most a minute), so no run starts behind the previous one's
 * backlog. (/health alone is not enough: it never waits for the pool.)
 */
async function idle(token) {
  const until = Date.now() + 60_000;
  let quick = 0;
  while (quick < 3 && Date.now() < until) {
    const t0 = performance.now();
    try {
      const res = await fetch(`http://127.0.0.1:${PORT}/v1/me`, {
        headers: { authorization: `Bearer ${token}` },
      });
      await res.arrayBuffer();
      quick = res.ok && performance.now() - t0 < 20 ? quick + 1 : 0;
    } catch {
      quick = 0;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function load(paths, tokens, rate, duration, { burst = false } = {}) {
  await idle(tokens[0]);
  if (!burst) {
    return pacedLoad({
      port: PORT,
      rate,
      duration,
      next: (i) => {
        const p = paths(i);
        return {
          path: p.path,
          headers: { authorization: `Bearer ${tokens[p.tenant ?? i % tokens.length]}` },
        };
      },
    });
  }
  let n = 0;
  return new Promise((resolve, reject) => {
    autocannon(
      {
        url: `http://127.0.0.1:${PORT}`,
        connections: 100,
        overallRate: rate,
        duration,
        timeout: 10,
        requests: [
          {
            setupRequest: (req) => {
              const i = n++;
              const p = paths(i);
              return {
                ...req,
                path: p.path,
                headers: {
                  ...req.headers,
                  authorization: `Bearer ${tokens[p.tenant ?? i % tokens.length]}`,
                },
              };
            },
          },
        ],
      },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
  });
}

const row = (name, r) => {
  // Which errors a run had (autocannon's burst runs have no codes): a reset connection is not a timeout.
  if (r.errorCodes && Object.keys(r.errorCodes).length)
    console.error(`${name}: errors ${JSON.stringify(r.errorCodes)}`);
  return {
    endpoint: name,
    rps: Math.round(r.requests.average),
    p50: r.latency.p50,
    p90: r.latency.p90,
    p99: r.latency.p99,
    max: r.latency.max,
    errors: r.errors + r.timeouts + r.non2xx,
    // Of those, answered with a status (503 when the pool had no connection in time) vs. timed out or failed.
    'non-2xx': r.non2xx,
  };
};

async function main() {
  if (!fs.existsSync('dist/apps/api/src/main.js')) throw new Error('run `npm run build` first');
  await seed();
  if (process.argv.includes('--seed-only')) return;
  const loadTenants = Math.min(LOAD_TENANTS, TENANTS);
  const tokens = await Promise.all(Array.from({ length: loadTenants }, (_, i) => tokenFor(i)));
  const bigToken = [await tokenFor(TENANTS)];
  // One contract id per load tenant, for GET by id.
  const ids = await (async () => {
    const c = new pg.Client({ connectionString: dbUrl() });
    await c.connect();
    const r = await c.query(
      `SELECT DISTINCT ON (tenant_id) tenant_id, id FROM contracts WHERE tenant_id = ANY($1::uuid[]) ORDER BY tenant_id, id`,
      [Array.from({ length: loadTenants }, (_, i) => tenantId(i))],
    );
    const plan = await c.query(
      `EXPLAIN SELECT id FROM contracts c WHERE c.tenant_id = $1 AND c.search @@ websearch_to_tsquery('english', 'indemnification')`,
      [tenantId(TENANTS)],
    );
    console.log('plan for a word in the big tenant (owner, as inside contract_search):');
    console.log(plan.rows.map((x) => '  ' + x['QUERY PLAN']).join('\n'));
    await c.end();
    return new Map(r.rows.map((x) => [x.tenant_id, x.id]));
  })();
  const endpoints = {
    'GET /health': () => ({ path: '/health' }),
    'GET /v1/me': () => ({ path: '/v1/me' }),
    'GET /v1/deadlines': () => ({ path: '/v1/deadlines' }),
    'GET /v1/contracts/:id': (i) => ({
      path: `/v1/contracts/${ids.get(tenantId(i % loadTenants))}`,
      tenant: i % loadTenants,
    }),
    'search rare word': () => ({ path: '/v1/contracts?q=nanotechnology' }),
    'search typo (Rubicn)': () => ({ path: '/v1/contracts?q=Rubicn' }),
    'filter renewsBefore': () => ({
      path: `/v1/contracts?renewsBefore=${new Date(Date.now() + 60 * 864e5).toISOString().slice(0, 10)}`,
    }),
    'GET /v1/contracts?limit=50': () => ({ path: '/v1/contracts?limit=50' }),
    // Last: the one endpoint that cannot keep up with RATE leaves a backlog (requests the client gave up on are
    // still served), and `idle` waits for it; the rows after it would otherwise start behind it.
    'search common word': () => ({ path: '/v1/contracts?q=indemnification' }),
  };
  const loadAvg = () =>
    os
      .loadavg()
      .map((x) => x.toFixed(2))
      .join(' ');
  /** The highest rate (of CEILING_RATES, STEP s each) with p99 < 50 ms and no errors. */
  const ceiling = async (paths) => {
    let best = 0;
    for (const rate of CEILING_RATES) {
      const r = await load(paths, tokens, rate, STEP);
      if (r.latency.p99 < 50 && r.errors + r.timeouts + r.non2xx === 0) best = rate;
      else break;
    }
    return best;
  };
  const report = {
    scale: '',
    cost: [],
    fixed: [],
    fixed2: [],
    ceilings: [],
    cluster: [],
    logging: [],
    pool: [],
  };

  /** The searches and the list in the tenant of BIG contracts at RATE (the common word last, as above). */
  async function bigTenantRows() {
    const rows = [];
    for (const name of [
      'search rare word',
      'search typo (Rubicn)',
      'GET /v1/contracts?limit=50',
      'search common word',
    ]) {
      const r = await load(endpoints[name], bigToken, RATE, DURATION);
      rows.push(row(`${name} (tenant of ${BIG}) @${RATE}`, r));
    }
    return rows;
  }

  let api = await startApi();
  if (BIG_ONLY) {
    try {
      await load(endpoints['search rare word'], bigToken, 50, 2);
      const rows = await bigTenantRows();
      console.log(
        `\n${TENANTS} tenants, ${CONTRACTS} contracts (+1 tenant of ${BIG}); the tenant of ${BIG} at ${RATE} rps for ${DURATION} s; load average ${loadAvg()}`,
      );
      console.table(rows);
    } finally {
      await api.stop();
    }
    return;
  }
  try {
    // Warm-up.
    await load(endpoints['GET /v1/contracts?limit=50'], tokens, 50, 2);
    // Cost per request: the API's and PostgreSQL's CPU time per request at a rate both keep up with.
    for (const [name, paths] of Object.entries(endpoints).filter(([n]) => ONLY.test(n))) {
      const [api0, pg0] = [cpuMs(api.pid), postgresCpuMs()];
      const r = await load(paths, tokens, COST_RATE, DURATION);
      const [api1, pg1] = [cpuMs(api.pid), postgresCpuMs()];
      report.cost.push({
        endpoint: `${name} @${COST_RATE}`,
        'API CPU ms/request': Number(((api1 - api0) / r.requests.total).toFixed(2)),
        'PostgreSQL CPU ms/request': Number(
          (postgresCpuSince(pg0, pg1) / r.requests.total).toFixed(2),
        ),
        p50: r.latency.p50,
        p99: r.latency.p99,
        errors: r.errors + r.timeouts + r.non2xx,
      });
    }
    console.log(`cost per request (one process); load average ${loadAvg()}`);
    console.table(report.cost);
    if (COST_ONLY) return;
    if (!TWO_ONLY) await oneProcess();
  } finally {
    await api.stop();
  }

  async function oneProcess() {
    for (const [name, paths] of Object.entries(endpoints)) {
      report.fixed.push(row(`${name} @${RATE}`, await load(paths, tokens, RATE, DURATION)));
    }
    report.fixed.push(...(await bigTenantRows()));
    report.scale = `${TENANTS} tenants, ${CONTRACTS} contracts (+1 tenant of ${BIG}); ${RATE} rps for ${DURATION} s over ${loadTenants} tenants; load average ${loadAvg()}`;
    console.log(`\n${report.scale}`);
    console.table(report.fixed);
    // The highest rate with p99 < 50 ms, per endpoint (steps of STEP seconds), one API process.
    for (const [name, paths] of Object.entries(endpoints)) {
      report.ceilings.push({
        endpoint: name,
        'highest rps with p99 < 50 ms': await ceiling(paths),
      });
    }
    console.log(`one API process; load average ${loadAvg()}`);
    console.table(report.ceilings);
  }

  // Two API processes (API_WORKERS=2, as `API_WORKERS=auto` starts on 2 cores): every endpoint at RATE, then
  // the ceilings of the CPU-bound endpoints.
  api = await startApi({ workers: 2 });
  try {
    await load(endpoints['GET /v1/contracts?limit=50'], tokens, 50, 2);
    for (const [name, paths] of Object.entries(endpoints).filter(([n]) => ONLY.test(n))) {
      report.fixed2.push(row(`${name} @${RATE}`, await load(paths, tokens, RATE, DURATION)));
    }
    console.log(`two API processes at ${RATE} rps; load average ${loadAvg()}`);
    console.table(report.fixed2);
    if (TWO_ONLY) return;
    for (const name of CPU_BOUND) {
      const one = report.ceilings.find((c) => c.endpoint === name)['highest rps with p99 < 50 ms'];
      const two = await ceiling(endpoints[name]);
      report.cluster.push({
        endpoint: name,
        '1 process': one,
        '2 processes': two,
        ratio: one ? Number((two / one).toFixed(2)) : null,
      });
    }
    console.log(`highest rps with p99 < 50 ms, 1 vs 2 API processes; load average ${loadAvg()}`);
    console.table(report.cluster);
  } finally {
    await api.stop();
  }

  // Logging: API CPU per request and latency with the access log (info) and without it (warn).
  const logRate = Math.min(RATE, 100);
  for (const level of ['warn', 'info']) {
    api = await startApi({ logLevel: level });
    try {
      await load(endpoints['GET /v1/me'], tokens, 50, 2);
      for (const name of ['GET /health', 'GET /v1/me', 'GET /v1/contracts/:id']) {
        const before = cpuMs(api.pid);
        const r = await load(endpoints[name], tokens, logRate, DURATION);
        const after = cpuMs(api.pid);
        report.logging.push({
          LOG_LEVEL: level,
          endpoint: `${name} @${logRate}`,
          'API CPU ms/request':
            before === null ? null : Number(((after - before) / r.requests.total).toFixed(2)),
          p50: r.latency.p50,
          p99: r.latency.p99,
          errors: r.errors + r.timeouts + r.non2xx,
        });
      }
    } finally {
      await api.stop();
    }
  }
  console.log(`access logging cost (one process); load average ${loadAvg()}`);
  console.table(report.logging);

  // The pool: the ceiling of the list and the common-word search, and an overload run (2x RATE) per size.
  for (const size of POOL_SIZES) {
    api = await startApi({ poolSize: size });
    try {
      await load(endpoints['GET /v1/contracts?limit=50'], tokens, 50, 2);
      const over = await load(endpoints['search common word'], tokens, RATE * 2, DURATION, {
        burst: true,
      });
      report.pool.push({
        DB_POOL_SIZE: size,
        'list: highest rps p99 < 50 ms': await ceiling(endpoints['GET /v1/contracts?limit=50']),
        'common word: highest rps p99 < 50 ms': await ceiling(endpoints['search common word']),
        [`common word @${RATE * 2}: p99`]: over.latency.p99,
        [`@${RATE * 2}: 503s`]: over.non2xx,
        [`@${RATE * 2}: errors + timeouts`]: over.errors + over.timeouts,
      });
    } finally {
      await api.stop();
    }
  }
  console.log(`pool sizes (one process); load average ${loadAvg()}`);
  console.table(report.pool);

  if (WRITE_DOCS) writeDocs(report);
}

const markdown = (rows) => {
  const keys = Object.keys(rows[0] ?? {});
  return [
    `| ${keys.join(' | ')} |`,
    `|${keys.map(() => '---').join('|')}|`,
    ...rows.map((r) => `| ${keys.map((k) => r[k] ?? '').join(' | ')} |`),
  ].join('\n');
};

/** Replaces the figures between the bench:api markers of docs/benchmarks.md (only with --write-docs). */
function writeDocs(report) {
  const file = 'docs/benchmarks.md';
  const begin = '<!-- bench:api:begin -->';
  const end = '<!-- bench:api:end -->';
  const doc = fs.readFileSync(file, 'utf8');
  const from = doc.indexOf(begin);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${file} has no ${begin} ... ${end} block`);
  const block = [
    begin,
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npm run bench:api${QUICK ? ' -- --quick' : ''}\` on ${os.cpus().length} cores: ${report.scale}.`,
    '',
    markdown(report.fixed),
    '',
    `Cost per request (one API process, ${COST_RATE} rps, CPU time from /proc: the API process, and the PostgreSQL backends of the bench database):`,
    '',
    markdown(report.cost),
    '',
    `Every endpoint at ${RATE} rps for ${DURATION} s with two API processes (\`API_WORKERS=2\`, what \`API_WORKERS=auto\` starts on 2 cores):`,
    '',
    markdown(report.fixed2),
    '',
    'Highest rate with p99 < 50 ms and no errors, one API process:',
    '',
    markdown(report.ceilings),
    '',
    'The CPU-bound endpoints with one and with two API processes (`API_WORKERS=2`):',
    '',
    markdown(report.cluster),
    '',
    'Access logging (one process): API CPU per request and latency with `LOG_LEVEL=info` (one access-log line',
    'per request) against `warn` (none):',
    '',
    markdown(report.logging),
    '',
    `Pool sizes (one process; the overload run is the common-word search at ${RATE * 2} rps):`,
    '',
    markdown(report.pool),
    end,
  ].join('\n');
  fs.writeFileSync(file, doc.slice(0, from) + block + doc.slice(to + end.length));
  console.log(`wrote the figures to ${file}`);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
