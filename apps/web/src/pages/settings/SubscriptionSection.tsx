import { useState } from 'react';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { NotAvailable, ProblemAlert, SuccessNote, LoadingBlock } from '../../components/feedback';
import { t, tDynamic } from '../../i18n';
import { formatDate } from '../../lib/format';

// The plans a tenant can choose (the trial only starts at signup).
const PLANS = ['starter', 'business'] as const;

export function SubscriptionSection() {
  const { subscription, subscriptionUnavailable, reloadSubscription, can } = useSession();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<string | null>(null);
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

  async function choose(plan: string) {
    setBusy(plan);
    setError(null);
    setDone(null);
    try {
      const res = await api<{ checkoutUrl?: string | null }>('/v1/subscription', {
        method: 'POST',
        body: { plan },
      });
      // The payment provider may need the card first: continue there, it returns to the app.
      if (res?.checkoutUrl) {
        window.location.assign(res.checkoutUrl);
        return;
      }
      await reloadSubscription();
      setDone(tDynamic(`subscription.plans.${plan}`));
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
            <dd>
              {s.plan
                ? tDynamic(`subscription.plans.${s.plan}`) === `subscription.plans.${s.plan}`
                  ? s.plan
                  : tDynamic(`subscription.plans.${s.plan}`)
                : t('app.none')}
            </dd>
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
        <div className="plans">
          {PLANS.map((p) => {
            const current = s.plan === p && s.status === 'active';
            return (
              <div key={p} className={`plan${current ? ' current' : ''}`}>
                <h3>{tDynamic(`subscription.plans.${p}`)}</h3>
                <p className="small muted">{tDynamic(`subscription.plans.${p}Body`)}</p>
                {current ? (
                  <span className="badge">{t('subscription.current')}</span>
                ) : (
                  <button
                    type="button"
                    className="btn btn-primary btn-small"
                    disabled={!isOwner || busy !== null}
                    onClick={() => void choose(p)}
                  >
                    {t('subscription.select', { plan: tDynamic(`subscription.plans.${p}`) })}
                  </button>
                )}
              </div>
            );
          })}
        </div>
      </div>
    </>
  );
}
