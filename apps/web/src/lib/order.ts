// What an order or plan change will do, in words, from the API's quote (GET /v1/subscription/quote), and the
// checks the order form makes before sending. Pure: the subscription page and the unit tests share it.
import type { components } from '../api/schema';
import { t } from '../i18n';
import { formatDate, formatMoney } from './format';

export type PlanQuote = components['schemas']['PlanQuoteDto'];

const period = (interval: string) =>
  interval === 'year' ? t('subscription.order.periodYear') : t('subscription.order.periodMonth');

/** "We will invoice Alpha Oy €61.50 (€49.00 + VAT 25.5 %) per month." and, for a change, its proration. */
export function quoteLines(q: PlanQuote): string[] {
  const r = q.recurring;
  const lines = [
    r.reverseCharge
      ? t('subscription.order.summaryReverse', {
          company: q.company,
          total: formatMoney(r.total),
          period: period(q.interval),
        })
      : t('subscription.order.summary', {
          company: q.company,
          total: formatMoney(r.total),
          net: formatMoney(r.net),
          rate: r.vatRatePercent,
          period: period(q.interval),
        }),
  ];
  if (q.kind === 'change' && q.proration) {
    lines.push(
      t('subscription.order.prorationCredit', { amount: formatMoney(q.proration.credit) }),
    );
    lines.push(
      t('subscription.order.prorationCharge', {
        plan: q.planName,
        amount: formatMoney(q.proration.charge),
      }),
    );
    if (q.credit.amount > 0)
      lines.push(t('subscription.order.creditNext', { amount: formatMoney(q.credit) }));
    else lines.push(t('subscription.order.dueNow', { amount: formatMoney(q.dueNow.total) }));
  }
  lines.push(t('subscription.order.periodEnds', { date: formatDate(q.periodEnd) }));
  return lines;
}

export interface OrderForm {
  name: string;
  email: string;
  vatId: string;
  confirmed: boolean;
}

/** Field messages before sending (the API checks the VAT id's format and answers 400 naming vatId). */
export function orderFormErrors(f: OrderForm): Partial<Record<keyof OrderForm, string>> {
  const errors: Partial<Record<keyof OrderForm, string>> = {};
  if (!f.name.trim()) errors.name = t('auth.required');
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(f.email.trim())) errors.email = t('auth.invalidEmail');
  if (f.vatId.trim() && !/^[A-Za-z]{2}[\sA-Za-z0-9.-]{2,16}$/.test(f.vatId.trim()))
    errors.vatId = t('subscription.order.vatIdHint');
  if (!f.confirmed) errors.confirmed = t('subscription.order.confirmRequired');
  return errors;
}
