// Portfolio figures for the dashboard, computed from the contracts the API returns.
import type { ContractSummary } from '../api/types';
import { t } from '../i18n';
import { durationYears, todayIso } from './format';

export interface MonthPoint {
  month: string; // YYYY-MM
  renewals: number;
  value: number;
}
export interface CounterpartyPoint {
  name: string;
  value: number;
}
export interface Portfolio {
  currency: string | null;
  annualByCurrency: Array<{ currency: string; amount: number }>;
  months: MonthPoint[];
  counterparties: CounterpartyPoint[];
  valuedContracts: number;
}

/** A contract is live unless its term is over and it does not renew. */
function isLive(c: ContractSummary, today: string): boolean {
  if (c.terms?.perpetual) return true;
  if (c.deadlines?.nextRenewalDate) return true;
  const end = c.deadlines?.expirationDate ?? c.terms?.expirationDate;
  return !end || end >= today;
}

/** Stated value per year: a value for a multi-year initial term is spread over that term. */
export function annualValue(c: ContractSummary): number | null {
  const v = c.terms?.contractValue;
  if (!v) return null;
  const years = durationYears(c.terms?.initialTerm);
  return years && years > 1 ? v.amount / years : v.amount;
}

export function counterpartyOf(c: ContractSummary): string {
  return (
    c.counterparty ||
    c.terms?.parties?.map((p) => p.name).join(' / ') ||
    c.title ||
    t('contracts.untitled')
  );
}

export function computePortfolio(contracts: ContractSummary[], today = todayIso()): Portfolio {
  const live = contracts.filter((c) => isLive(c, today));
  const byCurrency = new Map<string, number>();
  for (const c of live) {
    const a = annualValue(c);
    if (a === null) continue;
    const cur = c.terms!.contractValue!.currency;
    byCurrency.set(cur, (byCurrency.get(cur) ?? 0) + a);
  }
  const annualByCurrency = [...byCurrency]
    .map(([currency, amount]) => ({ currency, amount }))
    .sort((a, b) => b.amount - a.amount);
  // Charts use the currency with the most value; the others are listed beside them, never converted.
  const currency = annualByCurrency[0]?.currency ?? null;

  const months: MonthPoint[] = [];
  const start = new Date(`${today.slice(0, 7)}-01T00:00:00Z`);
  for (let i = 0; i < 12; i++) {
    const d = new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + i, 1));
    months.push({ month: d.toISOString().slice(0, 7), renewals: 0, value: 0 });
  }
  const monthIndex = new Map(months.map((m, i) => [m.month, i]));
  const byCounterparty = new Map<string, number>();
  for (const c of live) {
    const next = c.deadlines?.nextRenewalDate ?? c.deadlines?.expirationDate ?? null;
    const a = annualValue(c);
    const sameCurrency = a !== null && c.terms?.contractValue?.currency === currency;
    if (next && next >= today) {
      const i = monthIndex.get(next.slice(0, 7));
      if (i !== undefined) {
        months[i].renewals += 1;
        if (sameCurrency) months[i].value += a!;
      }
    }
    if (sameCurrency) {
      const name = counterpartyOf(c);
      byCounterparty.set(name, (byCounterparty.get(name) ?? 0) + a!);
    }
  }
  const counterparties = [...byCounterparty]
    .map(([name, value]) => ({ name, value }))
    .sort((a, b) => b.value - a.value)
    .slice(0, 8);
  return {
    currency,
    annualByCurrency,
    months,
    counterparties,
    valuedContracts: live.filter((c) => c.terms?.contractValue).length,
  };
}
