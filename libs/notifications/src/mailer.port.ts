/** An e-mail to send. `messageId` is stable per alert, so a receiving system can spot a duplicate. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  messageId?: string;
}

/** Sends e-mail. Throws MailSendError; `permanent` means retrying cannot help (e.g. 550 no such mailbox). */
export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export const MAILER = Symbol('MAILER');

export class MailSendError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
  ) {
    super(message);
  }
}
