import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server on a random port that keeps every message it receives (parsed), for e-mail tests. */
export async function startSmtpCapture(): Promise<{
  url: string;
  received: ParsedMail[];
  /** The messages sent to one address. */
  to(email: string): ParsedMail[];
  close(): Promise<void>;
}> {
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
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}
