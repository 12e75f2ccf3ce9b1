import { createHash, createHmac, randomUUID } from 'node:crypto';
import type { InboxesRepository } from '@cb/persistence';

export interface InboxSettings {
  jwtSecret: string;
  inboundDomain: string;
}

const TOKEN = /^[0-9a-f]{32}$/;

function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * A tenant's secret e-mail-in address `<token>@<INBOUND_DOMAIN>`. The token is derived from the inbox row's id
 * with the server secret (HMAC), lowercase hex so that mail systems that fold case keep it working, and only
 * its SHA-256 is stored: the address can be shown again without being kept, and rotating (a new row) kills it.
 */
export class InboxAddresses {
  constructor(
    private readonly inboxes: InboxesRepository,
    private readonly settings: InboxSettings,
  ) {}

  private tokenFor(inboxId: string): string {
    return createHmac('sha256', this.settings.jwtSecret)
      .update(`inbox:${inboxId}`)
      .digest('hex')
      .slice(0, 32);
  }

  async address(tenantId: string): Promise<string> {
    for (let attempt = 0; attempt < 2; attempt++) {
      const id = randomUUID();
      const inbox = await this.inboxes.ensureLive(tenantId, id, hashToken(this.tokenFor(id)));
      const token = this.tokenFor(inbox.id);
      if (hashToken(token) === inbox.tokenHash) return `${token}@${this.settings.inboundDomain}`;
      // The server secret changed since the inbox was made: its address cannot be rebuilt; make a new one.
      await this.inboxes.revoke(tenantId);
    }
    throw new Error('could not create an inbox');
  }

  async rotate(tenantId: string): Promise<void> {
    await this.inboxes.revoke(tenantId);
  }

  /** The tenant of a recipient address, or null (another domain, a malformed or revoked token). */
  async tenantOf(recipient: string): Promise<string | null> {
    const at = recipient.lastIndexOf('@');
    if (at < 1) return null;
    const local = recipient.slice(0, at).toLowerCase();
    const domain = recipient.slice(at + 1).toLowerCase();
    if (domain !== this.settings.inboundDomain || !TOKEN.test(local)) return null;
    return this.inboxes.tenantForTokenHash(hashToken(local));
  }
}
