import type { ReactNode } from 'react';
import { t, uiLanguage } from '../i18n';
import { formatMoney, formatNumber } from '../lib/format';
import {
  describe,
  priceOf,
  withVat,
  yearlySavingPercent,
  type CataloguePlan,
  type Interval,
  type PlanList,
} from '../lib/pricing';

/** The interval switch above the plan cards (only when plans have both prices). */
export function IntervalSwitch({
  intervals,
  value,
  onChange,
}: {
  intervals: Interval[];
  value: Interval;
  onChange(i: Interval): void;
}) {
  if (intervals.length < 2) return null;
  return (
    <div className="segmented" role="radiogroup" aria-label={t('pricing.billingPeriod')}>
      {intervals.map((i) => (
        <button
          key={i}
          type="button"
          role="radio"
          aria-checked={value === i}
          className={value === i ? 'btn btn-small btn-primary' : 'btn btn-small'}
          onClick={() => onChange(i)}
        >
          {i === 'month' ? t('pricing.monthly') : t('pricing.yearly')}
        </button>
      ))}
    </div>
  );
}

function limitLine(n: number | null, unlimited: string, counted: string): string {
  return n === null ? unlimited : counted.replace('{count}', formatNumber(n));
}

/** One card per offered plan: price for the interval, VAT, limits, and the caller's action. */
export function PlanCards({
  list,
  interval,
  currentPlan,
  action,
}: {
  list: PlanList;
  interval: Interval;
  currentPlan?: string | null;
  action(plan: CataloguePlan, interval: Interval): ReactNode;
}) {
  return (
    <div className="plans">
      {list.data.map((plan) => {
        const price = priceOf(plan, interval);
        const saving = interval === 'year' ? yearlySavingPercent(plan) : 0;
        const current = currentPlan === plan.id;
        return (
          <div key={plan.id} className={`plan${current ? ' current' : ''}`} data-plan={plan.id}>
            <h3>{plan.name}</h3>
            <p className="small muted">{describe(plan, uiLanguage)}</p>
            {price ? (
              <p className="plan-price">
                <strong>{formatMoney(price)}</strong>{' '}
                <span className="muted">
                  {interval === 'month' ? t('pricing.perMonth') : t('pricing.perYear')}
                </span>
                <br />
                <span className="small muted">
                  {list.vat.included
                    ? t('pricing.vatIncluded', { rate: list.vat.ratePercent })
                    : t('pricing.vatExcluded', {
                        rate: list.vat.ratePercent,
                        total: formatMoney(withVat(price, list.vat)),
                      })}
                </span>
                {saving > 0 && (
                  <>
                    <br />
                    <span className="badge">{t('pricing.save', { percent: saving })}</span>
                  </>
                )}
              </p>
            ) : (
              <p className="small muted">{t('pricing.noPriceForInterval')}</p>
            )}
            <ul className="small plan-limits">
              <li>
                {limitLine(
                  plan.limits.contracts,
                  t('pricing.unlimitedContracts'),
                  t('pricing.contracts'),
                )}
              </li>
              <li>
                {limitLine(plan.limits.users, t('pricing.unlimitedUsers'), t('pricing.users'))}
              </li>
            </ul>
            {price && action(plan, interval)}
          </div>
        );
      })}
    </div>
  );
}
