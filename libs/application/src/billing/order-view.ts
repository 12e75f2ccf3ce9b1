import { planOf, type PlanCatalogue } from '@cb/domain';
import type { BillingOrderEntity } from '@cb/persistence';
import { toMoney, type Money } from '../subscription/list-plans.use-case';

export interface OrderView {
  id: string;
  status: 'pending' | 'activated' | 'withdrawn';
  plan: string;
  planName: string;
  interval: 'month' | 'year';
  company: string;
  billingContact: { name: string; email: string };
  vatId: string | null;
  /** What the first invoice (or the prorated change) will be. */
  dueNow: { net: Money; vat: Money; total: Money; vatRatePercent: number; reverseCharge: boolean };
  /** Each later period. */
  recurringTotal: Money | null;
  createdAt: string;
}

export function toOrderView(o: BillingOrderEntity, catalogue: PlanCatalogue): OrderView {
  const recurring = (o.proration as { recurringTotalMinor?: number } | null)?.recurringTotalMinor;
  return {
    id: o.id,
    status: o.status,
    plan: o.plan,
    planName: catalogue.plans.some((p) => p.id === o.plan)
      ? planOf(catalogue, o.plan).name
      : o.plan,
    interval: o.interval,
    company: o.company,
    billingContact: { name: o.billingName, email: o.billingEmail },
    vatId: o.vatId,
    dueNow: {
      net: toMoney(o.netMinor),
      vat: toMoney(o.vatMinor),
      total: toMoney(o.totalMinor),
      vatRatePercent: o.vatRate,
      reverseCharge: o.reverseCharge,
    },
    recurringTotal: typeof recurring === 'number' ? toMoney(recurring) : null,
    createdAt: o.createdAt.toISOString(),
  };
}
