import { InboxEntity } from '../entities';
import type { TenantDb } from '../tenant-db';
import { TenantScopedRepository } from '../tenant-scoped-repository';

export class InboxesRepository extends TenantScopedRepository<InboxEntity> {
  constructor(db: TenantDb) {
    super(db, InboxEntity);
  }

  /**
   * The live inbox, created unless one exists (a unique partial index allows one per tenant, so two racing
   * requests get the same one). The caller derives `tokenHash` from `newId`.
   */
  ensureLive(tenantId: string, newId: string, tokenHash: string): Promise<InboxEntity> {
    return this.run(tenantId, async (m) => {
      await m.query(
        `INSERT INTO inboxes (id, tenant_id, token_hash) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id) WHERE revoked_at IS NULL DO NOTHING`,
        [newId, tenantId, tokenHash],
      );
      const inbox = await m
        .createQueryBuilder(InboxEntity, 'i')
        .where('i.tenant_id = :tenantId AND i.revoked_at IS NULL', { tenantId })
        .getOne();
      if (!inbox) throw new Error('inbox vanished while being created');
      return inbox;
    });
  }

  /** Revokes the live inbox (its address stops working at once); returns how many were revoked. */
  revoke(tenantId: string): Promise<number> {
    return this.run(tenantId, async (m) => {
      const result: [unknown[], number] = await m.query(
        `UPDATE inboxes SET revoked_at = now() WHERE tenant_id = $1 AND revoked_at IS NULL`,
        [tenantId],
      );
      return result[1];
    });
  }

  /** Before a tenant is known (the SMTP server): the tenant of a live inbox with this token hash. */
  async tenantForTokenHash(tokenHash: string): Promise<string | null> {
    const rows: { tenant_id: string | null }[] = await this.db.dataSource.query(
      'SELECT inbox_tenant($1) AS tenant_id',
      [tokenHash],
    );
    return rows[0]?.tenant_id ?? null;
  }
}
