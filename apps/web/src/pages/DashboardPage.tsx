import { lazy, Suspense } from 'react';
import { Link } from 'react-router-dom';
import { api, isNotAvailable } from '../api/client';
import type { ContractSummary, Deadline, Page } from '../api/types';
import { PageTitle } from '../components/Layout';
import { Loadable, LoadingBlock, NotAvailable, ProblemAlert } from '../components/feedback';
import { t, tDynamic } from '../i18n';
import {
  addDaysIso,
  formatLongDate,
  formatMoney,
  formatMonth,
  formatNumber,
  formatRelativeDays,
  todayIso,
} from '../lib/format';
import { fetchAllContracts } from '../lib/export';
import { computePortfolio } from '../lib/portfolio';
import { uncheckedSummary } from '../lib/review';
import { useApi } from '../lib/useApi';
import { contractName, noticeSentenceOf } from '../lib/wording';
import { Worklist } from './dashboard/Worklist';

const DashboardCharts = lazy(() => import('./DashboardCharts'));
const PORTFOLIO_LIMIT = 1000;

export default function DashboardPage() {
  const today = todayIso();
  const to = addDaysIso(today, 90);
  const deadlines = useApi(
    (signal) => api<{ data: Deadline[] }>('/v1/deadlines', { query: { from: today, to }, signal }),
    [today, to],
  );
  const review = useApi(
    (signal) =>
      api<Page<ContractSummary>>('/v1/contracts', {
        query: { status: 'needs_review', limit: 100 },
        signal,
      }),
    [],
  );
  const contracts = useApi(() => fetchAllContracts({}, PORTFOLIO_LIMIT), []);
  const portfolio = contracts.data ? computePortfolio(contracts.data.rows, today) : null;
  const unchecked = contracts.data ? uncheckedSummary(contracts.data.rows) : null;
  // "Every contract has been checked" only when nothing waits for review and no contract lacks what it needs.
  const uncheckedNotes = unchecked
    ? [
        unchecked.missingNotice > 0 &&
          t('dashboard.missingNotice', { count: unchecked.missingNotice }),
        unchecked.missingEnd > 0 && t('dashboard.missingEnd', { count: unchecked.missingEnd }),
        unchecked.failed > 0 && t('dashboard.unreadable', { count: unchecked.failed }),
        unchecked.processing > 0 && t('dashboard.stillReading', { count: unchecked.processing }),
      ].filter((n): n is string => !!n)
    : [];

  return (
    <section>
      <PageTitle
        actions={
          <Link to="/upload" className="btn btn-primary">
            {t('dashboard.upload')}
          </Link>
        }
      >
        {t('dashboard.title')}
      </PageTitle>

      <div className="kpis">
        <div className="card kpi">
          <h2 className="kpi-label">{t('dashboard.needsReview')}</h2>
          {review.error ? (
            isNotAvailable(review.error) ? (
              <p className="muted">{t('errors.notAvailableTitle')}</p>
            ) : (
              <ProblemAlert error={review.error} />
            )
          ) : review.data ? (
            <>
              <p className="kpi-value" data-testid="needs-review-count">
                {formatNumber(review.data.data.length)}
                {review.data.nextCursor ? '+' : ''}
              </p>
              {review.data.data.length > 0 && (
                <p className="muted small">
                  {t('dashboard.needsReviewBody', { count: review.data.data.length })}
                </p>
              )}
              {uncheckedNotes.map((n) => (
                <p key={n} className="small" data-testid="unchecked-note">
                  {n}
                </p>
              ))}
              {review.data.data.length === 0 && unchecked && uncheckedNotes.length === 0 && (
                <p className="muted small" data-testid="all-checked">
                  {t('dashboard.needsReviewNone')}
                </p>
              )}
              {review.data.data.length > 0 && <Link to="/review">{t('dashboard.reviewNow')}</Link>}
            </>
          ) : (
            <KpiSkeleton />
          )}
        </div>
        <div className="card kpi">
          <h2 className="kpi-label">{t('dashboard.contracts')}</h2>
          {contracts.data ? (
            <p className="kpi-value">
              {formatNumber(contracts.data.rows.length)}
              {contracts.data.truncated ? '+' : ''}
            </p>
          ) : contracts.error ? (
            isNotAvailable(contracts.error) ? (
              <p className="muted">{t('errors.notAvailableTitle')}</p>
            ) : (
              <ProblemAlert error={contracts.error} />
            )
          ) : (
            <KpiSkeleton />
          )}
        </div>
        <div className="card kpi kpi-wide">
          <h2 className="kpi-label">{t('dashboard.annualValue')}</h2>
          {portfolio ? (
            portfolio.annualByCurrency.length ? (
              <>
                <p className="kpi-value" data-testid="annual-value">
                  {formatMoney(
                    {
                      amount: portfolio.annualByCurrency[0].amount,
                      currency: portfolio.annualByCurrency[0].currency,
                    },
                    false,
                    true,
                  )}
                </p>
                {portfolio.annualByCurrency.length > 1 && (
                  <p className="small">
                    {t('dashboard.otherCurrencies', {
                      list: portfolio.annualByCurrency
                        .slice(1)
                        .map((v) => formatMoney(v, false, true))
                        .join(', '),
                    })}
                  </p>
                )}
                <p className="muted small">{t('dashboard.annualValueHelp')}</p>
              </>
            ) : (
              <p className="muted">{t('dashboard.noValue')}</p>
            )
          ) : contracts.error ? null : (
            <KpiSkeleton />
          )}
        </div>
      </div>

      <Worklist />

      <div className="card">
        <h2>{t('dashboard.upcoming')}</h2>
        <p className="muted small">{t('dashboard.upcomingLead')}</p>
        <Loadable state={deadlines} skeleton={<LoadingBlock lines={4} />}>
          {(d) => <DeadlineTimeline deadlines={d.data} contracts={contracts.data?.rows} />}
        </Loadable>
      </div>

      {contracts.data?.truncated && (
        <p className="muted small">{t('dashboard.truncated', { count: PORTFOLIO_LIMIT })}</p>
      )}
      {contracts.data && contracts.data.rows.length === 0 ? (
        <div className="card empty-state onboarding" data-testid="dashboard-onboarding">
          <h2>{t('dashboard.emptyTitle')}</h2>
          <p>{t('dashboard.emptyBody')}</p>
          <Link to="/upload" className="btn btn-primary">
            {t('dashboard.upload')}
          </Link>
        </div>
      ) : portfolio ? (
        <Suspense
          fallback={
            <div className="charts-grid">
              <div className="card chart-card">
                <LoadingBlock label={t('dashboard.chartsLoading')} />
              </div>
              <div className="card chart-card">
                <LoadingBlock label={t('dashboard.chartsLoading')} />
              </div>
            </div>
          }
        >
          <DashboardCharts portfolio={portfolio} />
        </Suspense>
      ) : contracts.error && isNotAvailable(contracts.error) ? (
        <NotAvailable />
      ) : !contracts.error ? (
        <div className="charts-grid">
          <div className="card chart-card">
            <LoadingBlock label={t('dashboard.chartsLoading')} />
          </div>
          <div className="card chart-card">
            <LoadingBlock label={t('dashboard.chartsLoading')} />
          </div>
        </div>
      ) : null}
    </section>
  );
}

