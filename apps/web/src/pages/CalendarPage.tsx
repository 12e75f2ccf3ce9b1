import { useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, isNotAvailable } from '../api/client';
import type { Deadline } from '../api/types';
import { PageTitle } from '../components/Layout';
import { useSession } from '../auth/session';
import {
  SuccessNote,
  CopyField,
  Loadable,
  LoadingBlock,
  NotAvailable,
  ProblemAlert,
} from '../components/feedback';
import { formatLocale, t, tDynamic } from '../i18n';
import { formatLongDate, formatMonth, parseIsoDate, toIsoDate, todayIso } from '../lib/format';
import { useApi } from '../lib/useApi';

const MAX_PER_DAY = 3;

function firstWeekday(): number {
  // Monday unless the locale says otherwise (Intl.Locale#getWeekInfo where available).
  try {
    const loc = new Intl.Locale(formatLocale) as Intl.Locale & {
      getWeekInfo?: () => { firstDay: number };
      weekInfo?: { firstDay: number };
    };
    const info = loc.getWeekInfo?.() ?? loc.weekInfo;
    if (info) return info.firstDay % 7;
  } catch {
    /* default below */
  }
  return 1;
}

export default function CalendarPage() {
  const [params, setParams] = useSearchParams();
  const month = /^\d{4}-\d{2}$/.test(params.get('month') ?? '')
    ? params.get('month')!
    : todayIso().slice(0, 7);
  const first = parseIsoDate(`${month}-01`)!;
  const weekStart = firstWeekday();
  const gridStart = new Date(first);
  gridStart.setUTCDate(1 - ((first.getUTCDay() - weekStart + 7) % 7));
  const days: string[] = [];
  for (let i = 0; i < 42; i++) {
    const d = new Date(gridStart);
    d.setUTCDate(gridStart.getUTCDate() + i);
    days.push(toIsoDate(d));
  }
  const from = days[0];
  const to = days[days.length - 1];
  const state = useApi(
    (signal) => api<{ data: Deadline[] }>('/v1/deadlines', { query: { from, to }, signal }),
    [from, to],
  );

  const shift = (n: number) => {
    const d = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + n, 1));
    setParams({ month: toIsoDate(d).slice(0, 7) });
  };
  const weekdayFmt = new Intl.DateTimeFormat(formatLocale, { weekday: 'short', timeZone: 'UTC' });
  const weekdays = days.slice(0, 7).map((d) => weekdayFmt.format(parseIsoDate(d)!));
  const today = todayIso();

  return (
    <section>
      <PageTitle>{t('calendar.title')}</PageTitle>
      <div className="calendar-layout">
        <div className="card calendar-card">
          <div className="calendar-head">
            <button
              type="button"
              className="btn btn-small"
              onClick={() => shift(-1)}
              aria-label={t('calendar.previous')}
            >
              ‹
            </button>
            <h2 aria-live="polite">{formatMonth(month, true)}</h2>
            <button
              type="button"
              className="btn btn-small"
              onClick={() => shift(1)}
              aria-label={t('calendar.next')}
            >
              ›
            </button>
            <button type="button" className="btn btn-small btn-ghost" onClick={() => setParams({})}>
              {t('calendar.today')}
            </button>
          </div>
          <Loadable state={state} skeleton={<LoadingBlock lines={6} />}>
            {(data) => {
              const byDay = new Map<string, Deadline[]>();
              for (const d of data.data) byDay.set(d.date, [...(byDay.get(d.date) ?? []), d]);
              const inMonth = data.data.filter((d) => d.date.startsWith(month));
              return (
                <>
                  <div className="calendar-grid" aria-hidden="true">
                    {weekdays.map((w, i) => (
                      <div key={`w${i}`} className="calendar-weekday">
                        {w}
                      </div>
                    ))}
                    {days.map((d) => {
                      const list = byDay.get(d) ?? [];
                      return (
                        <div
                          key={d}
                          className={`calendar-day${d.startsWith(month) ? '' : ' other-month'}${d === today ? ' today' : ''}`}
                        >
                          <span className="calendar-date">{Number(d.slice(8))}</span>
                          {list.slice(0, MAX_PER_DAY).map((x, i) => (
                            <Link
                              key={i}
                              to={`/contracts/${x.contractId}`}
                              className={`calendar-event kind-${x.kind}`}
                              tabIndex={-1}
                              title={`${tDynamic(`deadlines.${x.kind}`)}: ${x.contractTitle ?? ''}`}
                            >
                              {x.contractTitle || t('contracts.untitled')}
                            </Link>
                          ))}
                          {list.length > MAX_PER_DAY && (
                            <span className="small muted">
                              {t('calendar.more', { count: list.length - MAX_PER_DAY })}
                            </span>
                          )}
                        </div>
                      );
                    })}
                  </div>
                  {/* The same deadlines as a list: the accessible and phone-friendly view of the month. */}
                  <h3 className="calendar-list-title">
                    {t('calendar.listTitle', { month: formatMonth(month, true) })}
                  </h3>
                  {inMonth.length === 0 ? (
                    <p className="muted">{t('calendar.noDeadlines')}</p>
                  ) : (
                    <ul className="calendar-list">
                      {inMonth.map((x, i) => (
                        <li key={i}>
                          <time dateTime={x.date}>{formatLongDate(x.date)}</time>
                          <span className={`kind-badge kind-${x.kind}`}>
                            {tDynamic(`deadlines.${x.kind}`)}
                          </span>
                          <Link to={`/contracts/${x.contractId}`}>
                            {x.contractTitle || t('contracts.untitled')}
                          </Link>
                        </li>
                      ))}
                    </ul>
                  )}
                </>
              );
            }}
          </Loadable>
        </div>
        <aside className="card feed-card">
          <h2>{t('calendar.feedTitle')}</h2>
          <p className="small">{t('calendar.feedLead')}</p>
          <CalendarFeed />
        </aside>
      </div>
    </section>
  );
}

function CalendarFeed() {
  const { can } = useSession();
  const [url, setUrl] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [revoked, setRevoked] = useState(false);
  if (error && isNotAvailable(error)) return <NotAvailable />;

  async function show() {
    setBusy(true);
    setError(null);
    setRevoked(false);
    try {
      const r = await api<{ url: string }>('/v1/calendar');
      setUrl(r.url);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function revoke() {
    if (!window.confirm(t('calendar.feedRevokeConfirm'))) return;
    setBusy(true);
    setError(null);
    try {
      await api('/v1/calendar', { method: 'DELETE' });
      setUrl(null);
      setRevoked(true);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  if (url) {
    const webcal = url.replace(/^https?:/, 'webcal:');
    return (
      <div className="stack">
        <CopyField value={url} label={t('calendar.feedLabel')} />
        <ProblemAlert error={error} />
        <div className="button-row">
          <a className="btn" href={webcal}>
            {t('calendar.feedTitle')}
          </a>
          {can('admin') && (
            <button
              type="button"
              className="btn btn-danger-ghost"
              onClick={() => void revoke()}
              disabled={busy}
            >
              {t('calendar.feedRevoke')}
            </button>
          )}
        </div>
      </div>
    );
  }
  return (
    <>
      <ProblemAlert error={error} />
      {revoked && <SuccessNote>{t('calendar.feedRevoked')}</SuccessNote>}
      <button type="button" className="btn btn-primary" disabled={busy} onClick={() => void show()}>
        {t('calendar.feedShow')}
      </button>
    </>
  );
}
