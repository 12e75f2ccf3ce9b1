import { IsNull } from 'typeorm';
import { PasswordResetEntity } from '../entities/password-reset.entity';
import type { TenantDb } from '../tenant-db';
import { TenantScopedRepository } from '../tenant-scoped-repository';

export class PasswordResetsRepository extends TenantScopedRepository<PasswordResetEntity> {
  constructor(db: TenantDb) {
    super(db, PasswordResetEntity);
  }

  /** Before a tenant is known (the reset link): the tenant that issued the token, if any. */
  async tenantOfToken(tokenHash: string): Promise<string | null> {
    const rows: { t: string | null }[] = await this.db.dataSource.query(
      'SELECT auth_password_reset_tenant($1) AS t',
      [tokenHash],
    );
    return rows[0]?.t ?? null;
  }

  /** Locks the token so two concurrent resets with it cannot both succeed. */
  findForUpdate(tenantId: string, tokenHash: string): Promise<PasswordResetEntity | null> {
    return this.run(tenantId, (m) =>
      m.findOne(PasswordResetEntity, {
        where: this.scoped(tenantId, { tokenHash }),
        lock: { mode: 'pessimistic_write' },
      }),
    );
  }

  /** Every unused token of the user stops working (a newer one was sent, or the password was reset). */
  invalidateForUser(tenantId: string, userId: string): Promise<number> {
    return this.update(tenantId, { userId, usedAt: IsNull() }, { usedAt: new Date() });
  }
}
