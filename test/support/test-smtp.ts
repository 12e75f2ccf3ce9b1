import type { AddressInfo } from 'node:net';
import { simpleParser, type ParsedMail } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** A real SMTP server in the test process; every message that arrives is parsed. */
export class TestSmtp {
  readonly received: ParsedMail[] = [];
  /** Recipients the server refuses with 550 (a permanent failure). */
  readonly reject = new Set<string>();
  /** When set, called as DATA arrives; the server answers only when it resolves (with an SMTP error code, or null to accept). */
  onData: ((to: string) => Promise<number | null>) | null = null;
  private server: SMTPServer;
  port = 0;

  async start(): Promise<void> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      logger: false,
      onRcptTo: (address, _session, cb) => {
        if (this.reject.has(address.address.toLowerCase())) {
          const err = new Error('mailbox unavailable') as Error & { responseCode: number };
          err.responseCode = 550;
          return cb(err);
        }
        cb();
      },
      onData: (stream, session, cb) => {
        simpleParser(stream)
          .then(async (mail) => {
            const code = this.onData
              ? await this.onData(session.envelope.rcptTo[0]?.address ?? '')
              : null;
            if (code) {
              const err = new Error('try again later') as Error & { responseCode: number };
              err.responseCode = code;
              return cb(err);
            }
            this.received.push(mail);
            cb();
          })
          .catch(cb);
      },
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.server.address() as AddressInfo).port;
  }

  to(address: string): ParsedMail[] {
    return this.received.filter((m) => {
      const to = Array.isArray(m.to) ? m.to : m.to ? [m.to] : [];
      return to.some((t) =>
        t.value.some((v) => v.address?.toLowerCase() === address.toLowerCase()),
      );
    });
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
