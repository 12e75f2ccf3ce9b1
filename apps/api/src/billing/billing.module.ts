import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { BILLING, type BillingPort } from '@cb/domain';
import { PersistenceModule } from '@cb/persistence';
import Stripe from 'stripe';
import { ManualBillingProvider } from './manual-billing.provider';
import { StripeBillingProvider } from './stripe-billing.provider';
import { StripeWebhookController } from './stripe-webhook.controller';
import { StripeWebhookService } from './stripe-webhook.service';
import { SubscriptionGateGuard } from './subscription-gate.guard';

/** Billing: the payment provider, Stripe's webhook, and the subscription gate (an app guard of ApiModule). */
@Module({
  imports: [PersistenceModule],
  controllers: [StripeWebhookController],
  providers: [
    {
      // Stripe when STRIPE_SECRET_KEY is set, otherwise manual (invoiced) billing.
      provide: BILLING,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig): BillingPort =>
        config.stripeSecretKey
          ? new StripeBillingProvider(new Stripe(config.stripeSecretKey), config.appUrl)
          : new ManualBillingProvider(),
    },
    StripeWebhookService,
    SubscriptionGateGuard,
  ],
  exports: [BILLING, SubscriptionGateGuard],
})
export class BillingModule {}
