// `npm run bench:api`: the API at customer scale (issue 16). Seeds a database through SQL (tenants, users,
// contracts with real CUAD text, obligations, deadlines), starts the built API as its own process in production
// mode, and drives fixed-rate load (autocannon, overallRate) over many tenants' tokens.
//
// Full run (about 10 minutes, needs a quiet machine):   npm run bench:api
// Reduced (shared machine):  BENCH_TENANTS=100 BENCH_CONTRACTS=2000 BENCH_DURATION=5 npm run bench:api
// Env: BENCH_TENANTS (1000), BENCH_CONTRACTS (100000), BENCH_BIG_TENANT (5000 contracts in one tenant),
//      BENCH_RATE (200), BENCH_DURATION (30 s), BENCH_STEP_DURATION (5 s), BENCH_LOAD_TENANTS (50),
//      BENCH_KEEP_DB=1 reuses a seeded database of the same size, BENCH_PORT (3990).
import { spawn } from 'node:child_process';
import { createHmac, randomBytes, randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import pg from 'pg';
import { cuadDir } from './lib/datasets.mjs';

const env = (k, d) => Number(process.env[k] ?? d);
const TENANTS = env('BENCH_TENANTS', 1000);
const CONTRACTS = env('BENCH_CONTRACTS', 100000);
const BIG = env('BENCH_BIG_TENANT', 5000);
const RATE = env('BENCH_RATE', 200);
const DURATION = env('BENCH_DURATION', 30);
const STEP = env('BENCH_STEP_DURATION', 5);
const LOAD_TENANTS = env('BENCH_LOAD_TENANTS', 50);
const PORT = env('BENCH_PORT', 3990);
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

async function seed() {
  const exists = await admin(
    async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [DB])).rowCount,
  );
  if (exists && process.env.BENCH_KEEP_DB === '1') return;
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
  console.log(`\nseeded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
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

async function startApi() {
  const api = spawn(process.execPath, ['dist/apps/api/src/main.js'], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(PORT),
      DATABASE_URL: dbUrl(),
      JWT_SECRET,
      QUEUE_PREFIX: 'cbbench',
      LOG_LEVEL: process.env.BENCH_LOG_LEVEL ?? 'warn',
      APP_URL: `http://127.0.0.1:${PORT}`,
    },
    stdio: ['ignore', 'inherit', 'inherit'],
  });
  for (let i = 0; i < 100; i++) {
    await sleep(300);
    try {
      if ((await fetch(`http://127.0.0.1:${PORT}/health`)).ok) return api;
    } catch {
      /* not yet */
    }
  }
  api.kill();
  throw new Error('the API did not start');
}

function load(paths, tokens, rate, duration) {
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

const row = (name, r) => ({
  endpoint: name,
  rps: Math.round(r.requests.average),
  p50: r.latency.p50,
  p90: r.latency.p90,
  p99: r.latency.p99,
  max: r.latency.max,
  errors: r.errors + r.timeouts + r.non2xx,
});

async function main() {
  if (!fs.existsSync('dist/apps/api/src/main.js')) throw new Error('run `npm run build` first');
  await seed();
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
    'search common word': () => ({ path: '/v1/contracts?q=indemnification' }),
    'search typo (Rubicn)': () => ({ path: '/v1/contracts?q=Rubicn' }),
    'filter renewsBefore': () => ({
      path: `/v1/contracts?renewsBefore=${new Date(Date.now() + 60 * 864e5).toISOString().slice(0, 10)}`,
    }),
    'GET /v1/contracts?limit=50': () => ({ path: '/v1/contracts?limit=50' }),
  };
  const api = await startApi();
  try {
    // Warm-up.
    await load(endpoints['GET /v1/contracts?limit=50'], tokens, 50, 2);
    const results = [];
    for (const [name, paths] of Object.entries(endpoints)) {
      results.push(row(`${name} @${RATE}`, await load(paths, tokens, RATE, DURATION)));
    }
    for (const name of ['search common word', 'search rare word', 'GET /v1/contracts?limit=50']) {
      results.push(
        row(
          `${name} (tenant of ${BIG}) @${RATE}`,
          await load(endpoints[name], bigToken, RATE, DURATION),
        ),
      );
    }
    const load1 = os.loadavg()[0].toFixed(2);
    console.log(
      `\n${TENANTS} tenants, ${CONTRACTS} contracts (+1 tenant of ${BIG}); ${RATE} rps for ${DURATION} s over ${loadTenants} tenants; load average ${load1}`,
    );
    console.table(results);
    // The highest rate with p99 < 50 ms, per endpoint (steps of STEP seconds).
    const ceilings = [];
    for (const [name, paths] of Object.entries(endpoints)) {
      let best = 0;
      for (const rate of [50, 100, 150, 200, 300, 400, 600, 800, 1200]) {
        const r = await load(paths, tokens, rate, STEP);
        if (r.latency.p99 < 50 && r.errors + r.timeouts + r.non2xx === 0) best = rate;
        else break;
      }
      ceilings.push({ endpoint: name, 'highest rps with p99 < 50 ms': best });
    }
    console.log(
      `load average ${os
        .loadavg()
        .map((x) => x.toFixed(2))
        .join(' ')}`,
    );
    console.table(ceilings);
  } finally {
    api.kill('SIGTERM');
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
