import { IsNull, type EntityTarget, type FindOptionsWhere } from 'typeorm';
import type { SingleUseTokenEntity } from '../entities/single-use-token.entity';
import type { TenantDb } from '../tenant-db';
import { TenantScopedRepository } from '../tenant-scoped-repository';

/**
 * The single-use link tokens of a table shaped like SingleUseTokenEntity (password resets, e-mail
 * verifications). `tenantFunction` is the table's SECURITY DEFINER look-up from token hash to tenant, used
 * before the tenant is known (row-level security hides every row until then).
 */
export abstract class SingleUseTokensRepository<
  T extends SingleUseTokenEntity,
> extends TenantScopedRepository<T> {
  protected constructor(
    db: TenantDb,
    entity: EntityTarget<T>,
    private readonly tenantFunction: string,
  ) {
    super(db, entity);
  }

  /** Before a tenant is known (the link): the tenant that issued the token, if any. */
  async tenantOfToken(tokenHash: string): Promise<string | null> {
    const rows: { t: string | null }[] = await this.db.dataSource.query(
      `SELECT ${this.tenantFunction}($1) AS t`,
      [tokenHash],
    );
    return rows[0]?.t ?? null;
  }

  /** Locks the token so two concurrent uses of it cannot both succeed. */
  findForUpdate(tenantId: string, tokenHash: string): Promise<T | null> {
    return this.run(tenantId, (m) =>
      m.findOne(this.entity, {
        where: this.scoped(tenantId, { tokenHash } as FindOptionsWhere<T>),
        lock: { mode: 'pessimistic_write' },
      }),
    );
  }

  /** Every unused token of the user stops working (a newer one was sent, or the token's purpose is done). */
  invalidateForUser(tenantId: string, userId: string): Promise<number> {
    return this.update(
      tenantId,
      { userId, usedAt: IsNull() } as FindOptionsWhere<T>,
      { usedAt: new Date() } as Partial<T>,
    );
  }
}
