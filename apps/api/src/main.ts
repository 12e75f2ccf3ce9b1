import 'reflect-metadata';
import pino from 'pino';
import { installProcessGuards, loadConfigOrExit, maskUrl } from '@cb/config';
import { createApiApp } from './app.factory';

async function bootstrap(): Promise<void> {
  installProcessGuards('api', pino({ name: 'api' }));
  const config = loadConfigOrExit();
  const app = await createApiApp(config);
  await app.listen(config.port);
  // eslint-disable-next-line no-console -- one human line at start, beside the JSON logs
  console.log(`Contract Bank API on ${config.appUrl} (database ${maskUrl(config.appDatabaseUrl)})`);
}

bootstrap().catch((err: unknown) => {
  // A process that cannot start exits, so that its supervisor restarts it with backoff.
  // eslint-disable-next-line no-console -- before the logger exists
  console.error('Contract Bank api could not start:', err);
  process.exit(1);
});
