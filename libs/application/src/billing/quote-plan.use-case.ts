import {
  chosenPrice,
  invoiceAmounts,
  parseVatId,
  periodEnd,
  periodStartOf,
  planOf,
  planRequestKind,
  prorate,
  type BillingInterval,
  type BillingPort,
  type InvoiceAmounts,
  type PlanCatalogue,
  type PlanRequestKind,
  type Proration,
} from '@cb/domain';
import {
  toSubscription,
  type SubscriptionChangeStore,
  type TenantDb,
  type TenantsRepository,
} from '@cb/persistence';
import { toMoney, type Money } from '../subscription/list-plans.use-case';

export interface AmountsView {
  net: Money;
  vat: Money;
  total: Money;
  vatRatePercent: number;
  reverseCharge: boolean;
}

export interface PlanQuote {
  kind: PlanRequestKind;
  provider: 'manual' | 'stripe';
  company: string;
  plan: string;
  planName: string;
  interval: BillingInterval;
  /** The catalogue price per interval. */
  price: Money;
  /** What each period costs this buyer (VAT by the VAT id given). */
  recurring: AmountsView;
  /** A plan change: the unused part of the current plan credited, the new plan's price for the rest charged. */
  proration: { credit: Money; charge: Money; unusedFraction: number } | null;
  /** Invoiced at once: the first period, or the prorated difference (zero when it is a credit). */
  dueNow: AmountsView;
  /** A credit carried to the next invoice (a downgrade), else zero. */
  credit: Money;
  /** When the (new) period ends. */
  periodEnd: string;
  /** The VAT id as it will be stored (normalised), or null. */
  vatId: string | null;
}

/** The parts of a quote an order keeps. */
export interface QuoteFacts {
  quote: PlanQuote;
  amounts: InvoiceAmounts;
  dueNowAmounts: InvoiceAmounts;
  proration: Proration | null;
  periodEnd: Date;
  currentPlanName: string;
}

export const amountsView = (a: InvoiceAmounts): AmountsView => ({
  net: toMoney(a.netMinor),
  vat: toMoney(a.vatMinor),
  total: toMoney(a.totalMinor),
  vatRatePercent: a.vatRatePercent,
  reverseCharge: a.reverseCharge,
});

/**
 * What choosing a plan will do, before anything happens: the price with VAT for this buyer, a new period or
 * the proration of a change, and what is invoiced now. GET /v1/subscription/quote, and the first step of
 * ChoosePlan (which records exactly this).
 */
export class QuotePlan {
  constructor(
    private readonly db: TenantDb,
    private readonly subscriptions: SubscriptionChangeStore,
    private readonly tenants: TenantsRepository,
    private readonly billing: BillingPort,
    private readonly options: { plans: PlanCatalogue },
  ) {}

  async execute(input: {
    tenantId: string;
    plan: unknown;
    interval?: unknown;
    vatId?: string | null;
    now?: Date;
  }): Promise<PlanQuote> {
    return (await this.facts(input)).quote;
  }

  facts(input: {
    tenantId: string;
    plan: unknown;
    interval?: unknown;
    vatId?: string | null;
    now?: Date;
  }): Promise<QuoteFacts> {
    const now = input.now ?? new Date();
    const catalogue = this.options.plans;
    const price = chosenPrice(catalogue, input.plan, input.interval ?? 'month');
    const buyer = input.vatId ? parseVatId(input.vatId) : null;
    return this.db.run(input.tenantId, async () => {
      const row = await this.subscriptions.row(input.tenantId);
      const tenant = await this.tenants.get(input.tenantId);
      const sub = toSubscription(row);
      const kind = planRequestKind(sub, row.interval, price.plan.id, price.interval, now);
      const amounts = invoiceAmounts(price.amountMinor, catalogue.vat, buyer);
      let proration: Proration | null = null;
      let dueNowAmounts = amounts;
      let creditMinor = 0;
      let end = periodEnd(now, price.interval);
      if (kind === 'change' && sub.currentPeriodEnd) {
        const current = planOf(catalogue, sub.plan);
        const currentInterval = row.interval ?? 'month';
        proration = prorate({
          now,
          periodStart: periodStartOf(row.currentPeriodStart, sub.currentPeriodEnd, currentInterval),
          periodEnd: sub.currentPeriodEnd,
          oldPriceMinor: current.prices[currentInterval] ?? 0,
          oldInterval: currentInterval,
          newPriceMinor: price.amountMinor,
          newInterval: price.interval,
        });
        end = proration.periodEnd;
        // A positive difference is invoiced now (with VAT); a negative one is a credit on the next invoice.
        dueNowAmounts = invoiceAmounts(Math.max(proration.netMinor, 0), catalogue.vat, buyer);
        creditMinor = Math.max(-proration.netMinor, 0);
      }
      const quote: PlanQuote = {
        kind,
        provider: this.billing.provider,
        company: tenant?.name ?? '',
        plan: price.plan.id,
        planName: price.plan.name,
        interval: price.interval,
        price: toMoney(price.amountMinor),
        recurring: amountsView(amounts),
        proration: proration
          ? {
              credit: toMoney(proration.creditMinor),
              charge: toMoney(proration.chargeMinor),
              unusedFraction: proration.unusedFraction,
            }
          : null,
        dueNow: amountsView(dueNowAmounts),
        credit: toMoney(creditMinor),
        periodEnd: end.toISOString(),
        vatId: buyer?.value ?? null,
      };
      return {
        quote,
        amounts,
        dueNowAmounts,
        proration,
        periodEnd: end,
        currentPlanName: planOf(catalogue, sub.plan).name,
      };
    });
  }
}
