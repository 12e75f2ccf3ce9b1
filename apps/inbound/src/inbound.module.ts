import { Module, type DynamicModule } from '@nestjs/common';
import { ApplicationModule } from '@cb/application';
import { AppConfigModule, type AppConfig } from '@cb/config';
import { LoggerModule } from 'nestjs-pino';
import { InboundSmtpServer } from './inbound-smtp.server';

/** E-mail-in: our SMTP server over the application layer's ReceiveEmail (no queue, no state of its own). */
@Module({})
export class InboundModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: InboundModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: { name: 'inbound', level: config.logLevel } }),
        ApplicationModule,
      ],
      providers: [InboundSmtpServer],
    };
  }
}
