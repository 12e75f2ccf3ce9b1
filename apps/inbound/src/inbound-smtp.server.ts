import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { InboxAddresses, ReceiveEmail } from '@cb/application';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { simpleParser } from 'mailparser';
import { SMTPServer, type SMTPServerSession } from 'smtp-server';

/** An SMTP reply with its code (smtp-server sends `responseCode` and the message). */
function smtpError(code: number, message: string): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/**
 * The SMTP server of e-mail-in. RCPT TO is accepted only for a live tenant inbox address (one company per
 * message); DATA is parsed with mailparser and handed to ReceiveEmail, which makes contracts of the PDF, DOCX
 * and TXT attachments of a user of that company and replies to them. Mail from anyone else is refused with
 * 550 (their own mail system tells them), so nothing is created and we send no backscatter. Stateless.
 */
@Injectable()
export class InboundSmtpServer implements OnApplicationShutdown {
  private readonly logger = new Logger('InboundSmtp');
  private readonly tenants = new Map<string, string>();
  private server: SMTPServer | null = null;

  constructor(
    @Inject(InboxAddresses) private readonly addresses: InboxAddresses,
    @Inject(ReceiveEmail) private readonly receive: ReceiveEmail,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** A message may carry a few attachments of the upload size limit (base64 adds a third). */
  private get maxMessageBytes(): number {
    return Math.ceil(this.config.maxUploadBytes * 1.4) * 4 + 1024 * 1024;
  }

  async listen(port = this.config.inboundSmtpPort, host = '0.0.0.0'): Promise<number> {
    const server = new SMTPServer({
      name: this.config.inboundDomain,
      banner: 'Contract Bank e-mail-in',
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      size: this.maxMessageBytes,
      logger: false,
      onRcptTo: (address, session, cb) => {
        this.onRcpt(address.address, session).then(
          () => cb(),
          (err: Error) => cb(err),
        );
      },
      onData: (stream, session, cb) => {
        this.onData(stream as Readable & { sizeExceeded?: boolean }, session).then(
          (message) => cb(null, message),
          (err: Error) => cb(err),
        );
      },
      onClose: (session) => {
        this.tenants.delete(session.id);
      },
    });
    server.on('error', (err) => this.logger.error({ err }, 'SMTP server error'));
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(port, host, () => resolve());
    });
    const bound = (server.server.address() as AddressInfo).port;
    this.logger.log({ port: bound, domain: this.config.inboundDomain }, 'E-mail-in listening');
    return bound;
  }

  private async onRcpt(recipient: string, session: SMTPServerSession): Promise<void> {
    const tenantId = await this.addresses.tenantOf(recipient);
    if (!tenantId) throw smtpError(550, '5.1.1 No such mailbox here');
    const known = this.tenants.get(session.id);
    if (known && known !== tenantId)
      throw smtpError(452, '4.5.3 One company per message: send it again to this address alone');
    this.tenants.set(session.id, tenantId);
  }

  private async onData(
    stream: Readable & { sizeExceeded?: boolean },
    session: SMTPServerSession,
  ): Promise<string> {
    const parsed = await simpleParser(stream);
    if (stream.sizeExceeded) throw smtpError(552, '5.3.4 The message is larger than we accept');
    const tenantId = this.tenants.get(session.id);
    if (!tenantId) throw smtpError(503, '5.5.1 No valid recipient');
    const envelope = session.envelope.mailFrom;
    const sender = (envelope && envelope.address) || parsed.from?.value[0]?.address || '';
    const result = await this.receive.execute({
      tenantId,
      sender,
      subject: parsed.subject ?? null,
      // Inline images of a signature or a logo are part of the message, not documents.
      attachments: parsed.attachments
        .filter((a) => !a.related)
        .map((a) => ({ fileName: a.filename ?? null, content: a.content })),
    });
    if (!result.accepted) throw smtpError(550, `5.7.1 Not accepted: ${result.reason}`);
    return `OK: ${result.items.filter((i) => i.outcome === 'created').length} contract(s) created`;
  }

  async close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }
}
