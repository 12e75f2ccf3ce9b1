import 'reflect-metadata';
import pino from 'pino';
import { installProcessGuards, loadConfigOrExit } from '@cb/config';
import { createInboundApp } from './inbound.factory';

async function bootstrap(): Promise<void> {
  installProcessGuards('inbound', pino({ name: 'inbound' }));
  const { port } = await createInboundApp(loadConfigOrExit());
  // eslint-disable-next-line no-console -- one human line at start, beside the JSON logs
  console.log(`Contract Bank e-mail-in listening on port ${port}`);
}

bootstrap().catch((err: unknown) => {
  // A process that cannot start exits, so that its supervisor restarts it with backoff.
  // eslint-disable-next-line no-console -- before the logger exists
  console.error('Contract Bank e-mail-in could not start:', err);
  process.exit(1);
});
