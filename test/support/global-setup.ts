import 'tsconfig-paths/register';
import { runMigrations } from '../../libs/persistence/src/migrate';
import { templateName, urlFor, withAdmin } from './database';

/** Migrates a template database once per migration set; each test file clones it. */
export default async function globalSetup(): Promise<void> {
  const template = templateName();
  const exists = async () =>
    !!(await withAdmin(
      async (c) =>
        (await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [template])).rowCount,
    ));
  if (!(await exists())) {
    const building = `${template}_build_${process.pid}`;
    await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${building}`));
    await runMigrations(urlFor(building));
    try {
      await withAdmin((c) => c.query(`ALTER DATABASE ${building} RENAME TO ${template}`));
    } catch (err) {
      await withAdmin((c) => c.query(`DROP DATABASE IF EXISTS ${building}`));
      if (!(await exists())) throw err; // not a concurrent run that built it first
    }
  }
}
