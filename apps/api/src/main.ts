import 'reflect-metadata';
import { ConfigError, loadConfig, maskUrl } from '@cb/config';
import { createApiApp } from './app.factory';

async function bootstrap(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78);
    }
    throw err;
  }
  const app = await createApiApp(config);
  await app.listen(config.port);
  app.getHttpAdapter();
  // eslint-disable-next-line no-console -- one human line at start, beside the JSON logs
  console.log(`Contract Bank API on ${config.appUrl} (database ${maskUrl(config.appDatabaseUrl)})`);
}

void bootstrap();
