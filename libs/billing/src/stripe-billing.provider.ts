import type { BillingPort, PlanRequest, ProviderInvoice, ProviderRefs } from '@cb/domain';
import type Stripe from 'stripe';

const STATUSES = new Set(['draft', 'open', 'paid', 'void', 'uncollectible']);
const toDate = (s: number | null | undefined) => (s ? new Date(s * 1000) : null);

/**
 * Card payments through Stripe Checkout (enabled by STRIPE_SECRET_KEY). The plan becomes active when
 * Stripe's signed webhook reports the completed checkout; the tenant id travels in the session's and the
 * subscription's metadata so every later event (invoices, cancellation) finds its tenant.
 */
export class StripeBillingProvider implements BillingPort {
  readonly provider = 'stripe' as const;

  constructor(
    private readonly stripe: Stripe,
    private readonly appUrl: string,
    /** Stripe Tax: VAT computed by Stripe from the customer's address and VAT id; prices as the catalogue says. */
    private readonly tax: { automatic: boolean; pricesIncludeVat: boolean } = {
      automatic: false,
      pricesIncludeVat: false,
    },
  ) {}

  private taxBehavior() {
    return this.tax.automatic
      ? {
          tax_behavior: this.tax.pricesIncludeVat ? ('inclusive' as const) : ('exclusive' as const),
        }
      : {};
  }

  private metadata(request: PlanRequest) {
    return { tenantId: request.tenantId, plan: request.plan, interval: request.interval };
  }

  async startCheckout(request: PlanRequest): Promise<{ url: string; sessionId: string }> {
    const metadata = this.metadata(request);
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
            ...this.taxBehavior(),
          },
        },
      ],
      ...(this.tax.automatic ? { automatic_tax: { enabled: true } } : {}),
      metadata,
      subscription_data: { metadata },
      // Stripe collects the customer's VAT id and bills VAT by its own tax settings.
      tax_id_collection: { enabled: true },
      billing_address_collection: 'required',
      success_url: `${this.appUrl}/settings/subscription?checkout=success`,
      cancel_url: `${this.appUrl}/settings/subscription?checkout=canceled`,
    });
    if (!session.url) throw new Error(`Stripe checkout session ${session.id} has no URL`);
    return { url: session.url, sessionId: session.id };
  }

  private requireSubscription(refs: ProviderRefs): string {
    if (!refs.subscriptionId) throw new Error('no Stripe subscription for this tenant');
    return refs.subscriptionId;
  }

  async changePlan(refs: ProviderRefs, request: PlanRequest): Promise<void> {
    const id = this.requireSubscription(refs);
    const current = await this.stripe.subscriptions.retrieve(id);
    const item = current.items.data[0];
    if (!item) throw new Error(`Stripe subscription ${id} has no item`);
    const product =
      typeof item.price.product === 'string' ? item.price.product : item.price.product.id;
    await this.stripe.subscriptions.update(id, {
      items: [
        {
          id: item.id,
          price_data: {
            currency: request.currency.toLowerCase(),
            product,
            unit_amount: request.amountMinor,
            recurring: { interval: request.interval },
            ...this.taxBehavior(),
          },
        },
      ],
      // The difference is invoiced at once, as the customer saw it before confirming.
      proration_behavior: 'always_invoice',
      cancel_at_period_end: false,
      metadata: this.metadata(request),
    });
  }

  async setCancelAtPeriodEnd(refs: ProviderRefs, cancel: boolean): Promise<void> {
    await this.stripe.subscriptions.update(this.requireSubscription(refs), {
      cancel_at_period_end: cancel,
    });
  }

  async listInvoices(refs: ProviderRefs, limit: number): Promise<ProviderInvoice[]> {
    if (!refs.customerId) return [];
    const page = await this.stripe.invoices.list({ customer: refs.customerId, limit });
    return page.data.map((inv) => {
      const line = inv.lines?.data?.[0];
      return {
        id: inv.id ?? '',
        number: inv.number ?? null,
        status: (STATUSES.has(inv.status ?? '') ? inv.status : 'open') as ProviderInvoice['status'],
        description: line?.description ?? inv.description ?? null,
        totalMinor: inv.total,
        taxMinor: (inv.total_taxes ?? []).reduce((sum, t) => sum + t.amount, 0),
        currency: inv.currency.toUpperCase(),
        issuedAt: toDate(inv.created) ?? new Date(0),
        periodStart: toDate(line?.period?.start),
        periodEnd: toDate(line?.period?.end),
        hostedUrl: inv.hosted_invoice_url ?? null,
        pdfUrl: inv.invoice_pdf ?? null,
      };
    });
  }
}
