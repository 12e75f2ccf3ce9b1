import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, NetworkError, isNotAvailable } from '../api/client';
import { t, tDynamic } from '../i18n';
import type { ContractStatus } from '../api/types';

/** A 404 from the framework's router (an endpoint not built yet), not a missing resource. */
function isRouteMissing(e: ApiError): boolean {
  return (
    e.status === 404 &&
    (!e.problem.detail || /^Cannot (GET|POST|PUT|PATCH|DELETE) /.test(e.problem.detail))
  );
}

/** Shows an API problem (RFC 9457) readably: its detail, the named fields, the error reference of a 500. */
export function ProblemAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  if (!error) return null;
  let title = t('errors.unexpected');
  let detail: string | undefined;
  let fields: { field: string; message: string }[] = [];
  let errorId: string | undefined;
  if (error instanceof NetworkError) title = t('errors.network');
  else if (error instanceof ApiError) {
    const p = error.problem;
    if (isRouteMissing(error)) title = t('errors.notAvailableBody');
    else if (error.status === 403 && !p.detail) title = t('errors.forbidden');
    else if (p.detail) {
      title = p.detail;
      detail = undefined;
    } else if (p.title) title = p.title;
    fields = p.errors ?? [];
    errorId = p.errorId;
  }
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">{title}</p>
      {detail && <p>{detail}</p>}
      {fields.length > 0 && (
        <>
          <p>{t('errors.fieldErrors')}</p>
          <ul>
            {fields.map((f, i) => (
              <li key={i}>
                <strong>{f.field}</strong>: {f.message}
              </li>
            ))}
          </ul>
        </>
      )}
      {errorId && <p className="muted small">{t('errors.errorId', { id: errorId })}</p>}
      {error instanceof ApiError &&
        error.status === 402 &&
        (error.code === 'subscription_required' || error.code === 'plan_limit') && (
          <p>
            <Link to="/settings/subscription">{t('subscription.subscribe')}</Link>
          </p>
        )}
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}

export function NotAvailable({ title }: { title?: string }) {
  return (
    <div className="empty-state" role="status">
      <svg
        aria-hidden="true"
        width="40"
        height="40"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.5"
      >
        <circle cx="12" cy="12" r="9" />
        <path d="M12 7v5l3 2" />
      </svg>
      <h3>{title ?? t('errors.notAvailableTitle')}</h3>
      <p>{t('errors.notAvailableBody')}</p>
    </div>
  );
}

/** Loading / not available / error / content, in one place. */
export function Loadable<T>({
  state,
  children,
  skeleton,
}: {
  state: { data: T | undefined; error: unknown; loading: boolean; reload(): Promise<void> };
  children: (data: T) => ReactNode;
  skeleton?: ReactNode;
}) {
  if (state.error) {
    if (isNotAvailable(state.error)) return <NotAvailable />;
    return <ProblemAlert error={state.error} onRetry={() => void state.reload()} />;
  }
  if (state.data === undefined) return <>{skeleton ?? <LoadingBlock />}</>;
  return <>{children(state.data)}</>;
}

export function LoadingBlock({ lines = 3, label }: { lines?: number; label?: string }) {
  return (
    <div className="skeleton-block" role="status" aria-live="polite">
      <span className="visually-hidden">{label ?? t('app.loading')}</span>
      {Array.from({ length: lines }, (_, i) => (
        <div key={i} className="skeleton-line" style={{ width: `${90 - i * 12}%` }} />
      ))}
    </div>
  );
}

export function StatusBadge({ status }: { status: ContractStatus }) {
  return <span className={`badge badge-${status}`}>{tDynamic(`status.${status}`)}</span>;
}

export function CopyField({ value, label }: { value: string; label: string }) {
  const [copied, setCopied] = useState(false);
  const id = `copy-${label.replace(/\W+/g, '-')}`;
  return (
    <div className="copy-field">
      <label htmlFor={id}>{label}</label>
      <div className="copy-row">
        <input
          id={id}
          readOnly
          value={value}
          onFocus={(e) => e.currentTarget.select()}
          className="mono"
        />
        <button
          type="button"
          className="btn"
          onClick={async () => {
            try {
              await navigator.clipboard.writeText(value);
            } catch {
              const el = document.getElementById(id) as HTMLInputElement | null;
              el?.select();
              document.execCommand('copy');
            }
            setCopied(true);
            setTimeout(() => setCopied(false), 2000);
          }}
        >
          {copied ? t('app.copied') : t('app.copy')}
        </button>
      </div>
      <span className="visually-hidden" aria-live="polite">
        {copied ? t('app.copied') : ''}
      </span>
    </div>
  );
}

export function SuccessNote({ children }: { children: ReactNode }) {
  return (
    <div className="alert alert-success" role="status">
      {children}
    </div>
  );
}

/** Under a paged list: the error of the last "Load more", and the button while there is more. */
export function LoadMore({
  list,
  label,
}: {
  list: { hasMore: boolean; loadingMore: boolean; moreError: unknown; loadMore(): Promise<void> };
  label: string;
}) {
  return (
    <>
      <ProblemAlert error={list.moreError} />
      {list.hasMore && (
        <div className="center">
          <button
            type="button"
            className="btn"
            onClick={() => void list.loadMore()}
            disabled={list.loadingMore}
          >
            {list.loadingMore ? t('app.loading') : label}
          </button>
        </div>
      )}
    </>
  );
}
