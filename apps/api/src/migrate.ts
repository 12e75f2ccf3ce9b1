import 'reflect-metadata';
import { ConfigError, loadConfig, maskUrl } from '@cb/config';
import { runMigrations } from '@cb/persistence';

/** `npm run migrate`: applies pending migrations to DATABASE_URL as its owner role. */
async function main(): Promise<void> {
  const config = loadConfig();
  const applied = await runMigrations(config.databaseUrl, {
    jwtSecret: config.jwtSecret,
  });
  // eslint-disable-next-line no-console -- a command-line tool's own output
  console.log(
    applied.length
      ? `Applied ${applied.join(', ')} to ${maskUrl(config.databaseUrl)}`
      : 'The database is up to date',
  );
}

main().catch((err: unknown) => {
  process.stderr.write(
    `${err instanceof ConfigError ? err.message : String((err as Error).stack ?? err)}\n`,
  );
  process.exit(1);
});
