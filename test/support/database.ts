import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';

export const PG_ADMIN_URL =
  process.env.TEST_DATABASE_ADMIN_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const APP_ROLE = 'contract_bank_app';

/** The template's name changes whenever a migration changes, so a stale template is never used. */
export function templateName(): string {
  const dir = path.resolve(__dirname, '../../migrations');
  const hash = createHash('sha256');
  for (const f of fs.readdirSync(dir).sort())
    hash.update(f).update(fs.readFileSync(path.join(dir, f)));
  return `cb_tpl_${hash.digest('hex').slice(0, 12)}`;
}

export function urlFor(db: string, user = 'postgres'): string {
  const u = new URL(PG_ADMIN_URL);
  u.pathname = `/${db}`;
  u.username = user;
  u.password = '';
  return u.toString();
}

export async function withAdmin<T>(fn: (c: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  /** Owner connection (migrations, system jobs). */
  url: string;
  /** The application role, subject to row-level security. */
  appUrl: string;
  drop(): Promise<void>;
}

/** A fresh database cloned from the migrated template (fast: a file copy inside PostgreSQL). */
export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `cb_test_${randomBytes(6).toString('hex')}`;
  const template = templateName();
  await withAdmin(async (c) => {
    for (let attempt = 0; ; attempt++) {
      try {
        await c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
        return;
      } catch (err) {
        // Another file may be cloning the template this very moment ("being accessed by other users").
        if (attempt < 20 && /being accessed/.test(String((err as Error).message))) {
          await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
          continue;
        }
        throw err;
      }
    }
  });
  return {
    name,
    url: urlFor(name),
    appUrl: urlFor(name, APP_ROLE),
    drop: () =>
      withAdmin(async (c) => void (await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))),
  };
}

/** One query on its own connection (e.g. the owner URL, to set up or inspect state behind the API). */
export async function queryOnce<T = Record<string, unknown>>(
  url: string,
  text: string,
  params: unknown[] = [],
): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/**
 * Inserts `count` parsed contracts of the tenant straight into the database (as the owner), with no word a
 * search test looks for, then ANALYZEs the table: a tenant big enough that the planner plans as at scale.
 */
export async function insertFillerContracts(
  client: Pick<Client, 'query'>,
  tenantId: string,
  count: number,
): Promise<void> {
  await client.query(
    `INSERT INTO contracts (id, tenant_id, title, status, file_name, file_size, file_sha256, media_type,
       storage_key, text, language)
     SELECT gen_random_uuid(), $1, 'Filler ' || g, 'parsed', 'f.txt', 1, md5(g::text), 'text/plain', 'k',
       'Nothing to see in contract number ' || g, 'en' FROM generate_series(1, $2::int) g`,
    [tenantId, count],
  );
  await client.query('ANALYZE contracts');
}
