import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { Alert, AlertStatus, Page } from '../../api/types';
import { Loadable, LoadMore, LoadingBlock } from '../../components/feedback';
import { t, tDynamic, type MessageKey } from '../../i18n';
import { formatDate, formatDateTime } from '../../lib/format';
import { usePagedList } from '../../lib/usePagedList';

const PAGE_SIZE = 25;

const STATUS_BADGE: Record<AlertStatus, string> = {
  sent: 'badge badge-parsed',
  pending: 'badge badge-processing',
  failed: 'badge badge-failed',
  canceled: 'badge',
};

// The reasons the worker records when it cancels an alert (apps/worker alert-send.handler.ts), in the
// catalogue's words. Any other text (a mail server's answer) is shown as it is.
const KNOWN_REASONS: Record<string, MessageKey> = {
  'recipient no longer receives alerts': 'settings.alertLog.reasons.recipientRemoved',
  'contract deleted before the alert was sent': 'settings.alertLog.reasons.contractDeleted',
  'deadline changed before the alert was sent': 'settings.alertLog.reasons.deadlineChanged',
};

function reasonText(a: Alert): string | null {
  if (!a.error) return null;
  if (a.status === 'pending') return t('settings.alertLog.retrying', { reason: a.error });
  if (a.status === 'sent') return null;
  const key = KNOWN_REASONS[a.error.trim().toLowerCase()];
  return key ? t(key) : a.error;
}

/** The alert log: which deadline alerts went out, to whom, and why some did not. */
export function AlertLog() {
  const list = usePagedList(
    (cursor, signal) =>
      api<Page<Alert>>('/v1/alerts', { query: { limit: PAGE_SIZE, cursor }, signal }),
    [],
  );

  return (
    <div className="card">
      <h2 id="alert-log-title">{t('settings.alertLog.title')}</h2>
      <p className="muted">{t('settings.alertLog.lead')}</p>
      <Loadable state={list.first} skeleton={<LoadingBlock lines={4} />}>
        {() =>
          list.rows.length === 0 ? (
            <p className="muted">{t('settings.alertLog.empty')}</p>
          ) : (
            <>
              <div className="table-wrap">
                <table className="table alert-log" aria-labelledby="alert-log-title">
                  <thead>
                    <tr>
                      <th scope="col">{t('settings.alertLog.columns.when')}</th>
                      <th scope="col">{t('settings.alertLog.columns.contract')}</th>
                      <th scope="col">{t('settings.alertLog.columns.what')}</th>
                      <th scope="col">{t('settings.alertLog.columns.recipient')}</th>
                      <th scope="col">{t('settings.alertLog.columns.status')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.rows.map((a) => (
                      <AlertRow key={a.id} alert={a} />
                    ))}
                  </tbody>
                </table>
              </div>
              <LoadMore list={list} label={t('settings.alertLog.loadMore')} />
            </>
          )
        }
      </Loadable>
    </div>
  );
}

/** A date stays on one line in a narrow column ("11 Jan 2027", not "11 Jan" over "2027"). */
function keepTogether(text: string): string {
  return text.replace(/ /g, '\u00a0');
}

/** A long address may wrap after its "@" when the column is narrow, rather than overflow or split a word. */
function breakAfterAt(address: string): ReactNode {
  const at = address.indexOf('@');
  if (at < 0) return address;
  return (
    <>
      {address.slice(0, at + 1)}
      <wbr />
      {address.slice(at + 1)}
    </>
  );
}

function AlertRow({ alert: a }: { alert: Alert }) {
  const when = a.sentAt ?? a.createdAt;
  const reason = reasonText(a);
  return (
    <tr>
      <td data-label={t('settings.alertLog.columns.when')}>
        <time dateTime={when}>{formatDateTime(when)}</time>
      </td>
      <td data-label={t('settings.alertLog.columns.contract')}>
        {a.contractTitle === null ? (
          <span className="muted">{t('settings.alertLog.deletedContract')}</span>
        ) : (
          <Link to={`/contracts/${a.contractId}`} className="row-link">
            {a.contractTitle}
          </Link>
        )}
      </td>
      <td data-label={t('settings.alertLog.columns.what')}>
        <span className={`kind-badge kind-${a.kind}`}>{tDynamic(`deadlines.${a.kind}`)}</span>{' '}
        <time dateTime={a.deadline}>{keepTogether(formatDate(a.deadline))}</time>
        <div className="small muted">{t('settings.alertLog.leadDays', { count: a.leadDays })}</div>
      </td>
      <td data-label={t('settings.alertLog.columns.recipient')}>{breakAfterAt(a.recipient)}</td>
      <td data-label={t('settings.alertLog.columns.status')}>
        <span className={STATUS_BADGE[a.status] ?? 'badge'}>
          {tDynamic(`settings.alertLog.statuses.${a.status}`)}
        </span>
        {reason && <div className="small muted">{reason}</div>}
      </td>
    </tr>
  );
}
