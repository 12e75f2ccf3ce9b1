import type { EvidenceSpan, Money } from '@cb/domain';
import type { TextView } from './text-view.util';

export interface MoneyFinding {
  contractValue: { value: Money; confidence: number; evidence: EvidenceSpan[] } | null;
  paymentTerms: { value: string; confidence: number; evidence: EvidenceSpan[] } | null;
}

const CURRENCY: Record<string, string> = {
  $: 'USD',
  us$: 'USD',
  usd: 'USD',
  '€': 'EUR',
  eur: 'EUR',
  '£': 'GBP',
  gbp: 'GBP',
  c$: 'CAD',
  cad: 'CAD',
};
const VALUE_CUE =
  /\b(?:total\s+(?:contract\s+)?(?:value|price|consideration|fees?|amount)|contract\s+(?:value|price)|aggregate\s+(?:amount|fees?|consideration)|annual\s+fee|sponsorship\s+fee)\b[^.$€£]{0,80}?(US\$|C\$|\$|€|£|USD|EUR|GBP|CAD)\s?([\d,]+(?:\.\d{2})?)(\s*(?:million|billion))?/gi;
const NET_TERMS =
  /\b(?:net|within)\s+(?:thirty|forty-five|sixty|ninety|fifteen|ten|\d{1,3})\s*(?:\(\d{1,3}\)\s*)?(?:calendar\s+)?days?\b(?:\s+(?:of|after|from|following)\s+(?:the\s+)?(?:date\s+of\s+)?(?:receipt\s+of\s+(?:an?\s+|the\s+)?(?:invoice|statement)|invoice(?:\s+date)?))|\bnet\s+\d{1,3}\b|\b(?:annually|quarterly|monthly)\s+in\s+advance\b/gi;

/** A stated total or annual value and the payment terms ("net 30", "within 30 days of receipt of invoice"). */
export function findMoney(view: TextView): MoneyFinding {
  let contractValue: MoneyFinding['contractValue'] = null;
  for (const m of view.flat.matchAll(VALUE_CUE)) {
    const amount =
      Number(m[2].replace(/,/g, '')) *
      (/billion/i.test(m[3] ?? '') ? 1e9 : /million/i.test(m[3] ?? '') ? 1e6 : 1);
    if (!Number.isFinite(amount) || amount <= 0) continue;
    const currency = CURRENCY[m[1].toLowerCase()] ?? 'USD';
    contractValue = {
      value: { amount, currency },
      confidence: 0.6,
      evidence: [view.span(m.index, m.index + m[0].length)],
    };
    break;
  }
  let paymentTerms: MoneyFinding['paymentTerms'] = null;
  for (const m of view.flat.matchAll(NET_TERMS)) {
    const before = view.lower.slice(Math.max(0, m.index - 150), m.index);
    if (!/\b(?:pay|paid|payment|payable|invoice|due|remit)/.test(before + m[0].toLowerCase()))
      continue;
    paymentTerms = {
      value: m[0].replace(/\s+/g, ' ').trim(),
      confidence: 0.6,
      evidence: [view.span(m.index, m.index + m[0].length)],
    };
    break;
  }
  return { contractValue, paymentTerms };
}
