import {
  BILLING_INTERVALS,
  TRIAL_PLAN_ID,
  offeredPlans,
  planOf,
  type BillingInterval,
  type PlanCatalogue,
  type PlanLanguage,
} from '@cb/domain';

/** Money as the API writes it: major units as a decimal number (49.9 = 49.90 EUR). */
export interface Money {
  amount: number;
  currency: 'EUR';
}

export const toMoney = (minor: number, currency: 'EUR' = 'EUR'): Money => ({
  amount: minor / 100,
  currency,
});

export interface PlanView {
  id: string;
  name: string;
  description: Record<PlanLanguage, string>;
  limits: { contracts: number | null; users: number | null };
  prices: { interval: BillingInterval; amount: Money }[];
}

export interface PlanCatalogueView {
  data: PlanView[];
  vat: {
    /** Whether the amounts include VAT. */
    included: boolean;
    ratePercent: number;
    sellerCountry: string;
    reverseChargeInEu: boolean;
  };
  trial: { days: number; limits: { contracts: number | null; users: number | null } };
}

/** GET /v1/plans: the plans on offer, from the configured catalogue (public: the pricing page reads it). */
export class ListPlans {
  constructor(private readonly options: { plans: PlanCatalogue; trialDays: number }) {}

  execute(): PlanCatalogueView {
    const catalogue = this.options.plans;
    return {
      data: offeredPlans(catalogue).map((p) => ({
        id: p.id,
        name: p.name,
        description: { ...p.description },
        limits: { ...p.limits },
        prices: BILLING_INTERVALS.filter((i) => p.prices[i] !== undefined).map((interval) => ({
          interval,
          amount: toMoney(p.prices[interval]!, catalogue.currency),
        })),
      })),
      vat: {
        included: catalogue.vat.pricesIncludeVat,
        ratePercent: catalogue.vat.ratePercent,
        sellerCountry: catalogue.vat.sellerCountry,
        reverseChargeInEu: catalogue.vat.reverseChargeInEu,
      },
      trial: {
        days: this.options.trialDays,
        limits: { ...planOf(catalogue, TRIAL_PLAN_ID).limits },
      },
    };
  }
}
