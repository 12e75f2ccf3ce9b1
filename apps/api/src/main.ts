import 'reflect-metadata';
import cluster from 'node:cluster';
import pino from 'pino';
import { installProcessGuards, loadConfigOrExit, maskUrl } from '@cb/config';
import { runApiCluster } from './api-cluster';
import { createApiApp } from './app.factory';

async function bootstrap(): Promise<void> {
  const logger = pino({ name: 'api' });
  installProcessGuards('api', logger);
  const config = loadConfigOrExit();
  if (cluster.isPrimary && config.apiWorkers > 1) {
    // API_WORKERS > 1: this process only supervises the API processes, which share the port.
    runApiCluster({ workers: config.apiWorkers, logger });
    // eslint-disable-next-line no-console -- one human line at start, beside the JSON logs
    console.log(
      `Contract Bank API on ${config.appUrl} with ${config.apiWorkers} processes (database ${maskUrl(config.appDatabaseUrl)})`,
    );
    return;
  }
  const app = await createApiApp(config);
  await app.listen(config.port);
  if (cluster.isWorker) return;
  // eslint-disable-next-line no-console -- one human line at start, beside the JSON logs
  console.log(`Contract Bank API on ${config.appUrl} (database ${maskUrl(config.appDatabaseUrl)})`);
}

bootstrap().catch((err: unknown) => {
  // A process that cannot start exits, so that its supervisor restarts it with backoff.
  // eslint-disable-next-line no-console -- before the logger exists
  console.error('Contract Bank api could not start:', err);
  process.exit(1);
});
