import {
  NotFoundError,
  assertCanWrite,
  checkLimit,
  planOf,
  type LimitedResource,
  type PlanCatalogue,
} from '@cb/domain';
import {
  toSubscription,
  type ContractsRepository,
  type InvitationsRepository,
  type SubscriptionsRepository,
  type TenantDb,
  type UsersRepository,
} from '@cb/persistence';

/**
 * Plan limits (402 plan_limit). Call inside the transaction that creates the resource: the subscription row
 * stays locked until it commits, so concurrent uploads or invitations cannot both take the last seat.
 */
export class PlanLimits {
  constructor(
    private readonly db: TenantDb,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly contracts: ContractsRepository,
    private readonly users: UsersRepository,
    private readonly invitations: InvitationsRepository,
    private readonly options: { plans: PlanCatalogue },
  ) {}

  assertWithinLimit(tenantId: string, resource: LimitedResource, adding = 1): Promise<void> {
    return this.db.run(tenantId, async () => {
      const row = await this.subscriptions.lockForUpdate(tenantId);
      if (!row) throw new NotFoundError('Subscription');
      // One after another: inside the transaction they share one connection (pg@9 refuses queued queries).
      const contracts = resource === 'contracts' ? await this.contracts.count(tenantId) : 0;
      const users = resource === 'users' ? await this.users.count(tenantId) : 0;
      // An open invitation holds a seat: otherwise inviting ten people on a three-seat plan would "work".
      const pending = resource === 'users' ? await this.invitations.countPending(tenantId) : 0;
      checkLimit(
        planOf(this.options.plans, toSubscription(row).plan),
        { contracts, users: users + pending },
        resource,
        adding,
      );
    });
  }

  /** A tenant whose trial or subscription ended reads but writes nothing (402 subscription_required). */
  assertCanWrite(tenantId: string, now = new Date()): Promise<void> {
    return this.db.run(tenantId, async () => {
      const row = await this.subscriptions.lockForUpdate(tenantId);
      if (!row) throw new NotFoundError('Subscription');
      assertCanWrite(toSubscription(row), now);
    });
  }
}
