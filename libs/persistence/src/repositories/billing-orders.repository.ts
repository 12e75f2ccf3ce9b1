import { BillingOrderEntity } from '../entities/billing-order.entity';
import type { TenantDb } from '../tenant-db';
import { TenantScopedRepository } from '../tenant-scoped-repository';

export class BillingOrdersRepository extends TenantScopedRepository<BillingOrderEntity> {
  constructor(db: TenantDb) {
    super(db, BillingOrderEntity);
  }

  /** The order, locked until the enclosing tenant scope commits (an activation happens once). */
  lockForUpdate(tenantId: string, id: string): Promise<BillingOrderEntity | null> {
    return this.run(tenantId, (m) =>
      m.findOne(BillingOrderEntity, {
        where: this.scoped(tenantId, { id }),
        lock: { mode: 'pessimistic_write' },
      }),
    );
  }

  pending(tenantId: string): Promise<BillingOrderEntity | null> {
    return this.findOne(tenantId, { status: 'pending' });
  }

  /** The tenant's open order, if any, is withdrawn (the customer chose again, or canceled). */
  withdrawPending(tenantId: string, now: Date): Promise<number> {
    return this.update(tenantId, { status: 'pending' }, { status: 'withdrawn', decidedAt: now });
  }
}
