import { Inject, Injectable } from '@nestjs/common';
import { GetSubscription, type SubscriptionView } from '@cb/application';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { BILLING, chosenPrice, type BillingPort } from '@cb/domain';
import { SubscriptionChangeStore, UsersRepository } from '@cb/persistence';
import { actorOf, type Principal } from '../common/auth/principal';

@Injectable()
export class SubscriptionService {
  constructor(
    @Inject(SubscriptionChangeStore) private readonly subscriptions: SubscriptionChangeStore,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(BILLING) private readonly billing: BillingPort,
    @Inject(GetSubscription) private readonly getSubscription: GetSubscription,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  view(tenantId: string): Promise<SubscriptionView> {
    return this.getSubscription.execute(tenantId);
  }

  /** Starts or changes the paid plan through the billing provider; a checkout URL when payment comes first. */
  async choosePlan(
    principal: Principal,
    planId: string,
    interval: string | undefined,
  ): Promise<SubscriptionView & { checkoutUrl: string | null }> {
    const price = chosenPrice(this.config.plans, planId, interval ?? 'month');
    const user = await this.users.findOne(principal.tenantId, { id: principal.userId });
    const outcome = await this.billing.requestPlan({
      tenantId: principal.tenantId,
      plan: price.plan.id,
      planName: price.plan.name,
      interval: price.interval,
      amountMinor: price.amountMinor,
      currency: this.config.plans.currency,
      email: user?.email ?? '',
    });
    if (outcome.kind === 'activated') {
      await this.subscriptions.apply(
        principal.tenantId,
        { type: 'choosePlan', plan: price.plan.id },
        new Date(),
        actorOf(principal),
      );
    }
    return {
      ...(await this.view(principal.tenantId)),
      checkoutUrl: outcome.kind === 'checkout' ? outcome.url : null,
    };
  }
}
