/** An e-mail as LogMailer writes it to the log when no SMTP server is configured. */
export interface LoggedMail {
  to: string;
  subject: string;
  text: string;
}

/** The e-mails to `to` in the calls a spy on Logger.prototype.log saw, oldest first. */
export function mailsFromLog(spy: jest.SpyInstance, to: string): LoggedMail[] {
  return spy.mock.calls
    .map((call: unknown[]) => (call[0] as { mail?: LoggedMail } | undefined)?.mail)
    .filter((m): m is LoggedMail => m?.to === to);
}

/** The token of the newest invitation link e-mailed to `to`. */
export function invitationTokenFromLog(spy: jest.SpyInstance, to: string): string {
  for (const mail of mailsFromLog(spy, to).reverse()) {
    const m = /accept-invite\?token=(\S+)/.exec(mail.text);
    if (m) return decodeURIComponent(m[1]);
  }
  throw new Error(`no invitation e-mail to ${to} in the log`);
}
