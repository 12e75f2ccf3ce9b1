import { setMigrationSecrets } from '@cb/migrations';
import { Client } from 'pg';
import { createDataSource } from './data-source.factory';

/** Creates the database when it does not exist yet (the owner connects to `postgres` for that). */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const dbName = decodeURIComponent(target.pathname.replace(/^\//, ''));
  const admin = new URL(url);
  admin.pathname = '/postgres';
  const client = new Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
      dbName,
    ]);
    if (!rowCount) await client.query(`CREATE DATABASE "${dbName.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}

/**
 * Applies pending migrations as the owner role; returns the names applied. `jwtSecret` is needed by data
 * migrations that seal secrets (EncryptTotpSecrets) when there is data to seal.
 */
export async function runMigrations(
  url: string,
  secrets: { jwtSecret?: string } = {},
): Promise<string[]> {
  await ensureDatabase(url);
  setMigrationSecrets(secrets);
  const ds = createDataSource({ url, poolSize: 1, applicationName: 'contract-bank-migrate' });
  await ds.initialize();
  try {
    const applied = await ds.runMigrations({ transaction: 'each' });
    return applied.map((m) => m.name);
  } finally {
    await ds.destroy();
  }
}
