import { InvitationEntity } from '../entities/invitation.entity';
import type { TenantDb } from '../tenant-db';
import { TenantScopedRepository } from '../tenant-scoped-repository';

export class InvitationsRepository extends TenantScopedRepository<InvitationEntity> {
  constructor(db: TenantDb) {
    super(db, InvitationEntity);
  }

  /** Before a tenant is known (accepting an invitation): the tenant that issued the token, if any. */
  async tenantOfToken(tokenHash: string): Promise<string | null> {
    const rows: { t: string | null }[] = await this.db.dataSource.query(
      'SELECT auth_invitation_tenant($1) AS t',
      [tokenHash],
    );
    return rows[0]?.t ?? null;
  }

  /** Locks the invitation so two concurrent accepts of one token cannot both succeed. */
  findForUpdate(tenantId: string, tokenHash: string): Promise<InvitationEntity | null> {
    return this.run(tenantId, (m) =>
      m.findOne(InvitationEntity, {
        where: this.scoped(tenantId, { tokenHash }),
        lock: { mode: 'pessimistic_write' },
      }),
    );
  }

  /**
   * Marks a pending invitation accepted, atomically (not accepted, withdrawn or expired before): the invitation,
   * or null when it was not pending. Two concurrent sign-ins with one invitation cannot both use it.
   */
  acceptPending(tenantId: string, id: string): Promise<{ id: string; role: string } | null> {
    return this.run(tenantId, async (m) => {
      const [rows]: [{ id: string; role: string }[], number] = await m.query(
        `UPDATE invitations SET accepted_at = now()
          WHERE tenant_id = $1 AND id = $2 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()
          RETURNING id, role`,
        [tenantId, id],
      );
      return rows[0] ?? null;
    });
  }

  /** Invitations that still hold a seat: not accepted, not revoked, not expired. */
  countPending(tenantId: string): Promise<number> {
    return this.run(tenantId, async (m) => {
      const rows: { n: string }[] = await m.query(
        `SELECT count(*) AS n FROM invitations
          WHERE tenant_id = $1 AND accepted_at IS NULL AND revoked_at IS NULL AND expires_at > now()`,
        [tenantId],
      );
      return Number(rows[0]?.n ?? 0);
    });
  }
}
