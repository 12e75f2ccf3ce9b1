import type { TenantDb } from '@cb/persistence';
import type { Actor } from '../audit/actor';
import type { AuditTrail } from '../audit/audit-trail.service';
import type { InboxAddresses } from './inbox-addresses.service';

/** Replaces the tenant's e-mail-in address: mail to the old one is refused at once (RCPT). */
export class RotateInbox {
  constructor(
    private readonly db: TenantDb,
    private readonly addresses: InboxAddresses,
    private readonly audit: AuditTrail,
  ) {}

  async execute(tenantId: string, actor: Actor): Promise<void> {
    await this.db.run(tenantId, async () => {
      await this.addresses.rotate(tenantId);
      await this.audit.record(tenantId, 'inbox.rotated', { actor, targetType: 'inbox' });
    });
  }
}
