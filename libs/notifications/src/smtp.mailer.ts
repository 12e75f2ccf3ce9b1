import nodemailer, { type Transporter } from 'nodemailer';
import { MailSendError, type MailMessage, type Mailer } from './mailer.port';

/** Sends through an SMTP server (SMTP_URL). SMTP 5xx replies are permanent; everything else may be retried. */
export class SmtpMailer implements Mailer {
  private readonly transport: Transporter;

  constructor(
    smtpUrl: string,
    private readonly from: string,
  ) {
    this.transport = nodemailer.createTransport(smtpUrl, {
      // Bounded, so a hung server cannot hold an alert's row lock for long.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    });
  }

  async send(message: MailMessage): Promise<void> {
    try {
      await this.transport.sendMail({
        from: this.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: message.messageId,
      });
    } catch (err) {
      const e = err as { responseCode?: number; message?: string };
      const code = typeof e.responseCode === 'number' ? e.responseCode : null;
      throw new MailSendError(
        code
          ? `SMTP ${code}: ${e.message ?? 'rejected'}`
          : `SMTP error: ${e.message ?? String(err)}`,
        code !== null && code >= 500,
      );
    }
  }

  close(): void {
    this.transport.close();
  }
}
