import { useState } from 'react';
import { api } from '../../api/client';
import type { Subscription } from '../../api/types';
import { ProblemAlert } from '../../components/feedback';
import { t } from '../../i18n';
import { formatDate } from '../../lib/format';

/** Cancel at the period end (asked twice), or take a cancellation back while the period runs. */
export function CancelControls({
  subscription: s,
  onChanged,
}: {
  subscription: Subscription;
  onChanged(message: string): void;
}) {
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  // When the page opened: a period that ends while it is open is refused by the API (409) with a reason.
  const [openedAt] = useState(() => Date.now());
  const end = s.currentPeriodEnd ? formatDate(s.currentPeriodEnd) : '';
  const paidPlan = s.plan !== 'trial';
  const canReactivate =
    s.status === 'canceled' &&
    paidPlan &&
    !!s.currentPeriodEnd &&
    Date.parse(s.currentPeriodEnd) > openedAt;

  async function post(path: string, message: string) {
    setBusy(true);
    setError(null);
    try {
      await api(path, { method: 'POST', body: {} });
      setAsking(false);
      onChanged(message);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  if (canReactivate)
    return (
      <div className="card">
        <p>{t('subscription.cancel.canceledNote', { date: end })}</p>
        <ProblemAlert error={error} />
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy}
          onClick={() =>
            void post('/v1/subscription/reactivate', t('subscription.cancel.reactivated'))
          }
        >
          {t('subscription.cancel.reactivate')}
        </button>
      </div>
    );
  if (s.status !== 'active' && s.status !== 'past_due') return null;
  return (
    <div className="card">
      <ProblemAlert error={error} />
      {asking ? (
        <>
          <p>{t('subscription.cancel.confirm', { date: end })}</p>
          <button
            type="button"
            className="btn btn-danger-ghost"
            disabled={busy}
            onClick={() =>
              void post('/v1/subscription/cancel', t('subscription.cancel.done', { date: end }))
            }
          >
            {t('subscription.cancel.yes')}
          </button>{' '}
          <button type="button" className="btn" disabled={busy} onClick={() => setAsking(false)}>
            {t('subscription.cancel.no')}
          </button>
        </>
      ) : (
        <button type="button" className="btn" onClick={() => setAsking(true)}>
          {t('subscription.cancel.cancel')}
        </button>
      )}
    </div>
  );
}
