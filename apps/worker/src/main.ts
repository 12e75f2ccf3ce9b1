import 'reflect-metadata';
import { loadConfigOrExit } from '@cb/config';
import { createWorkerApp } from './worker.factory';

async function bootstrap(): Promise<void> {
  await createWorkerApp(loadConfigOrExit());
  // eslint-disable-next-line no-console -- one human line at start, beside the JSON logs
  console.log('Contract Bank worker started');
}

void bootstrap();
