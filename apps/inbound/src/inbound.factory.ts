import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import type { AppConfig } from '@cb/config';
import { Logger } from 'nestjs-pino';
import { InboundModule } from './inbound.module';
import { InboundSmtpServer } from './inbound-smtp.server';

export interface InboundApp {
  app: INestApplicationContext;
  /** The port the SMTP server listens on (INBOUND_SMTP_PORT, or a free one when it is 0). */
  port: number;
  close(): Promise<void>;
}

export async function createInboundApp(
  config: AppConfig,
  options: { host?: string } = {},
): Promise<InboundApp> {
  const app = await NestFactory.createApplicationContext(InboundModule.forRoot(config), {
    bufferLogs: true,
  });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  const port = await app.get(InboundSmtpServer).listen(config.inboundSmtpPort, options.host);
  return { app, port, close: () => app.close() };
}
