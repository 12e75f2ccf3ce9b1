import { Link } from 'react-router-dom';
import { api } from '../api/client';
import type { ContractSummary, Page } from '../api/types';
import { PageTitle } from '../components/Layout';
import { LoadingBlock, ProblemAlert } from '../components/feedback';
import { t } from '../i18n';
import { formatDate } from '../lib/format';
import { reasonText } from '../lib/review';
import { usePagedList } from '../lib/usePagedList';
import { contractTitle } from './ContractsPage';

/** The review queue: every contract waiting for a person (status needs_review), each with its reasons. */
export default function ReviewQueuePage() {
  const list = usePagedList(
    (cursor, signal) =>
      api<Page<ContractSummary>>('/v1/contracts', {
        query: { status: 'needs_review', sort: 'noticeDeadline', limit: 50, cursor },
        signal,
      }),
    [],
  );
  const { first, rows } = list;
  return (
    <section>
      <PageTitle>{t('review.queueTitle')}</PageTitle>
      <p className="muted">{t('review.queueLead')}</p>
      {first.error ? (
        <ProblemAlert error={first.error} onRetry={() => void first.reload()} />
      ) : !first.data ? (
        <LoadingBlock lines={4} />
      ) : rows.length === 0 ? (
        <div className="card empty-state" data-testid="review-queue-empty">
          <p>{t('review.queueEmpty')}</p>
        </div>
      ) : (
        <ul className="review-queue" data-testid="review-queue">
          {rows.map((c) => (
            <li key={c.id} className="card review-queue-item" data-testid="review-queue-item">
              <div className="review-queue-head">
                <Link to={`/contracts/${c.id}`} className="review-queue-title">
                  {contractTitle(c)}
                </Link>
                <span className="muted small">
                  {c.counterparty ? `${c.counterparty} · ` : ''}
                  {formatDate(c.createdAt.slice(0, 10))}
                </span>
              </div>
              <ul className="review-reasons">
                {c.reviewReasons.map((r, i) => (
                  <li key={i}>{reasonText(r, c)}</li>
                ))}
              </ul>
              <Link to={`/contracts/${c.id}`} className="btn btn-small">
                {t('review.open')}
              </Link>
            </li>
          ))}
        </ul>
      )}
      <ProblemAlert error={list.moreError} />
      {list.hasMore && (
        <button
          type="button"
          className="btn"
          disabled={list.loadingMore}
          onClick={() => void list.loadMore()}
        >
          {t('contracts.loadMore')}
        </button>
      )}
    </section>
  );
}
