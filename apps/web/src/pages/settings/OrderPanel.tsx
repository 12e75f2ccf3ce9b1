import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { ProblemAlert } from '../../components/feedback';
import { t } from '../../i18n';
import { orderFormErrors, quoteLines, type OrderForm, type PlanQuote } from '../../lib/order';
import type { Interval } from '../../lib/pricing';

type ChooseResult = {
  checkoutUrl?: string | null;
  order?: { billingContact: { email: string } } | null;
};

/**
 * The step between choosing a plan and anything happening: the quote in words (what we will invoice, the
 * proration of a change), the billing contact and VAT id for invoiced customers, and an explicit confirmation.
 * With Stripe, a new subscription goes straight to Checkout.
 */
export function OrderPanel({
  plan,
  interval,
  onDone,
  onBack,
}: {
  plan: string;
  interval: Interval;
  onDone(message: string): void;
  onBack(): void;
}) {
  const [quote, setQuote] = useState<PlanQuote | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [form, setForm] = useState<OrderForm>({ name: '', email: '', vatId: '', confirmed: false });
  const [touched, setTouched] = useState(false);
  const [vatForQuote, setVatForQuote] = useState('');

  useEffect(() => {
    const ctrl = new AbortController();
    api<PlanQuote>('/v1/subscription/quote', {
      query: { plan, interval, vatId: vatForQuote || undefined },
      signal: ctrl.signal,
    }).then(
      (q) => {
        setQuote(q);
        setError(null);
      },
      (e: unknown) => {
        if ((e as Error)?.name !== 'AbortError') setError(e);
      },
    );
    return () => ctrl.abort();
  }, [plan, interval, vatForQuote]);

  const manual = quote?.provider === 'manual';
  const errors = touched && manual ? orderFormErrors(form) : {};

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!quote) return;
    setTouched(true);
    if (manual && Object.keys(orderFormErrors(form)).length) return;
    if (!manual && quote.kind === 'change' && !form.confirmed) return;
    setBusy(true);
    setError(null);
    try {
      const res = await api<ChooseResult>('/v1/subscription', {
        method: 'POST',
        body: {
          plan,
          interval,
          ...(manual
            ? {
                billingContact: { name: form.name.trim(), email: form.email.trim() },
                ...(form.vatId.trim() ? { vatId: form.vatId.trim() } : {}),
              }
            : {}),
          ...(form.confirmed ? { confirm: true } : {}),
        },
      });
      if (res?.checkoutUrl) {
        window.location.assign(res.checkoutUrl);
        return;
      }
      onDone(
        res?.order
          ? t('subscription.order.placed', { email: res.order.billingContact.email })
          : t('subscription.order.changed', { plan: quote.planName }),
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  if (!quote)
    return (
      <div className="card">
        <ProblemAlert error={error} />
      </div>
    );
  const stripeCheckout = !manual && quote.kind === 'subscribe';
  const field = (key: keyof OrderForm) =>
    errors[key] ? { 'aria-invalid': true, 'aria-describedby': `order-${key}-err` } : {};
  return (
    <div className="card" data-testid="order-panel">
      <h2>
        {quote.kind === 'change'
          ? t('subscription.order.changeTitle', { plan: quote.planName })
          : t('subscription.order.orderTitle', { plan: quote.planName })}
      </h2>
      <form className="order-form" onSubmit={submit} noValidate>
        {stripeCheckout ? (
          <p>{t('subscription.order.stripeNote')}</p>
        ) : (
          <ul className="order-lines">
            {quoteLines(quote).map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        )}
        {manual && (
          <>
            <div className="field">
              <label htmlFor="order-name">{t('subscription.order.billingName')}</label>
              <input
                id="order-name"
                autoComplete="name"
                value={form.name}
                onChange={(e) => setForm({ ...form, name: e.target.value })}
                {...field('name')}
              />
              {errors.name && (
                <p id="order-name-err" className="field-error">
                  {errors.name}
                </p>
              )}
            </div>
            <div className="field">
              <label htmlFor="order-email">{t('subscription.order.billingEmail')}</label>
              <input
                id="order-email"
                type="email"
                autoComplete="email"
                value={form.email}
                onChange={(e) => setForm({ ...form, email: e.target.value })}
                {...field('email')}
              />
              {errors.email && (
                <p id="order-email-err" className="field-error">
                  {errors.email}
                </p>
              )}
            </div>
            <div className="field">
              <label htmlFor="order-vat">{t('subscription.order.vatId')}</label>
              <input
                id="order-vat"
                value={form.vatId}
                placeholder="FI12345678"
                onChange={(e) => setForm({ ...form, vatId: e.target.value })}
                // The VAT id decides the VAT (reverse charge in other EU countries): re-quote when it is done.
                onBlur={() => setVatForQuote(form.vatId.trim())}
                {...field('vatId')}
              />
              <p id="order-vatId-err" className={errors.vatId ? 'field-error' : 'small muted'}>
                {t('subscription.order.vatIdHint')}
              </p>
            </div>
          </>
        )}
        {!stripeCheckout && (
          <label className="checkbox">
            <input
              type="checkbox"
              checked={form.confirmed}
              onChange={(e) => setForm({ ...form, confirmed: e.target.checked })}
              {...field('confirmed')}
            />{' '}
            {quote.kind === 'change'
              ? t('subscription.order.confirmChange', { company: quote.company })
              : t('subscription.order.confirm', { company: quote.company })}
          </label>
        )}
        {touched && !form.confirmed && !stripeCheckout && (
          <p id="order-confirmed-err" className="field-error">
            {t('subscription.order.confirmRequired')}
          </p>
        )}
        <ProblemAlert error={error} />
        <div className="actions">
          <button className="btn btn-primary" disabled={busy}>
            {stripeCheckout
              ? t('subscription.select', { plan: quote.planName })
              : quote.kind === 'change'
                ? t('subscription.order.applyChange')
                : t('subscription.order.placeOrder')}
          </button>{' '}
          <button type="button" className="btn" onClick={onBack} disabled={busy}>
            {t('subscription.order.back')}
          </button>
        </div>
      </form>
    </div>
  );
}
