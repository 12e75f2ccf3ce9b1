import 'reflect-metadata';
import cluster from 'node:cluster';
import type { Server } from 'node:http';
import pino from 'pino';
import { installProcessGuards, loadConfigOrExit, maskUrl } from '@cb/config';
import { runApiCluster } from './api-cluster';
import { createApiApp } from './app.factory';

/**
 * How long an idle kept-alive connection stays open: longer than the idle timeout of the load balancers in front
 * (AWS ALB and nginx's upstream keep-alive: 60 s), so that the balancer, not the API, closes an idle connection.
 * With Node's default of 5 s the API closes connections that the balancer (or a partner's pooled client) may be
 * sending the next request on at that moment: a reset connection, a 502 at the balancer.
 */
const KEEP_ALIVE_TIMEOUT_MS = 65_000;

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
  const server = app.getHttpServer() as Server;
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  // Bounds how long a client may take to send a request's headers (Node's default, 60 s, is below the above).
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1000;
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
