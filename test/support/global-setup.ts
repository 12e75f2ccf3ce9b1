import 'tsconfig-paths/register';
import { runMigrations } from '../../libs/persistence/src/migrate';
import { templateName, urlFor, withAdmin } from './database';

/** Migrates a template database once per migration set; each test file clones it. */
export default async function globalSetup(): Promise<void> {
  const template = templateName();
  const exists = await withAdmin(async (c) => (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [template])).rowCount);
  if (exists) return;
  const building = `${template}_build_${process.pid}`;
  await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${building}`));
  await runMigrations(urlFor(building));
  await withAdmin(async (c) => {
    try {
      await c.query(`ALTER DATABASE ${building} RENAME TO ${template}`);
    } catch {
      // A concurrent run built it first.
      await c.query(`DROP DATABASE IF EXISTS ${building}`);
    }
  });
}
