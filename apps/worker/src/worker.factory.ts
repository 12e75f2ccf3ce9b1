import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { AppConfig } from '@cb/config';
import { Logger } from 'nestjs-pino';
import { WorkerModule, type WorkerOptions } from './worker.module';

export async function createWorkerApp(
  config: AppConfig,
  options: WorkerOptions = {},
): Promise<INestApplicationContext> {
  const app = await NestFactory.createApplicationContext(WorkerModule.forRoot(config, options), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  return app;
}
