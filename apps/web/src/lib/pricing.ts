// Prices as the plan catalogue (GET /v1/plans) states them, and the arithmetic the pages show around them.
// Pure functions: the pricing page, the subscription page and their unit tests share them.
import type { components } from '../api/schema';

export type PlanList = components['schemas']['PlanListDto'];
export type CataloguePlan = PlanList['data'][number];
export type Interval = 'month' | 'year';
export type Amount = { amount: number; currency: string };

/** The plan's price for an interval, or null when the plan has none for it. */
export function priceOf(plan: CataloguePlan, interval: Interval): Amount | null {
  return plan.prices.find((p) => p.interval === interval)?.amount ?? null;
}

/** Intervals any offered plan has a price for, month first. */
export function intervalsOf(plans: CataloguePlan[]): Interval[] {
  return (['month', 'year'] as const).filter((i) => plans.some((p) => priceOf(p, i)));
}

/** How much a year costs less than twelve months, in whole percent (0 when not cheaper or not both priced). */
export function yearlySavingPercent(plan: CataloguePlan): number {
  const month = priceOf(plan, 'month');
  const year = priceOf(plan, 'year');
  if (!month || !year || month.amount <= 0) return 0;
  const saving = 1 - year.amount / (12 * month.amount);
  return saving > 0 ? Math.floor(saving * 100) : 0;
}

/** The price with the seller country's VAT added (or the price itself when the catalogue includes VAT). */
export function withVat(amount: Amount, vat: PlanList['vat']): Amount {
  if (vat.included) return amount;
  return {
    amount: Math.round(amount.amount * (100 + vat.ratePercent)) / 100,
    currency: amount.currency,
  };
}

/** The plan's description in the UI language, falling back to English. */
export function describe(plan: CataloguePlan, language: string): string {
  const d = plan.description as Record<string, string | undefined>;
  return d[language] || plan.description.en;
}
