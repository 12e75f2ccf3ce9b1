import { Logger } from '@nestjs/common';
import {
  DEFAULT_ALERT_LANGUAGE,
  DomainError,
  DuplicateError,
  can,
  isRole,
  type StoragePort,
} from '@cb/domain';
import { inboundReplyMail, type InboundReplyItem, type Mailer } from '@cb/notifications';
import type { AlertSettingsRepository, UsersRepository } from '@cb/persistence';
import type { PlanLimits } from '../subscription/plan-limits.service';
import type { UploadContract } from '../contract/upload-contract.use-case';

export interface InboundAttachment {
  fileName: string | null;
  content: Buffer;
}

export interface ReceiveEmailCommand {
  tenantId: string;
  /** The envelope sender (MAIL FROM), else the From header. */
  sender: string;
  subject: string | null;
  attachments: readonly InboundAttachment[];
}

export type ReceiveEmailResult =
  { accepted: false; reason: string } | { accepted: true; items: InboundReplyItem[] };

export interface ReceiveEmailSettings {
  appUrl: string;
  maxUploadBytes: number;
}

async function* once(buffer: Buffer): AsyncIterable<Uint8Array> {
  yield buffer;
}

/**
 * Mail to a tenant's inbox address: only from a user of that tenant who may add contracts (anyone else
 * creates nothing; the SMTP server refuses the message), each attachment becomes a contract tagged `email`
 * through the same upload as the API (type by bytes, size limit, duplicates, plan limit), and the sender gets
 * a reply listing what was created or refused. Stateless: any number of SMTP servers can run it.
 */
export class ReceiveEmail {
  private readonly logger = new Logger(ReceiveEmail.name);

  constructor(
    private readonly users: UsersRepository,
    private readonly storage: StoragePort,
    private readonly upload: UploadContract,
    private readonly limits: PlanLimits,
    private readonly mailer: Mailer,
    private readonly settings: ReceiveEmailSettings,
    private readonly alertSettings: AlertSettingsRepository,
  ) {}

  async execute(cmd: ReceiveEmailCommand): Promise<ReceiveEmailResult> {
    const { tenantId } = cmd;
    const email = cmd.sender.trim().toLowerCase();
    const user = email ? await this.users.findOne(tenantId, { email }) : null;
    if (!user) return { accepted: false, reason: 'the sender is not a user of this company' };
    if (!isRole(user.role) || !can(user.role, 'contracts:write'))
      return { accepted: false, reason: 'the sender may not add contracts (read-only role)' };
    try {
      await this.limits.assertCanWrite(tenantId);
    } catch (err) {
      if (err instanceof DomainError) return { accepted: false, reason: err.message };
      throw err;
    }
    const items: InboundReplyItem[] = [];
    for (const [i, a] of cmd.attachments.entries()) {
      const fileName = a.fileName?.trim() || `attachment-${i + 1}`;
      try {
        const file = await this.storage.put(
          tenantId,
          once(a.content),
          this.settings.maxUploadBytes,
        );
        const { contract } = await this.upload.execute({
          tenantId,
          actor: { type: 'user', id: user.id },
          file,
          fileName,
          tags: ['email'],
        });
        items.push({ fileName, outcome: 'created', contractId: contract.id, message: 'created' });
      } catch (err) {
        if (err instanceof DuplicateError)
          items.push({
            fileName,
            outcome: 'duplicate',
            contractId: err.contractId,
            message: 'already in the bank',
          });
        else if (err instanceof DomainError)
          items.push({
            fileName,
            outcome: 'refused',
            contractId: null,
            message: err.message,
            code: err.code,
          });
        else throw err;
      }
    }
    const reply = inboundReplyMail({
      subject: cmd.subject,
      items,
      appUrl: this.settings.appUrl,
      language: (await this.alertSettings.get(tenantId))?.language ?? DEFAULT_ALERT_LANGUAGE,
    });
    try {
      await this.mailer.send({ to: user.email, ...reply });
    } catch (err) {
      // The contracts are in; a lost reply is logged, never a reason to refuse (and re-send) the mail.
      this.logger.warn({ tenantId, err }, 'The e-mail-in reply could not be sent');
    }
    this.logger.log(
      {
        tenantId,
        created: items.filter((x) => x.outcome === 'created').length,
        total: items.length,
      },
      'E-mail received',
    );
    return { accepted: true, items };
  }
}
