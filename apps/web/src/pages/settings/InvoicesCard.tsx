import { api } from '../../api/client';
import type { components } from '../../api/schema';
import { LoadingBlock, ProblemAlert } from '../../components/feedback';
import { t, tDynamic } from '../../i18n';
import { formatDate, formatMoney } from '../../lib/format';
import { useApi } from '../../lib/useApi';

type InvoiceList = components['schemas']['InvoiceListDto'];

/** Settings → Subscription: the invoices and receipts (our own records, or Stripe's with its pages). */
export function InvoicesCard({ version }: { version: number }) {
  const list = useApi<InvoiceList>(
    (signal) => api<InvoiceList>('/v1/subscription/invoices', { signal }),
    [version],
  );
  return (
    <div className="card" data-testid="invoices">
      <h2>{t('subscription.invoices.title')}</h2>
      <ProblemAlert error={list.error} />
      {!list.data && !list.error && <LoadingBlock />}
      {list.data && list.data.data.length === 0 && (
        <p className="muted">{t('subscription.invoices.empty')}</p>
      )}
      {list.data && list.data.data.length > 0 && (
        <table className="table">
          <thead>
            <tr>
              <th>{t('subscription.invoices.number')}</th>
              <th>{t('subscription.invoices.date')}</th>
              <th>{t('subscription.invoices.period')}</th>
              <th>{t('subscription.invoices.amount')}</th>
              <th>{t('subscription.invoices.status')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {list.data.data.map((inv) => (
              <tr key={inv.id}>
                <td>{inv.number ?? '–'}</td>
                <td>{formatDate(inv.issuedAt)}</td>
                <td>
                  {inv.periodStart && inv.periodEnd
                    ? `${formatDate(inv.periodStart)} – ${formatDate(inv.periodEnd)}`
                    : ''}
                </td>
                <td>{formatMoney(inv.total)}</td>
                <td>
                  {tDynamic(`subscription.invoices.statuses.${inv.status}`)}
                  {inv.status === 'open' && inv.dueAt && (
                    <span className="small muted">
                      {' '}
                      {t('subscription.invoices.due', { date: formatDate(inv.dueAt) })}
                    </span>
                  )}
                  {inv.status === 'paid' && inv.paidAt && (
                    <span className="small muted">
                      {' '}
                      {t('subscription.invoices.paidOn', { date: formatDate(inv.paidAt) })}
                    </span>
                  )}
                </td>
                <td>
                  {inv.hostedUrl && (
                    <a href={inv.hostedUrl} target="_blank" rel="noreferrer">
                      {t('subscription.invoices.view')}
                    </a>
                  )}{' '}
                  {inv.pdfUrl && (
                    <a href={inv.pdfUrl} target="_blank" rel="noreferrer">
                      {t('subscription.invoices.pdf')}
                    </a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
