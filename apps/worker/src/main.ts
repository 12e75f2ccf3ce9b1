import 'reflect-metadata';
import pino from 'pino';
import { installProcessGuards, loadConfigOrExit } from '@cb/config';
import { createWorkerApp } from './worker.factory';

async function bootstrap(): Promise<void> {
  installProcessGuards('worker', pino({ name: 'worker' }));
  await createWorkerApp(loadConfigOrExit());
  // eslint-disable-next-line no-console -- one human line at start, beside the JSON logs
  console.log('Contract Bank worker started');
}

bootstrap().catch((err: unknown) => {
  // A process that cannot start exits, so that its supervisor restarts it with backoff.
  // eslint-disable-next-line no-console -- before the logger exists
  console.error('Contract Bank worker could not start:', err);
  process.exit(1);
});
