import { SubscriptionEntity } from '../entities';
import type { TenantDb } from '../tenant-db';
import { TenantScopedRepository } from '../tenant-scoped-repository';

export class SubscriptionsRepository extends TenantScopedRepository<SubscriptionEntity> {
  constructor(db: TenantDb) {
    super(db, SubscriptionEntity);
  }

  get(tenantId: string): Promise<SubscriptionEntity | null> {
    return this.findOne(tenantId, {});
  }

  /** The tenant's subscription row, locked until the enclosing tenant scope commits. */
  lockForUpdate(tenantId: string): Promise<SubscriptionEntity | null> {
    return this.run(tenantId, (m) =>
      m.findOne(SubscriptionEntity, {
        where: this.scoped(tenantId, {}),
        lock: { mode: 'pessimistic_write' },
      }),
    );
  }
}
