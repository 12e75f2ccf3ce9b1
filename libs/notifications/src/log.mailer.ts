import type { MailMessage, Mailer } from './mailer.port';

export interface MailLog {
  log(message: unknown, context?: string): void;
}

/** Without SMTP_URL (development), e-mails are written to the log instead of sent. */
export class LogMailer implements Mailer {
  constructor(private readonly logger: MailLog) {}

  async send(message: MailMessage): Promise<void> {
    this.logger.log(
      {
        mail: {
          to: message.to,
          subject: message.subject,
          messageId: message.messageId,
          text: message.text,
        },
      },
      'LogMailer',
    );
  }
}
