import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { DomainError, DomainErrorCode, NotFoundError, ValidationError } from '@cb/domain';
import { SubscriptionChangeStore } from '@cb/persistence';
import Stripe from 'stripe';
import { BillingNotices } from '@cb/application';
import { mapStripeEvent } from '@cb/billing';
import { periodEnd, planOf, type SubscriptionEvent } from '@cb/domain';

export interface WebhookAck {
  received: true;
  applied: boolean;
}

/** Verifies Stripe's signature on the raw body and applies the event once (Stripe retries and may repeat). */
@Injectable()
export class StripeWebhookService {
  private readonly logger = new Logger('StripeWebhook');
  private readonly stripe: Stripe | null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(SubscriptionChangeStore) private readonly subscriptions: SubscriptionChangeStore,
    @Inject(BillingNotices) private readonly notices: BillingNotices,
  ) {
    // Verifying signatures needs no API key; the client is only used for its webhook helpers here.
    this.stripe = config.stripeWebhookSecret
      ? new Stripe(config.stripeSecretKey ?? 'sk_unused')
      : null;
  }

  async handle(rawBody: Buffer | undefined, signature: string | undefined): Promise<WebhookAck> {
    if (!this.stripe || !this.config.stripeWebhookSecret) throw new NotFoundError('Stripe webhook');
    if (!rawBody || !signature) {
      throw new ValidationError('A signed Stripe event is required', [
        { field: 'stripe-signature', message: 'is required' },
      ]);
    }
    let event: Stripe.Event;
    try {
      event = this.stripe.webhooks.constructEvent(
        rawBody,
        signature,
        this.config.stripeWebhookSecret,
      );
    } catch {
      throw new ValidationError('The Stripe signature does not match', [
        { field: 'stripe-signature', message: 'does not match the payload' },
      ]);
    }
    const mapped = mapStripeEvent(event);
    if (!mapped) return { received: true, applied: false };
    if (
      mapped.event.type === 'choosePlan' &&
      !this.config.plans.plans.some((p) => p.id === (mapped.event as { plan: string }).plan)
    ) {
      this.logger.warn(`stripe event ${event.id} names a plan not in the catalogue: ignored`);
      return { received: true, applied: false };
    }
    try {
      const now = new Date();
      // A paid checkout starts a period of its billing interval (a year for a yearly price).
      const applying: SubscriptionEvent =
        mapped.event.type === 'choosePlan' && mapped.details?.interval && !mapped.event.periodEnd
          ? { ...mapped.event, periodEnd: periodEnd(now, mapped.details.interval) }
          : mapped.event;
      const { applied, subscription } = await this.subscriptions.applyOnce(
        mapped.tenantId,
        `stripe:${event.id}`,
        applying,
        now,
        { type: 'system', id: 'stripe' },
        mapped.details ?? {},
      );
      if (applied && (mapped.event.type === 'choosePlan' || mapped.event.type === 'cancel')) {
        const plan = planOf(this.config.plans, subscription.plan).name;
        const periodEnd = subscription.currentPeriodEnd?.toISOString() ?? null;
        await this.notices.notifyOwners(
          mapped.tenantId,
          mapped.event.type === 'choosePlan'
            ? {
                kind: 'activated',
                plan,
                periodEnd: periodEnd ?? new Date().toISOString(),
                invoiceNumber: null,
                invoiceTotal: null,
                dueDate: null,
              }
            : { kind: 'canceled', plan, periodEnd },
          `stripe.${event.id}`,
        );
      }
      return { received: true, applied };
    } catch (err) {
      // An event that does not fit the current state (or an unknown tenant) will not fit on a retry either.
      if (
        err instanceof DomainError &&
        (err.code === DomainErrorCode.InvalidState || err.code === DomainErrorCode.NotFound)
      ) {
        this.logger.warn(`stripe event ${event.id} (${event.type}) ignored: ${err.message}`);
        return { received: true, applied: false };
      }
      throw err;
    }
  }
}
