import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useSession } from '../../auth/session';
import { IntervalSwitch, PlanCards } from '../../components/PlanCards';
import { NotAvailable, ProblemAlert, SuccessNote, LoadingBlock } from '../../components/feedback';
import { t, tDynamic } from '../../i18n';
import { formatDate, formatMoney } from '../../lib/format';
import { intervalsOf, type Interval, type PlanList } from '../../lib/pricing';
import { useApi } from '../../lib/useApi';
import { CancelControls } from './CancelControls';
import { InvoicesCard } from './InvoicesCard';
import { OrderPanel } from './OrderPanel';

export function SubscriptionSection() {
  const { subscription, subscriptionUnavailable, reloadSubscription, can } = useSession();
  const [params] = useSearchParams();
  // The pricing page links here with ?plan=&interval= to open the order step at once.
  const [choice, setChoice] = useState<{ plan: string; interval: Interval } | null>(() => {
    const plan = params.get('plan');
    const i = params.get('interval');
    return plan ? { plan, interval: i === 'year' ? 'year' : 'month' } : null;
  });
  const [done, setDone] = useState<string | null>(null);
  const [interval, setInterval] = useState<Interval>(
    params.get('interval') === 'year' ? 'year' : 'month',
  );
  const checkout = params.get('checkout');
  // Bumped after a change, so the invoice list reloads.
  const [version, setVersion] = useState(0);
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
        {done && <SuccessNote>{done}</SuccessNote>}
        {checkout === 'success' && !done && (
          <SuccessNote>{t('subscription.order.checkoutSuccess')}</SuccessNote>
        )}
        {checkout === 'canceled' && !done && (
          <p className="muted">{t('subscription.order.checkoutCanceled')}</p>
        )}
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
                    disabled={!isOwner || choice !== null}
                    onClick={() => {
                      setDone(null);
                      setChoice({ plan: plan.id, interval: i });
                    }}
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
      {s.pendingOrder && (
        <div className="card" data-testid="pending-order">
          <h2>{t('subscription.order.pendingTitle')}</h2>
          <p>
            {t('subscription.order.pendingBody', {
              plan: s.pendingOrder.planName,
              total: formatMoney(s.pendingOrder.recurringTotal ?? s.pendingOrder.dueNow.total),
              period:
                s.pendingOrder.interval === 'year'
                  ? t('subscription.order.periodYear')
                  : t('subscription.order.periodMonth'),
              date: formatDate(s.pendingOrder.createdAt),
            })}
          </p>
        </div>
      )}
      {choice && isOwner && (
        <OrderPanel
          key={`${choice.plan}:${choice.interval}`}
          plan={choice.plan}
          interval={choice.interval}
          onBack={() => setChoice(null)}
          onDone={(message) => {
            setChoice(null);
            setDone(message);
            setVersion((v) => v + 1);
            void reloadSubscription();
          }}
        />
      )}
      {isOwner && (
        <CancelControls
          subscription={s}
          onChanged={(message) => {
            setDone(message);
            setVersion((v) => v + 1);
            void reloadSubscription();
          }}
        />
      )}
      {isOwner && <InvoicesCard version={version} />}
    </>
  );
}
