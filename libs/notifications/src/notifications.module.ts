import { Inject, Logger, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { LogMailer } from './log.mailer';
import { MAILER, type Mailer } from './mailer.port';
import { SmtpMailer } from './smtp.mailer';

/** Provides MAILER: SMTP when SMTP_URL is set, otherwise the log. */
@Module({
  providers: [
    {
      provide: MAILER,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): Mailer =>
        config.smtpUrl
          ? new SmtpMailer(config.smtpUrl, config.mailFrom)
          : new LogMailer(new Logger('Mail')),
    },
  ],
  exports: [MAILER],
})
export class NotificationsModule implements OnApplicationShutdown {
  constructor(@Inject(MAILER) private readonly mailer: Mailer) {}

  onApplicationShutdown(): void {
    if (this.mailer instanceof SmtpMailer) this.mailer.close();
  }
}
