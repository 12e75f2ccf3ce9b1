import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on a random port that keeps every message it receives (parsed), for e-mail tests. */
export interface SmtpCapture {
  url: string;
  received: ParsedMail[];
  /** The messages sent to one address. */
  to(email: string): ParsedMail[];
  /** Waits for a message to `to` (and matching `subject`, if given) among those after the first `since`. */
  waitFor(
    to: string,
    options?: { subject?: RegExp; since?: number; timeoutMs?: number },
  ): Promise<ParsedMail>;
  close(): Promise<void>;
}

const recipients = (m: ParsedMail): string[] => {
  const to = Array.isArray(m.to) ? m.to : m.to ? [m.to] : [];
  return to.flatMap((a) => a.value.map((v) => (v.address ?? '').toLowerCase()));
};

export async function startSmtpCapture(): Promise<SmtpCapture> {
  const received: ParsedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    onData(stream, _session, callback) {
      simpleParser(stream).then((mail) => {
        received.push(mail);
        callback();
      }, callback);
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`,
    received,
    to: (email) => received.filter((m) => (m.to as { text: string } | undefined)?.text === email),
    async waitFor(to, { subject, since = 0, timeoutMs = 15_000 } = {}) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const found = received
          .slice(since)
          .find(
            (m) =>
              recipients(m).includes(to.toLowerCase()) &&
              (!subject || subject.test(m.subject ?? '')),
          );
        if (found) return found;
        if (Date.now() > deadline) throw new Error(`no e-mail to ${to} within ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 100));
      }
    },
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}
