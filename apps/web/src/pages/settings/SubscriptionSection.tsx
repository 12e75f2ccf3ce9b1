import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { IntervalSwitch, PlanCards } from '../../components/PlanCards';
import { NotAvailable, ProblemAlert, SuccessNote, LoadingBlock } from '../../components/feedback';
import { t, tDynamic } from '../../i18n';
import { formatDate } from '../../lib/format';
import { intervalsOf, type Interval, type PlanList } from '../../lib/pricing';
import { useApi } from '../../lib/useApi';

export function SubscriptionSection() {
  const { subscription, subscriptionUnavailable, reloadSubscription, can } = useSession();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
  const [interval, setInterval] = useState<Interval>('month');
  // The plans on offer and their prices come from the catalogue (GET /v1/plans), never from the UI.
  const plans = useApi<PlanList>((signal) => api<PlanList>('/v1/plans', { signal }), []);
  const isOwner = can('owner');

  if (subscriptionUnavailable)
    return (
      <div className="card">
        <h2>{t('subscription.title')}</h2>
        <NotAvailable />
      </div>
    );
  if (!subscription)
    return (
      <div className="card">
        <LoadingBlock />
      </div>
    );
  const s = subscription;
  const limit = (n: number | null | undefined) =>
    n === null || n === undefined ? t('subscription.unlimited') : n;

  async function choose(plan: string, name: string, chosenInterval: Interval) {
    setBusy(plan);
    setError(null);
    setDone(null);
    try {
      const res = await api<{ checkoutUrl?: string | null }>('/v1/subscription', {
        method: 'POST',
        body: { plan, interval: chosenInterval },
      });
      // The payment provider may need the card first: continue there, it returns to the app.
      if (res?.checkoutUrl) {
        window.location.assign(res.checkoutUrl);
        return;
      }
      await reloadSubscription();
      setDone(name);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(null);
    }
  }

  return (
    <>
      <div className="card">
        <h2>{t('subscription.title')}</h2>
        <dl className="facts">
          <div>
            <dt>{t('subscription.plan')}</dt>
            <dd>{s.planName || s.plan || t('app.none')}</dd>
          </div>
          <div>
            <dt>{t('subscription.status')}</dt>
            <dd>
              <span className={`badge sub-${s.status}`}>
                {tDynamic(`subscription.statuses.${s.status}`)}
              </span>
            </dd>
          </div>
          {s.trialEndsAt && s.status === 'trialing' && (
            <div>
              <dt>{t('subscription.trialEndsAt')}</dt>
              <dd>{formatDate(s.trialEndsAt)}</dd>
            </div>
          )}
          {s.currentPeriodEnd && (
            <div>
              <dt>{t('subscription.currentPeriodEnd')}</dt>
              <dd>{formatDate(s.currentPeriodEnd)}</dd>
            </div>
          )}
          {s.usage && (
            <div>
              <dt>{t('subscription.usage')}</dt>
              <dd>
                {t('subscription.contractsUsage', {
                  used: s.usage.contracts,
                  limit: limit(s.limits?.contracts),
                })}
                <br />
                {t('subscription.usersUsage', {
                  used: s.usage.users,
                  limit: limit(s.limits?.users),
                })}
              </dd>
            </div>
          )}
        </dl>
      </div>
      <div className="card">
        <h2>{t('subscription.choosePlan')}</h2>
        {!isOwner && <p className="muted">{t('subscription.ownerOnly')}</p>}
        <ProblemAlert error={error} />
        {done && <SuccessNote>{t('subscription.changed', { plan: done })}</SuccessNote>}
        <ProblemAlert error={plans.error} />
        {!plans.data && !plans.error && <LoadingBlock />}
        {plans.data && (
          <>
            <IntervalSwitch
              intervals={intervalsOf(plans.data.data)}
              value={interval}
              onChange={setInterval}
            />
            <PlanCards
              list={plans.data}
              interval={interval}
              currentPlan={s.status === 'active' ? s.plan : null}
              action={(plan, i) =>
                s.status === 'active' && s.plan === plan.id ? (
                  <span className="badge">{t('subscription.current')}</span>
                ) : (
                  <button
                    type="button"
                    className="btn btn-primary btn-small"
                    disabled={!isOwner || busy !== null}
                    onClick={() => void choose(plan.id, plan.name, i)}
                  >
                    {t('subscription.select', { plan: plan.name })}
                  </button>
                )
              }
            />
          </>
        )}
        <p className="small">
          <Link to="/pricing">{t('pricing.seePrices')}</Link>
        </p>
      </div>
    </>
  );
}