function KpiSkeleton() {
  return (
    <div className="skeleton-line kpi-skeleton" role="status">
      <span className="visually-hidden">{t('app.loading')}</span>
    </div>
  );
}

const KIND_ORDER: Record<Deadline['kind'], number> = {
  notice: 0,
  renewal: 1,
  expiration: 2,
  obligation: 3,
};

/** The contracts the dashboard already holds, by id: names and notice wording for the timeline. */
type ContractsById = ReadonlyMap<string, ContractSummary>;

function DeadlineTimeline({
  deadlines,
  contracts,
}: {
  deadlines: Deadline[];
  contracts: ContractSummary[] | undefined;
}) {
  const byId: ContractsById = new Map((contracts ?? []).map((c) => [c.id, c]));
  if (!deadlines.length) return <p className="muted empty-inline">{t('dashboard.noUpcoming')}</p>;
  const notice = deadlines.filter((d) => d.kind === 'notice');
  const others = deadlines
    .filter((d) => d.kind !== 'notice')
    .sort((a, b) => a.date.localeCompare(b.date) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind]);
  return (
    <div className="timeline-groups">
      {notice.length > 0 && (
        <div>
          <h3 className="timeline-heading">{t('dashboard.noticeFirst')}</h3>
          <Timeline items={notice} contracts={byId} />
        </div>
      )}
      {others.length > 0 && (
        <div>
          <h3 className="timeline-heading">{t('dashboard.otherDeadlines')}</h3>
          <Timeline items={others} contracts={byId} />
        </div>
      )}
    </div>
  );
}

function Timeline({ items, contracts }: { items: Deadline[]; contracts: ContractsById }) {
  // Grouped by month so the eye can scan the next quarter.
  const groups = new Map<string, Deadline[]>();
  for (const d of items) {
    const key = d.date.slice(0, 7);
    groups.set(key, [...(groups.get(key) ?? []), d]);
  }
  return (
    <div className="timeline">
      {[...groups].map(([month, list]) => (
        <div key={month} className="timeline-month">
          <h4 className="timeline-month-label">{formatMonth(month, true)}</h4>
          <ol>
            {list.map((d, i) => (
              <li
                key={`${d.contractId}-${d.kind}-${d.date}-${i}`}
                className={`timeline-item kind-${d.kind}`}
                data-testid="timeline-item"
              >
                <span className="timeline-dot" aria-hidden="true" />
                <div className="timeline-date">
                  <time dateTime={d.date}>{formatLongDate(d.date)}</time>
                  <span className="muted small">{formatRelativeDays(d.date)}</span>
                </div>
                <div className="timeline-body">
                  <span className={`kind-badge kind-${d.kind}`}>
                    {tDynamic(`deadlines.${d.kind}`)}
                  </span>
                  <Link to={`/contracts/${d.contractId}`}>{timelineName(d, contracts)}</Link>
                  <TimelineNotice text={timelineNotice(d, contracts)} />
                </div>
              </li>
            ))}
          </ol>
        </div>
      ))}
    </div>
  );
}

/** "Counterparty – Title" when the contract is among those loaded, else the deadline's own title. */
function timelineName(d: Deadline, contracts: ContractsById): string {
  const c = contracts.get(d.contractId);
  return c ? contractName(c) : d.contractTitle || t('contracts.untitled');
}

/** What the notice deadline stops, for the contract's current notice deadline only. */
function timelineNotice(d: Deadline, contracts: ContractsById): string | null {
  if (d.kind !== 'notice') return null;
  const c = contracts.get(d.contractId);
  return c && c.deadlines?.noticeDeadline === d.date ? noticeSentenceOf(c) : null;
}

function TimelineNotice({ text }: { text: string | null }) {
  if (!text) return null;
  return (
    <span className="muted small timeline-notice" data-testid="timeline-notice">
      {text}
    </span>
  );
}
