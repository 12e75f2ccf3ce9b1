import { type BillingPort, type PlanRequest, type PlanRequestOutcome } from '@cb/domain';
import type Stripe from 'stripe';

/**
 * Card payments through Stripe Checkout (enabled by STRIPE_SECRET_KEY). The plan becomes active when
 * Stripe's webhook reports the completed checkout; the tenant id travels in the session's and the
 * subscription's metadata so every later event (invoices, cancellation) finds its tenant.
 */
export class StripeBillingProvider implements BillingPort {
  readonly provider = 'stripe' as const;

  constructor(
    private readonly stripe: Stripe,
    private readonly appUrl: string,
  ) {}

  async requestPlan(request: PlanRequest): Promise<PlanRequestOutcome> {
    const metadata = {
      tenantId: request.tenantId,
      plan: request.plan,
      interval: request.interval,
    };
    const session = await this.stripe.checkout.sessions.create({
      mode: 'subscription',
      client_reference_id: request.tenantId,
      ...(request.email ? { customer_email: request.email } : {}),
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: request.currency.toLowerCase(),
            unit_amount: request.amountMinor,
            recurring: { interval: request.interval },
            product_data: { name: `Contract Bank ${request.planName}` },
          },
        },
      ],
      metadata,
      subscription_data: { metadata },
      success_url: `${this.appUrl}/settings/subscription?checkout=success`,
      cancel_url: `${this.appUrl}/settings/subscription?checkout=canceled`,
    });
    if (!session.url) throw new Error(`Stripe checkout session ${session.id} has no URL`);
    return { kind: 'checkout', url: session.url };
  }
}
