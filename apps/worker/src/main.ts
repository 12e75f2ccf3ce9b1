import 'reflect-metadata';
import { ConfigError, loadConfig } from '@cb/config';
import { createWorkerApp } from './worker.factory';

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
  await createWorkerApp(config);
  // eslint-disable-next-line no-console -- one human line at start, beside the JSON logs
  console.log('Contract Bank worker started');
}

void bootstrap();
