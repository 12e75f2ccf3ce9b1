import { useMemo, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, type Query } from '../api/client';
import type { Contract, ContractStatus, ContractSummary, Page } from '../api/types';
import { PageTitle } from '../components/Layout';
import {
  Loadable,
  LoadMore,
  LoadingBlock,
  ProblemAlert,
  StatusBadge,
} from '../components/feedback';
import { t, tDynamic } from '../i18n';
import { exportCsv, exportXlsx, fetchAllContracts } from '../lib/export';
import { formatDate, formatDateTime, formatMoney } from '../lib/format';
import { usePagedList } from '../lib/usePagedList';
import { contractName, noticeSentenceOf } from '../lib/wording';
import { ownerLabel, useTeamMembers } from '../lib/useTeamMembers';

const STATUSES: ContractStatus[] = ['processing', 'parsed', 'needs_review', 'failed'];
const SORTS = [
  '-createdAt',
  'createdAt',
  'title',
  '-title',
  'noticeDeadline',
  'nextRenewalDate',
  'expirationDate',
] as const;
const FILTER_KEYS = [
  'q',
  'status',
  'counterparty',
  'tag',
  'owner',
  'renewsAfter',
  'renewsBefore',
  'sort',
] as const;
type FilterKey = (typeof FILTER_KEYS)[number];

/** "Counterparty – Title", the title in normal case (lib/wording.ts); the file name when neither is known. */
export function contractTitle(
  c: Pick<Contract, 'title' | 'counterparty' | 'terms' | 'file'>,
): string {
  return contractName(c);
}

