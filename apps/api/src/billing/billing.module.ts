import { Module } from '@nestjs/common';
import { ApplicationModule } from '@cb/application';
import { StripeWebhookController } from './stripe-webhook.controller';
import { StripeWebhookService } from './stripe-webhook.service';
import { SubscriptionGateGuard } from './subscription-gate.guard';

/** Billing over HTTP: Stripe's webhook, and the subscription gate (an app guard of ApiModule). */
@Module({
  imports: [ApplicationModule],
  controllers: [StripeWebhookController],
  providers: [StripeWebhookService, SubscriptionGateGuard],
  exports: [SubscriptionGateGuard],
})
export class BillingModule {}
