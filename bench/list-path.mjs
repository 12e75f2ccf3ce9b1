// `npm run bench:list-path`: the CPU one API process spends on a contract list page outside HTTP: the ListContracts
// use case (the page query and its hydration), the mapping to the API's summaries and JSON.stringify, called in a
// loop in this process against the database bench:api seeds (run `npm run bench:api -- --seed-only` first, or
// BENCH_KEEP_DB=1 with a kept one). Steadier than a figure taken over HTTP on a shared 2-core machine (run it
// twice, old and new build in turn: runs differ by about 10 %, HTTP runs by 15-30 %), so it shows what a change to
// that path is worth.
//
// Env: BENCH_TENANTS, BENCH_CONTRACTS, BENCH_BIG_TENANT (which seeded database: bench:api's defaults),
// BENCH_CALLS (2000 per query), BENCH_ADMIN_URL.
import { createRequire } from 'node:module';
import path from 'node:path';
import pg from 'pg';

const require = createRequire(import.meta.url);
require('reflect-metadata');
const dist = path.resolve('dist');
const persistence = require(`${dist}/libs/persistence/src/index.js`);
const application = require(`${dist}/libs/application/src/index.js`);
const mapper = require(`${dist}/apps/api/src/contracts/contracts.mapper.js`);

const env = (k, d) => Number(process.env[k] ?? d);
const DB = `cb_bench_api_${env('BENCH_TENANTS', 1000)}_${env('BENCH_CONTRACTS', 100000)}_${env('BENCH_BIG_TENANT', 5000)}`;
const CALLS = env('BENCH_CALLS', 2000);
const url = (user) => {
  const u = new URL(process.env.BENCH_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  u.pathname = `/${DB}`;
  u.username = user;
  return u.toString();
};

const admin = new pg.Client({ connectionString: url('postgres') });
await admin.connect();
// The tenants the load of bench:api is spread over (100 contracts each), not the big one.
const { rows } = await admin.query(
  'SELECT tenant_id FROM contracts GROUP BY 1 HAVING count(*) < 1000 ORDER BY 1 LIMIT 50',
);
await admin.end();
const tenants = rows.map((r) => r.tenant_id);
if (tenants.length === 0)
  throw new Error(`${DB} has no contracts: seed it with bench:api --seed-only`);

const dataSource = await persistence
  .createDataSource({ url: url('contract_bank_app') })
  .initialize();
const db = new persistence.TenantDb(dataSource);
const list = new application.ListContracts(
  new persistence.ContractsRepository(db),
  new persistence.DecisionsRepository(db),
);
const parts = mapper.listParts(undefined);
const caller = '00000000-0000-4000-8000-000000000000';

const results = [];
for (const [name, query] of [
  ['list of 50', { limit: 50 }],
  ['search rare word', { q: 'nanotechnology' }],
  ['search common word', { q: 'indemnification' }],
]) {
  const once = async (i) => {
    const page = await list.execute(tenants[i % tenants.length], query, caller, parts);
    return JSON.stringify(mapper.toContractList(page, parts)).length;
  };
  for (let i = 0; i < 200; i++) await once(i); // warm-up
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  let bytes = 0;
  for (let i = 0; i < CALLS; i++) bytes += await once(i);
  const cpu = process.cpuUsage(cpu0);
  results.push({
    query: name,
    'API CPU ms/page': Number(((cpu.user + cpu.system) / 1000 / CALLS).toFixed(2)),
    'wall ms/page': Number(((performance.now() - t0) / CALLS).toFixed(2)),
    'KB/page': Number((bytes / CALLS / 1024).toFixed(1)),
  });
}
await dataSource.destroy();
console.log(`list path in one process, ${CALLS} calls each (${DB}):`);
console.table(results);
