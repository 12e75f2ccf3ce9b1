import { IsNull, MoreThan, Not } from 'typeorm';
import { RefreshTokenEntity } from '../entities';
import type { TenantDb } from '../tenant-db';
import { TenantScopedRepository } from '../tenant-scoped-repository';

export class RefreshTokensRepository extends TenantScopedRepository<RefreshTokenEntity> {
  constructor(db: TenantDb) {
    super(db, RefreshTokenEntity);
  }

  async tenantOfToken(tokenHash: string): Promise<string | null> {
    const rows: { t: string | null }[] = await this.db.dataSource.query(
      'SELECT auth_refresh_token_tenant($1) AS t',
      [tokenHash],
    );
    return rows[0]?.t ?? null;
  }

  /** Locks the row so two concurrent refreshes with the same token cannot both succeed. */
  findForUpdate(tenantId: string, tokenHash: string): Promise<RefreshTokenEntity | null> {
    return this.run(tenantId, (m) =>
      m.findOne(RefreshTokenEntity, {
        where: this.scoped(tenantId, { tokenHash }),
        lock: { mode: 'pessimistic_write' },
      }),
    );
  }

  revokeFamily(tenantId: string, familyId: string): Promise<number> {
    return this.update(tenantId, { familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  revokeUser(tenantId: string, userId: string): Promise<number> {
    return this.update(tenantId, { userId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  /** Every session of the user but one (the caller's own, after a password change). */
  revokeUserExceptFamily(tenantId: string, userId: string, familyId: string): Promise<number> {
    return this.update(
      tenantId,
      { userId, familyId: Not(familyId), revokedAt: IsNull() },
      { revokedAt: new Date() },
    );
  }

  /** The families that issued a token in the last `seconds`: the sessions whose access tokens may still live. */
  async recentFamilies(tenantId: string, userId: string, seconds: number): Promise<string[]> {
    const rows = await this.find(tenantId, {
      userId,
      createdAt: MoreThan(new Date(Date.now() - seconds * 1000)),
    });
    return [...new Set(rows.map((r) => r.familyId))];
  }

  /** Whether the family still has a usable (unrevoked, unexpired) refresh token. */
  async familyActive(tenantId: string, familyId: string): Promise<boolean> {
    const n = await this.count(tenantId, {
      familyId,
      revokedAt: IsNull(),
      expiresAt: MoreThan(new Date()),
    });
    return n > 0;
  }
}
