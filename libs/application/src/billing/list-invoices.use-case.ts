import type { BillingPort } from '@cb/domain';
import type {
  BillingInvoiceEntity,
  BillingInvoicesRepository,
  SubscriptionChangeStore,
} from '@cb/persistence';
import { toMoney, type Money } from '../subscription/list-plans.use-case';

export interface InvoiceView {
  id: string;
  number: string | null;
  /** `paid` is a receipt. */
  status: 'draft' | 'open' | 'paid' | 'void' | 'uncollectible';
  description: string | null;
  source: 'manual' | 'stripe';
  issuedAt: string;
  dueAt: string | null;
  paidAt: string | null;
  periodStart: string | null;
  periodEnd: string | null;
  net: Money | null;
  vat: Money;
  total: Money;
  vatRatePercent: number | null;
  reverseCharge: boolean;
  /** Stripe's page for the invoice (pay it, or see the receipt), and its PDF. */
  hostedUrl: string | null;
  pdfUrl: string | null;
}

const iso = (d: Date | null) => d?.toISOString() ?? null;

function fromManual(i: BillingInvoiceEntity): InvoiceView {
  return {
    id: i.id,
    number: i.number,
    status: i.status,
    description: i.description,
    source: 'manual',
    issuedAt: i.issuedAt.toISOString(),
    dueAt: iso(i.dueAt),
    paidAt: iso(i.paidAt),
    periodStart: iso(i.periodStart),
    periodEnd: iso(i.periodEnd),
    net: toMoney(i.netMinor),
    vat: toMoney(i.vatMinor),
    total: toMoney(i.totalMinor),
    vatRatePercent: i.vatRate,
    reverseCharge: i.reverseCharge,
    hostedUrl: null,
    pdfUrl: null,
  };
}

/**
 * GET /v1/subscription/invoices: the tenant's invoices and receipts, newest first: the manual provider's own
 * records, and with Stripe those Stripe keeps for the tenant's customer.
 */
export class ListInvoices {
  constructor(
    private readonly invoices: BillingInvoicesRepository,
    private readonly subscriptions: SubscriptionChangeStore,
    private readonly billing: BillingPort,
  ) {}

  async execute(tenantId: string, limit = 50): Promise<{ data: InvoiceView[] }> {
    const own = (await this.invoices.recent(tenantId, limit)).map(fromManual);
    let stripe: InvoiceView[] = [];
    if (this.billing.provider === 'stripe') {
      const row = await this.subscriptions.row(tenantId);
      const refs = { customerId: row.stripeCustomerId, subscriptionId: row.stripeSubscriptionId };
      stripe = (await this.billing.listInvoices(refs, limit)).map((i) => ({
        id: i.id,
        number: i.number,
        status: i.status,
        description: i.description,
        source: 'stripe' as const,
        issuedAt: i.issuedAt.toISOString(),
        dueAt: null,
        paidAt: null,
        periodStart: iso(i.periodStart),
        periodEnd: iso(i.periodEnd),
        net: null,
        vat: { amount: i.taxMinor / 100, currency: 'EUR' as const },
        total: { amount: i.totalMinor / 100, currency: 'EUR' as const },
        vatRatePercent: null,
        reverseCharge: false,
        hostedUrl: i.hostedUrl,
        pdfUrl: i.pdfUrl,
      }));
    }
    return {
      data: [...own, ...stripe]
        .sort((a, b) => b.issuedAt.localeCompare(a.issuedAt))
        .slice(0, limit),
    };
  }
}
