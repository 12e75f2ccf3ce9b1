import 'reflect-metadata';
import { loadConfigOrExit, maskUrl } from '@cb/config';
import { createApiApp } from './app.factory';

async function bootstrap(): Promise<void> {
  const config = loadConfigOrExit();
  const app = await createApiApp(config);
  await app.listen(config.port);
  // eslint-disable-next-line no-console -- one human line at start, beside the JSON logs
  console.log(`Contract Bank API on ${config.appUrl} (database ${maskUrl(config.appDatabaseUrl)})`);
}

void bootstrap();
