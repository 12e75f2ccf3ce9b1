import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { BILLING, type BillingPort } from '@cb/domain';
import Stripe from 'stripe';
import { ManualBillingProvider } from './manual-billing.provider';
import { StripeBillingProvider } from './stripe-billing.provider';

/** The Stripe client for the configuration (`STRIPE_API_URL` points it at stripe-mock or a proxy). */
export function createStripeClient(config: AppConfig): Stripe {
  const api = config.stripeApiUrl ? new URL(config.stripeApiUrl) : null;
  return new Stripe(
    config.stripeSecretKey ?? 'sk_unused',
    api
      ? {
          host: api.hostname,
          port: Number(api.port || (api.protocol === 'http:' ? 80 : 443)),
          protocol: api.protocol === 'http:' ? 'http' : 'https',
          maxNetworkRetries: 0,
        }
      : { maxNetworkRetries: 2 },
  );
}

/** Stripe when STRIPE_SECRET_KEY is set, otherwise manual (invoiced) billing. */
export function createBilling(config: AppConfig): BillingPort {
  return config.stripeSecretKey
    ? new StripeBillingProvider(createStripeClient(config), config.appUrl, {
        automatic: config.stripeAutomaticTax,
        pricesIncludeVat: config.plans.vat.pricesIncludeVat,
      })
    : new ManualBillingProvider();
}

@Module({
  providers: [{ provide: BILLING, inject: [APP_CONFIG], useFactory: createBilling }],
  exports: [BILLING],
})
export class BillingProviderModule {}