export default function ContractsPage() {
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => {
    const f: Record<FilterKey, string> = {} as Record<FilterKey, string>;
    for (const k of FILTER_KEYS) f[k] = params.get(k) ?? '';
    return f;
  }, [params]);
  const query: Query = useMemo(() => ({ ...filters }), [filters]);
  const [draft, setDraft] = useState(filters);
  const team = useTeamMembers();

  const list = usePagedList(
    (cursor, signal) =>
      api<Page<ContractSummary>>('/v1/contracts', {
        query: { ...query, limit: 25, cursor },
        signal,
      }),
    [query],
  );
  // New filters (from the URL): the form shows them.
  const [shownFilters, setShownFilters] = useState(filters);
  if (shownFilters !== filters) {
    setShownFilters(filters);
    setDraft(filters);
  }

  function apply(e?: FormEvent) {
    e?.preventDefault();
    const next = new URLSearchParams();
    for (const k of FILTER_KEYS) if (draft[k]) next.set(k, draft[k]);
    setParams(next);
  }

  const [exporting, setExporting] = useState<'csv' | 'xlsx' | null>(null);
  const [exportError, setExportError] = useState<unknown>(null);
  async function doExport(kind: 'csv' | 'xlsx') {
    setExporting(kind);
    setExportError(null);
    try {
      const { rows: all } = await fetchAllContracts(query);
      if (kind === 'csv') exportCsv(all);
      else await exportXlsx(all);
    } catch (e) {
      setExportError(e);
    } finally {
      setExporting(null);
    }
  }

  const hasFilters = FILTER_KEYS.some((k) => k !== 'sort' && filters[k]);
  const set = (k: FilterKey) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [k]: e.target.value }));

  return (
    <section>
      <PageTitle
        actions={
          <>
            <button
              type="button"
              className="btn"
              onClick={() => void doExport('csv')}
              disabled={exporting !== null}
            >
              {exporting === 'csv' ? t('contracts.exporting') : t('contracts.exportCsv')}
            </button>
            <button
              type="button"
              className="btn"
              onClick={() => void doExport('xlsx')}
              disabled={exporting !== null}
            >
              {exporting === 'xlsx' ? t('contracts.exporting') : t('contracts.exportXlsx')}
            </button>
            <Link to="/upload" className="btn btn-primary">
              {t('contracts.uploadCta')}
            </Link>
          </>
        }
      >
        {t('contracts.title')}
      </PageTitle>
      <ProblemAlert error={exportError} />

      <form
        className="filters card"
        onSubmit={apply}
        role="search"
        aria-label={t('contracts.filters')}
      >
        <div className="field field-search">
          <label htmlFor="f-q">{t('contracts.search')}</label>
          <input
            id="f-q"
            type="search"
            value={draft.q}
            onChange={set('q')}
            placeholder={t('contracts.searchPlaceholder')}
          />
        </div>
        <div className="field">
          <label htmlFor="f-status">{t('contracts.status')}</label>
          <select id="f-status" value={draft.status} onChange={set('status')}>
            <option value="">{t('contracts.anyStatus')}</option>
            {STATUSES.map((s) => (
              <option key={s} value={s}>
                {tDynamic(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-counterparty">{t('contracts.counterparty')}</label>
          <input id="f-counterparty" value={draft.counterparty} onChange={set('counterparty')} />
        </div>
        <div className="field">
          <label htmlFor="f-tag">{t('contracts.tag')}</label>
          <input id="f-tag" value={draft.tag} onChange={set('tag')} />
        </div>
        <div className="field">
          <label htmlFor="f-owner">{t('contracts.owner')}</label>
          <select id="f-owner" value={draft.owner} onChange={set('owner')}>
            <option value="">{t('contracts.anyOwner')}</option>
            <option value="me">{t('contracts.myContracts')}</option>
            {team.members
              .filter((m) => m.id !== team.meId)
              .map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name}
                </option>
              ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-after">{t('contracts.renewsAfter')}</label>
          <input id="f-after" type="date" value={draft.renewsAfter} onChange={set('renewsAfter')} />
        </div>
        <div className="field">
          <label htmlFor="f-before">{t('contracts.renewsBefore')}</label>
          <input
            id="f-before"
            type="date"
            value={draft.renewsBefore}
            onChange={set('renewsBefore')}
          />
        </div>
        <div className="field">
          <label htmlFor="f-sort">{t('contracts.sort')}</label>
          <select id="f-sort" value={draft.sort} onChange={set('sort')}>
            <option value="">{t('contracts.sortOptions.-createdAt')}</option>
            {SORTS.filter((s) => s !== '-createdAt').map((s) => (
              <option key={s} value={s}>
                {tDynamic(`contracts.sortOptions.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="filter-actions">
          <button className="btn btn-primary">{t('contracts.apply')}</button>
          <button
            type="button"
            className="btn btn-ghost"
            onClick={() => {
              setParams(new URLSearchParams());
            }}
          >
            {t('contracts.reset')}
          </button>
        </div>
      </form>

      <Loadable state={list.first} skeleton={<LoadingBlock lines={6} />}>
        {() =>
          list.rows.length === 0 ? (
            <div className="empty-state">
              <p>{hasFilters ? t('contracts.empty') : t('contracts.emptyFirst')}</p>
              {!hasFilters && (
                <Link to="/upload" className="btn btn-primary">
                  {t('contracts.uploadCta')}
                </Link>
              )}
            </div>
          ) : (
            <>
              <p className="muted small" aria-live="polite">
                {t('contracts.showing', { count: list.rows.length })}
              </p>
              <div
                className={`table-wrap card${list.first.loading ? ' is-loading' : ''}`}
                aria-busy={list.first.loading}
              >
                <table className="table contracts-table">
                  <thead>
                    <tr>
                      <th scope="col">{t('contracts.columns.title')}</th>
                      <th scope="col">{t('contracts.columns.counterparty')}</th>
                      <th scope="col">{t('contracts.columns.owner')}</th>
                      <th scope="col">{t('contracts.columns.status')}</th>
                      <th scope="col">{t('contracts.columns.noticeDeadline')}</th>
                      <th scope="col">{t('contracts.columns.nextRenewalDate')}</th>
                      <th scope="col" className="num">
                        {t('contracts.columns.value')}
                      </th>
                      <th scope="col">{t('contracts.columns.updatedAt')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {list.rows.map((c) => (
                      <tr key={c.id}>
                        <td data-label={t('contracts.columns.title')}>
                          <Link to={`/contracts/${c.id}`} className="row-link">
                            {contractTitle(c)}
                          </Link>
                          {c.tags?.length > 0 && (
                            <div className="tags">
                              {c.tags.map((tag) => (
                                <span key={tag} className="tag">
                                  {tag}
                                </span>
                              ))}
                            </div>
                          )}
                        </td>
                        <td data-label={t('contracts.columns.counterparty')}>
                          {c.counterparty ?? ''}
                        </td>
                        <td
                          data-label={t('contracts.columns.owner')}
                          className={c.ownerId ? undefined : 'muted'}
                        >
                          {ownerLabel(c.ownerId, team)}
                        </td>
                        <td data-label={t('contracts.columns.status')}>
                          <StatusBadge status={c.status} />
                        </td>
                        <td
                          data-label={t('contracts.columns.noticeDeadline')}
                          data-testid="list-notice"
                        >
                          {noticeSentenceOf(c) ?? ''}
                        </td>
                        <td data-label={t('contracts.columns.nextRenewalDate')}>
                          {c.deadlines?.endingOn ? (
                            <span className="badge badge-needs" data-testid="list-ending-on">
                              {t('deadlines.endingOnDate', {
                                date: formatDate(c.deadlines.endingOn),
                              })}
                            </span>
                          ) : (
                            formatDate(c.deadlines?.nextRenewalDate)
                          )}
                        </td>
                        <td data-label={t('contracts.columns.value')} className="num">
                          {formatMoney(c.terms?.contractValue)}
                        </td>
                        <td data-label={t('contracts.columns.updatedAt')} className="muted">
                          {formatDateTime(c.updatedAt)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <LoadMore list={list} label={t('contracts.loadMore')} />
            </>
          )
        }
      </Loadable>
    </section>
  );
}
