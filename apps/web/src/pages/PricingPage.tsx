import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../api/client';
import { useSession } from '../auth/session';
import { IntervalSwitch, PlanCards } from '../components/PlanCards';
import { LoadingBlock, ProblemAlert } from '../components/feedback';
import { t } from '../i18n';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher';
import { formatNumber } from '../lib/format';
import { intervalsOf, type Interval, type PlanList } from '../lib/pricing';
import { useApi } from '../lib/useApi';

/** /pricing: the public price list, for visitors and signed-in users alike (GET /v1/plans needs no sign-in). */
export default function PricingPage() {
  const { status } = useSession();
  const plans = useApi<PlanList>((signal) => api<PlanList>('/v1/plans', { signal }), []);
  const [interval, setInterval] = useState<Interval>('month');
  useEffect(() => {
    document.title = `${t('pricing.title')} · ${t('app.name')}`;
  }, []);
  const signedIn = status === 'authenticated';
  const list = plans.data;
  const unlimited = (n: number | null) =>
    n === null ? t('subscription.unlimited') : formatNumber(n);

  return (
    <main id="main" className="pricing-page">
      <header className="pricing-header">
        <Link to="/" className="brand">
          {t('app.name')}
        </Link>
        <LanguageSwitcher />
      </header>
      <h1>{t('pricing.title')}</h1>
      <p className="muted">{t('pricing.lead')}</p>
      <ProblemAlert error={plans.error} />
      {!list && !plans.error && <LoadingBlock />}
      {list && (
        <>
          <p>
            {t('pricing.trialNote', {
              days: list.trial.days,
              contracts: unlimited(list.trial.limits.contracts),
              users: unlimited(list.trial.limits.users),
            })}
          </p>
          <IntervalSwitch
            intervals={intervalsOf(list.data)}
            value={interval}
            onChange={setInterval}
          />
          <PlanCards
            list={list}
            interval={interval}
            action={(plan, i) =>
              signedIn ? (
                <Link
                  className="btn btn-primary btn-small"
                  to={`/settings/subscription?plan=${encodeURIComponent(plan.id)}&interval=${i}`}
                >
                  {t('subscription.select', { plan: plan.name })}
                </Link>
              ) : (
                <Link className="btn btn-primary btn-small" to="/signup">
                  {t('pricing.startTrial')}
                </Link>
              )
            }
          />
          {list.vat.reverseChargeInEu && !list.vat.included && (
            <p className="small muted">
              {t('pricing.reverseCharge', { country: list.vat.sellerCountry })}
            </p>
          )}
        </>
      )}
    </main>
  );
}
