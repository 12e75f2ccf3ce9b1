import { Inject, Injectable } from '@nestjs/common';
import { checkLimit, type LimitedResource } from '@cb/domain';
import {
  ContractsRepository,
  InvitationsRepository,
  SubscriptionChangeStore,
  TenantDb,
  toSubscription,
  UsersRepository,
} from '@cb/persistence';

/** Plan limits (402 plan_limit). Call inside the transaction that creates the resource: the subscription row
 *  stays locked until it commits, so concurrent uploads or invitations cannot both take the last seat. */
@Injectable()
export class PlanLimitsService {
  constructor(
    @Inject(TenantDb) private readonly db: TenantDb,
    @Inject(SubscriptionChangeStore) private readonly subscriptions: SubscriptionChangeStore,
    @Inject(ContractsRepository) private readonly contracts: ContractsRepository,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(InvitationsRepository) private readonly invitations: InvitationsRepository,
  ) {}

  assertWithinLimit(tenantId: string, resource: LimitedResource, adding = 1): Promise<void> {
    return this.db.run(tenantId, async (m) => {
      const sub = toSubscription(await this.subscriptions.lock(tenantId, m));
      const [contracts, users, pending] = await Promise.all([
        resource === 'contracts' ? this.contracts.count(tenantId) : Promise.resolve(0),
        resource === 'users' ? this.users.count(tenantId) : Promise.resolve(0),
        // An open invitation holds a seat: otherwise inviting ten people on a three-seat plan would "work".
        resource === 'users' ? this.invitations.countPending(tenantId) : Promise.resolve(0),
      ]);
      checkLimit(sub.plan, { contracts, users: users + pending }, resource, adding);
    });
  }
}
