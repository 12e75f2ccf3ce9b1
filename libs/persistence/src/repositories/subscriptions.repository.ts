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
}
