import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useId,
  useRef,
  useState,
  type FormEvent,
} from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { api, ApiError, isNotAvailable, request } from '../api/client';
import {
  TERM_FIELDS,
  type AuditEvent,
  type Contract,
  type ContractDeadlines,
  type EvidenceSpan,
  type Page,
  type TermField,
} from '../api/types';
import { useSession } from '../auth/session';
import { PageTitle } from '../components/Layout';
import { LoadingBlock, ProblemAlert, StatusBadge, SuccessNote } from '../components/feedback';
import type { Highlight } from '../components/pdf/PdfViewer';
import { t, tDynamic } from '../i18n';
import {
  formatBytes,
  formatDate,
  formatDateTime,
  formatDuration,
  formatRelativeDays,
} from '../lib/format';
import {
  formatTerm,
  fromDraft,
  TERM_KINDS,
  toDraft,
  type Draft,
  type TermValue,
} from '../lib/terms';
import { useApi } from '../lib/useApi';
import { contractTitle } from './ContractsPage';

const PdfViewer = lazy(() => import('../components/pdf/PdfViewer'));
const POLL_MS = 2000;
const DEADLINE_KEYS: Array<keyof ContractDeadlines> = [
  'noticeDeadline',
  'nextRenewalDate',
  'expirationDate',
];

export default function ContractDetailPage() {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const { can, readOnly } = useSession();
  const state = useApi((signal) => api<Contract>(`/v1/contracts/${id}`, { signal }), [id]);
  const contract = state.data;
  const [highlight, setHighlight] = useState<Highlight | null>(null);
  const [activeField, setActiveField] = useState<TermField | null>(null);
  const [evidenceNote, setEvidenceNote] = useState<string | null>(null);
  const [notes, setNotes] = useState<string[]>([]);
  const [actionError, setActionError] = useState<unknown>(null);
  const docRef = useRef<HTMLDivElement>(null);
  const canWrite = can('write');

  // Live status while the worker reads the contract.
  useEffect(() => {
    if (contract?.status !== 'processing') return;
    const timer = window.setTimeout(() => void state.reload(), POLL_MS);
    return () => clearTimeout(timer);
  }, [contract, state]);

  const showEvidence = useCallback((field: TermField | null, spans: EvidenceSpan[]) => {
    const span = spans[0];
    if (!span) return;
    setActiveField(field);
    setEvidenceNote(null);
    setHighlight((h) => ({ page: span.page, text: span.text, key: (h?.key ?? 0) + 1 }));
    // On a phone the document is below the terms: bring it into view.
    if (docRef.current && window.matchMedia('(max-width: 959px)').matches)
      docRef.current.scrollIntoView({ behavior: 'smooth' });
  }, []);

  const onHighlightResult = useCallback((r: { key: number; found: boolean; exact: boolean }) => {
    setHighlight((h) => {
      if (h && h.key === r.key && !r.found)
        setEvidenceNote(t('detail.evidenceNotFound', { page: h.page }));
      return h;
    });
  }, []);

  async function saveTerm(field: TermField, value: TermValue) {
    if (!contract) return;
    const before = contract.deadlines ?? {};
    const updated = await api<Contract>(`/v1/contracts/${contract.id}`, {
      method: 'PATCH',
      body: { terms: { [field]: value } },
    });
    state.setData(updated);
    const msgs = [t('detail.saved', { field: tDynamic(`terms.${field}`) })];
    for (const k of DEADLINE_KEYS) {
      const from = before[k] ?? null;
      const to = updated.deadlines?.[k] ?? null;
      if (from === to) continue;
      const kind = tDynamic(`deadlines.${k}`);
      if (from && to)
        msgs.push(t('detail.deadlineMoved', { kind, from: formatDate(from), to: formatDate(to) }));
      else if (to) msgs.push(t('detail.deadlineSet', { kind, to: formatDate(to) }));
      else if (from) msgs.push(t('detail.deadlineCleared', { kind, from: formatDate(from) }));
    }
    setNotes(msgs);
  }

  async function reparse() {
    if (!contract) return;
    setActionError(null);
    try {
      await api(`/v1/contracts/${contract.id}/reparse`, { method: 'POST' });
      setNotes([t('detail.reparseStarted')]);
      await state.reload();
    } catch (e) {
      setActionError(e);
    }
  }

  async function remove() {
    if (!contract || !window.confirm(t('detail.deleteConfirm'))) return;
    setActionError(null);
    try {
      await api(`/v1/contracts/${contract.id}`, { method: 'DELETE' });
      void navigate('/contracts');
    } catch (e) {
      setActionError(e);
    }
  }

  if (state.error) {
    return (
      <section>
        <Link to="/contracts" className="back-link">
          ← {t('detail.back')}
        </Link>
        {state.error instanceof ApiError && state.error.status === 404 ? (
          <p className="alert alert-error" role="alert">
            {t('detail.notFound')}
          </p>
        ) : (
          <ProblemAlert error={state.error} onRetry={() => void state.reload()} />
        )}
      </section>
    );
  }
  if (!contract) return <LoadingBlock lines={8} />;

  const terms = contract.terms ?? {};
  const file = contract.file;
  const isPdf = file?.mediaType === 'application/pdf';

  return (
    <section className="detail">
      <Link to="/contracts" className="back-link">
        ← {t('detail.back')}
      </Link>
      <PageTitle
        actions={
          <>
            <StatusBadge status={contract.status} />
            {canWrite && contract.status !== 'processing' && (
              <button type="button" className="btn btn-small" onClick={() => void reparse()}>
                {t('detail.reparse')}
              </button>
            )}
            {canWrite && (
              <button
                type="button"
                className="btn btn-small btn-danger-ghost"
                onClick={() => void remove()}
              >
                {t('detail.delete')}
              </button>
            )}
          </>
        }
      >
        {contractTitle(contract)}
      </PageTitle>
      {file && (
        <p className="muted small">
          {t('detail.fileInfo', {
            name: file.name,
            pages: file.pages ? t('detail.pages', { count: file.pages }) : '',
            size: formatBytes(file.size),
          })}
        </p>
      )}
      <ProblemAlert error={actionError} />
      {notes.length > 0 && (
        <SuccessNote>
          {notes.map((n, i) => (
            <p key={i} data-testid={i === 0 ? 'save-note' : 'deadline-note'}>
              {n}
            </p>
          ))}
        </SuccessNote>
      )}
      {contract.status === 'processing' && (
        <p className="alert alert-info" role="status">
          <span className="spinner" aria-hidden="true" /> {t('detail.processing')}
        </p>
      )}
      {contract.status === 'failed' && (
        <p className="alert alert-error" role="alert">
          {t('detail.failed', { message: contract.error?.message ?? '' })}
        </p>
      )}
      {contract.status === 'needs_review' && (
        <p className="alert alert-warning" role="status">
          {t('detail.needsReview')}
        </p>
      )}
      {!canWrite && contract.status !== 'processing' && (
        <p className="alert alert-warning">
          {readOnly ? t('detail.readOnly') : t('detail.viewerRoleOnly')}
        </p>
      )}

      <div className="detail-grid">
        <div className="detail-doc" ref={docRef}>
          <div className="card doc-card">
            <div className="card-head">
              <h2>{t('detail.document')}</h2>
              {file && <DownloadButton contractId={contract.id} name={file.name} />}
            </div>
            {evidenceNote && (
              <p className="alert alert-warning small" role="status">
                {evidenceNote}
              </p>
            )}
            {file && isPdf ? (
              <PdfFile
                contractId={contract.id}
                highlight={highlight}
                onHighlightResult={onHighlightResult}
              />
            ) : file ? (
              <p className="muted pdf-message">{t('detail.notPdf')}</p>
            ) : null}
          </div>
        </div>

        <div className="detail-side">
          <div className="card">
            <h2>{t('detail.deadlines')}</h2>
            <DeadlinesList deadlines={contract.deadlines} />
          </div>
          <ContractDetails
            contract={contract}
            canWrite={canWrite && contract.status !== 'processing'}
            onSaved={(c) => {
              state.setData(c);
              setNotes([t('detail.detailsSaved')]);
            }}
          />
          <div className="card">
            <h2>{t('detail.terms')}</h2>
            <p className="muted small">{t('detail.termsHelp')}</p>
            {contract.status === 'processing' ? (
              <LoadingBlock lines={6} label={t('detail.processing')} />
            ) : (
              <dl className="terms-list">
                {TERM_FIELDS.map((field) => (
                  <TermRow
                    key={field}
                    field={field}
                    value={terms[field] as TermValue | undefined}
                    source={contract.termSources?.[field]}
                    evidence={contract.evidence?.[field] ?? []}
                    active={activeField === field}
                    canWrite={canWrite && contract.status !== 'processing'}
                    onShow={showEvidence}
                    onSave={saveTerm}
                    currency={terms.contractValue?.currency}
                  />
                ))}
              </dl>
            )}
          </div>
          <div className="card">
            <h2>{t('detail.obligations')}</h2>
            <Obligations contract={contract} onShow={(spans) => showEvidence(null, spans)} />
          </div>
          <Activity contractId={contract.id} updatedAt={contract.updatedAt} />
        </div>
      </div>
    </section>
  );
}

function PdfFile({
  contractId,
  highlight,
  onHighlightResult,
}: {
  contractId: string;
  highlight: Highlight | null;
  onHighlightResult(r: { key: number; found: boolean; exact: boolean }): void;
}) {
  const file = useApi(
    async (signal) => {
      const res = await request(`/v1/contracts/${contractId}/file`, {
        signal,
        headers: { Accept: 'application/pdf' },
      });
      return new Uint8Array(await res.arrayBuffer());
    },
    [contractId],
  );
  if (file.error) return <ProblemAlert error={file.error} onRetry={() => void file.reload()} />;
  if (!file.data)
    return (
      <div className="pdf-placeholder">
        <LoadingBlock lines={2} label={t('detail.pdfLoading')} />
      </div>
    );
  return (
    <Suspense
      fallback={
        <div className="pdf-placeholder">
          <LoadingBlock lines={2} label={t('detail.pdfLoading')} />
        </div>
      }
    >
      <PdfViewer data={file.data} highlight={highlight} onHighlightResult={onHighlightResult} />
    </Suspense>
  );
}

function DownloadButton({ contractId, name }: { contractId: string; name: string }) {
  const [error, setError] = useState<unknown>(null);
  return (
    <>
      <button
        type="button"
        className="btn btn-small btn-ghost"
        onClick={async () => {
          setError(null);
          try {
            const res = await request(`/v1/contracts/${contractId}/file`);
            const url = URL.createObjectURL(await res.blob());
            const a = document.createElement('a');
            a.href = url;
            a.download = name;
            a.click();
            setTimeout(() => URL.revokeObjectURL(url), 10_000);
          } catch (e) {
            setError(e);
          }
        }}
      >
        {t('detail.download')}
      </button>
      <ProblemAlert error={error} />
    </>
  );
}

function DeadlinesList({ deadlines }: { deadlines: Contract['deadlines'] }) {
  const rows = DEADLINE_KEYS.filter((k) => deadlines?.[k]);
  if (!rows.length) return <p className="muted">{t('deadlines.none')}</p>;
  return (
    <dl className="deadline-list">
      {rows.map((k) => (
        <div key={k} className={`deadline-item deadline-${k}`} data-testid={`deadline-${k}`}>
          <dt>{tDynamic(`deadlines.${k}`)}</dt>
          <dd>
            <strong>{formatDate(deadlines![k])}</strong>{' '}
            <span className="muted small">{formatRelativeDays(deadlines![k]!)}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

interface TermRowProps {
  field: TermField;
  value: TermValue | undefined;
  source: 'extracted' | 'user' | undefined;
  evidence: EvidenceSpan[];
  active: boolean;
  canWrite: boolean;
  currency?: string;
  onShow(field: TermField, spans: EvidenceSpan[]): void;
  onSave(field: TermField, value: TermValue): Promise<void>;
}

function TermRow({
  field,
  value,
  source,
  evidence,
  active,
  canWrite,
  currency,
  onShow,
  onSave,
}: TermRowProps) {
  const label = tDynamic(`terms.${field}`);
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const editButton = useRef<HTMLButtonElement>(null);
  const display = formatTerm(field, value);
  const hasEvidence = evidence.length > 0;

  async function save(v: TermValue) {
    setBusy(true);
    setError(null);
    try {
      await onSave(field, v);
      setEditing(false);
      requestAnimationFrame(() => editButton.current?.focus());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div
      className={`term-row${active ? ' active' : ''}${source === 'user' ? ' user-set' : ''}`}
      data-field={field}
    >
      <dt>
        {label}
        {source === 'user' && (
          <span className="source-badge" title={t('detail.corrected')}>
            {t('detail.corrected')}
          </span>
        )}
      </dt>
      <dd>
        {!editing && (
          <>
            <div className="term-line">
              {hasEvidence ? (
                <button
                  type="button"
                  className={`term-value linkish${value == null ? ' muted' : ''}`}
                  onClick={() => onShow(field, evidence)}
                  aria-label={`${label}: ${display}. ${t('detail.showEvidence')}`}
                >
                  {display}
                </button>
              ) : (
                <span className={`term-value${value == null ? ' muted' : ''}`}>{display}</span>
              )}
              {canWrite && (
                <div className="term-actions">
                  {source !== 'user' && (
                    <button
                      type="button"
                      className="btn btn-small btn-ghost"
                      disabled={busy}
                      onClick={() => void save((value ?? null) as TermValue)}
                      aria-label={t('detail.confirmLabel', { field: label })}
                    >
                      {t('detail.confirm')}
                    </button>
                  )}
                  <button
                    ref={editButton}
                    type="button"
                    className="btn btn-small btn-ghost"
                    onClick={() => setEditing(true)}
                    aria-label={t('detail.editLabel', { field: label })}
                  >
                    {t('detail.edit')}
                  </button>
                </div>
              )}
            </div>
            {active && hasEvidence && (
              <blockquote className="evidence-quote">
                <span className="small muted">
                  {t('detail.evidence', { page: evidence[0].page })}
                </span>
                <span>“{evidence[0].text}”</span>
              </blockquote>
            )}
            <ProblemAlert error={error} />
          </>
        )}
        {editing && (
          <TermEditor
            field={field}
            initial={toDraft(field, value, currency)}
            busy={busy}
            serverError={error}
            onCancel={() => {
              setEditing(false);
              setError(null);
              requestAnimationFrame(() => editButton.current?.focus());
            }}
            onSave={(v) => void save(v)}
          />
        )}
      </dd>
    </div>
  );
}

function TermEditor({
  field,
  initial,
  busy,
  serverError,
  onCancel,
  onSave,
}: {
  field: TermField;
  initial: Draft;
  busy: boolean;
  serverError: unknown;
  onCancel(): void;
  onSave(v: TermValue): void;
}) {
  const [draft, setDraft] = useState<Draft>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const uid = useId();
  const label = tDynamic(`terms.${field}`);
  const kind = TERM_KINDS[field];
  const firstInput = useRef<HTMLInputElement & HTMLSelectElement>(null);
  useEffect(() => firstInput.current?.focus(), []);

  function submit(e: FormEvent) {
    e.preventDefault();
    const r = fromDraft(field, draft);
    if ('errors' in r) {
      setErrors(r.errors);
      return;
    }
    setErrors({});
    onSave(r.value);
  }
  const err = (k: string) =>
    errors[k] ? (
      <p id={`${uid}-${k}-err`} className="field-error">
        {errors[k]}
      </p>
    ) : null;
  const described = (k: string) => (errors[k] ? `${uid}-${k}-err` : undefined);

  return (
    <form
      className="term-editor"
      onSubmit={submit}
      noValidate
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      {(kind === 'text' || kind === 'date') && (
        <div className="field">
          <label htmlFor={`${uid}-text`}>{label}</label>
          <input
            ref={firstInput}
            id={`${uid}-text`}
            type={kind === 'date' ? 'date' : 'text'}
            value={draft.text}
            onChange={(e) => setDraft({ ...draft, text: e.target.value })}
            aria-invalid={errors.text ? true : undefined}
            aria-describedby={described('text')}
          />
          {err('text')}
        </div>
      )}
      {kind === 'duration' && (
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${uid}-count`}>{t('terms.durationCount')}</label>
            <input
              ref={firstInput}
              id={`${uid}-count`}
              type="number"
              inputMode="numeric"
              min={1}
              step={1}
              value={draft.count}
              onChange={(e) => setDraft({ ...draft, count: e.target.value })}
              aria-invalid={errors.count ? true : undefined}
              aria-describedby={described('count')}
            />
            {err('count')}
          </div>
          <div className="field">
            <label htmlFor={`${uid}-unit`}>{t('terms.durationUnit')}</label>
            <select
              id={`${uid}-unit`}
              value={draft.unit}
              onChange={(e) => setDraft({ ...draft, unit: e.target.value as Draft['unit'] })}
            >
              {(['D', 'W', 'M', 'Y'] as const).map((u) => (
                <option key={u} value={u}>
                  {tDynamic(`terms.units.${u}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
      )}
      {kind === 'bool' && (
        <div className="field">
          <label htmlFor={`${uid}-bool`}>{label}</label>
          <select
            ref={firstInput}
            id={`${uid}-bool`}
            value={draft.bool}
            onChange={(e) => setDraft({ ...draft, bool: e.target.value as Draft['bool'] })}
          >
            <option value="">{t('terms.clear')}</option>
            <option value="true">{t('app.yes')}</option>
            <option value="false">{t('app.no')}</option>
          </select>
        </div>
      )}
      {kind === 'money' && (
        <div className="field-row">
          <div className="field">
            <label htmlFor={`${uid}-amount`}>{t('terms.amount')}</label>
            <input
              ref={firstInput}
              id={`${uid}-amount`}
              inputMode="decimal"
              value={draft.amount}
              onChange={(e) => setDraft({ ...draft, amount: e.target.value })}
              aria-invalid={errors.amount ? true : undefined}
              aria-describedby={described('amount')}
            />
            {err('amount')}
          </div>
          <div className="field field-narrow">
            <label htmlFor={`${uid}-currency`}>{t('terms.currency')}</label>
            <input
              id={`${uid}-currency`}
              value={draft.currency}
              maxLength={3}
              onChange={(e) => setDraft({ ...draft, currency: e.target.value.toUpperCase() })}
              aria-invalid={errors.currency ? true : undefined}
              aria-describedby={described('currency')}
            />
            {err('currency')}
          </div>
        </div>
      )}
      {kind === 'parties' && (
        <fieldset className="parties-editor">
          <legend>{label}</legend>
          {draft.parties.map((p, i) => (
            <div key={i} className="field-row">
              <div className="field">
                <label htmlFor={`${uid}-pn-${i}`}>{t('terms.partyName')}</label>
                <input
                  id={`${uid}-pn-${i}`}
                  ref={i === 0 ? firstInput : undefined}
                  value={p.name}
                  onChange={(e) =>
                    setDraft({
                      ...draft,
                      parties: draft.parties.map((q, j) =>
                        j === i ? { ...q, name: e.target.value } : q,
                      ),
                    })
                  }
                />
              </div>
              <div className="field">
                <label htmlFor={`${uid}-pr-${i}`}>{t('terms.partyRole')}</label>
                <input
                  id={`${uid}-pr-${i}`}
                  value={p.role}
                  onChange={(e) =>
                    setDraft({
                      ...draft,
                      parties: draft.parties.map((q, j) =>
                        j === i ? { ...q, role: e.target.value } : q,
                      ),
                    })
                  }
                />
              </div>
              <button
                type="button"
                className="btn btn-small btn-ghost icon-btn"
                aria-label={t('terms.removeParty', { n: i + 1 })}
                onClick={() =>
                  setDraft({ ...draft, parties: draft.parties.filter((_, j) => j !== i) })
                }
              >
                ×
              </button>
            </div>
          ))}
          {err('parties')}
          <button
            type="button"
            className="btn btn-small"
            onClick={() =>
              setDraft({ ...draft, parties: [...draft.parties, { name: '', role: '' }] })
            }
          >
            {t('terms.addParty')}
          </button>
        </fieldset>
      )}
      <ProblemAlert error={serverError} />
      <div className="editor-actions">
        <button className="btn btn-primary btn-small" disabled={busy}>
          {busy ? t('app.saving') : t('app.save')}
        </button>
        <button type="button" className="btn btn-small btn-ghost" onClick={onCancel}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}

function Obligations({
  contract,
  onShow,
}: {
  contract: Contract;
  onShow(spans: EvidenceSpan[]): void;
}) {
  const list = contract.obligations ?? [];
  if (!list.length) return <p className="muted">{t('detail.noObligations')}</p>;
  return (
    <ul className="obligations">
      {list.map((o) => (
        <li key={o.id}>
          <div className="obligation-head">
            <span className="tag">
              {tDynamic(`detail.obligationKinds.${o.kind}`) === `detail.obligationKinds.${o.kind}`
                ? o.kind
                : tDynamic(`detail.obligationKinds.${o.kind}`)}
            </span>
            {o.party && <strong>{o.party}</strong>}
            {o.dueDate && (
              <span className="small">
                {t('detail.obligationDue', { date: formatDate(o.dueDate) })}
              </span>
            )}
            {o.recurrence && (
              <span className="small muted">
                {t('detail.obligationEvery', { duration: formatDuration(o.recurrence) })}
              </span>
            )}
          </div>
          {o.evidence?.length ? (
            <button
              type="button"
              className="linkish obligation-text"
              onClick={() => onShow(o.evidence!)}
            >
              {o.text}
            </button>
          ) : (
            <p className="obligation-text">{o.text}</p>
          )}
        </li>
      ))}
    </ul>
  );
}

/** Activity history; hidden entirely while the audit endpoint does not exist (404). */
function activityLabel(e: AuditEvent): string {
  const action = e.action ?? e.type ?? '';
  const label = tDynamic(`detail.activityActions.${action}`);
  return label.startsWith('detail.') ? action : label;
}

function actorLabel(e: AuditEvent, myId: string | undefined): string {
  const actor =
    e.actor && typeof e.actor === 'object'
      ? (e.actor as { type?: string; id?: string | null })
      : null;
  if (!actor?.type) return '';
  if (actor.type === 'user' && actor.id && actor.id === myId) return t('detail.actorTypes.you');
  const label = tDynamic(`detail.actorTypes.${actor.type}`);
  return label.startsWith('detail.') ? '' : label;
}

/** Term fields named in an update event's data, as labels. */
function fieldsOf(e: AuditEvent): string | null {
  const data = (e.details ?? (e as { data?: unknown }).data) as
    { fields?: unknown; terms?: unknown } | undefined;
  const fields = Array.isArray(data?.fields)
    ? data.fields
    : data?.terms && typeof data.terms === 'object'
      ? Object.keys(data.terms)
      : null;
  if (!fields?.length) return null;
  return fields
    .map((f) => (TERM_FIELDS.includes(f as TermField) ? tDynamic(`terms.${f}`) : String(f)))
    .join(', ');
}

function Activity({ contractId, updatedAt }: { contractId: string; updatedAt: string }) {
  const myId = useSession().me?.user.id;
  const state = useApi(
    (signal) =>
      api<Page<AuditEvent>>('/v1/audit-events', { query: { contractId, limit: 50 }, signal }),
    [contractId, updatedAt],
  );
  if (state.error && isNotAvailable(state.error)) return null;
  if (state.error instanceof ApiError && state.error.status === 403) return null;
  return (
    <div className="card">
      <h2>{t('detail.activity')}</h2>
      {state.error ? (
        <ProblemAlert error={state.error} onRetry={() => void state.reload()} />
      ) : !state.data ? (
        <LoadingBlock lines={2} />
      ) : state.data.data.length === 0 ? (
        <p className="muted">{t('detail.noActivity')}</p>
      ) : (
        <ol className="activity">
          {state.data.data.map((e) => (
            <li key={e.id}>
              <span className="small muted">{formatDateTime(e.createdAt ?? e.occurredAt)}</span>
              <span>
                {activityLabel(e)} <span className="muted">{actorLabel(e, myId)}</span>
              </span>
              {fieldsOf(e) && (
                <span className="small muted">
                  {t('detail.activityFields', { fields: fieldsOf(e)! })}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** Title, counterparty and tags: set by people (for search, filters and the per-counterparty chart). */
function ContractDetails({
  contract,
  canWrite,
  onSaved,
}: {
  contract: Contract;
  canWrite: boolean;
  onSaved(c: Contract): void;
}) {
  const [editing, setEditing] = useState(false);
  const [title, setTitle] = useState('');
  const [counterparty, setCounterparty] = useState('');
  const [tags, setTags] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const editButton = useRef<HTMLButtonElement>(null);
  const uid = useId();

  function start() {
    setTitle(contract.title ?? contract.terms?.title ?? '');
    setCounterparty(contract.counterparty ?? '');
    setTags((contract.tags ?? []).join(', '));
    setErrors({});
    setError(null);
    setEditing(true);
  }

  async function submit(e: FormEvent) {
    e.preventDefault();
    const tagList = [
      ...new Set(
        tags
          .split(',')
          .map((x) => x.trim())
          .filter(Boolean),
      ),
    ];
    const errs: Record<string, string> = {};
    if (!title.trim() || title.trim().length > 300) errs.title = t('detail.detailsInvalidTitle');
    if (tagList.length > 20 || tagList.some((x) => x.length > 50))
      errs.tags = t('detail.detailsInvalidTags');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    setError(null);
    try {
      const updated = await api<Contract>(`/v1/contracts/${contract.id}`, {
        method: 'PATCH',
        body: { title: title.trim(), counterparty: counterparty.trim() || null, tags: tagList },
      });
      onSaved(updated);
      setEditing(false);
      requestAnimationFrame(() => editButton.current?.focus());
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card">
      <div className="card-head">
        <h2>{t('detail.details')}</h2>
        {canWrite && !editing && (
          <button
            ref={editButton}
            type="button"
            className="btn btn-small btn-ghost"
            onClick={start}
          >
            {t('detail.editDetails')}
          </button>
        )}
      </div>
      {!editing ? (
        <dl className="facts compact-facts">
          <div>
            <dt>{t('detail.detailCounterparty')}</dt>
            <dd data-testid="detail-counterparty">{contract.counterparty || t('app.unknown')}</dd>
          </div>
          <div>
            <dt>{t('detail.detailTags')}</dt>
            <dd>
              {contract.tags?.length ? (
                <span className="tags">
                  {contract.tags.map((tag) => (
                    <span key={tag} className="tag">
                      {tag}
                    </span>
                  ))}
                </span>
              ) : (
                t('app.none')
              )}
            </dd>
          </div>
        </dl>
      ) : (
        <form
          className="stack"
          onSubmit={submit}
          noValidate
          onKeyDown={(e) => e.key === 'Escape' && setEditing(false)}
        >
          <div className="field">
            <label htmlFor={`${uid}-title`}>{t('detail.detailTitle')}</label>
            <input
              id={`${uid}-title`}
              value={title}
              onChange={(e) => setTitle(e.target.value)}
              aria-invalid={errors.title ? true : undefined}
              aria-describedby={errors.title ? `${uid}-title-err` : undefined}
              autoFocus
            />
            {errors.title && (
              <p id={`${uid}-title-err`} className="field-error">
                {errors.title}
              </p>
            )}
          </div>
          <div className="field">
            <label htmlFor={`${uid}-cp`}>{t('detail.detailCounterparty')}</label>
            <input
              id={`${uid}-cp`}
              value={counterparty}
              onChange={(e) => setCounterparty(e.target.value)}
              maxLength={300}
            />
          </div>
          <div className="field">
            <label htmlFor={`${uid}-tags`}>{t('detail.detailTags')}</label>
            <input
              id={`${uid}-tags`}
              value={tags}
              onChange={(e) => setTags(e.target.value)}
              aria-invalid={errors.tags ? true : undefined}
              aria-describedby={`${uid}-tags-hint${errors.tags ? ` ${uid}-tags-err` : ''}`}
            />
            <p id={`${uid}-tags-hint`} className="hint">
              {t('detail.detailTagsHint')}
            </p>
            {errors.tags && (
              <p id={`${uid}-tags-err`} className="field-error">
                {errors.tags}
              </p>
            )}
          </div>
          <ProblemAlert error={error} />
          <div className="editor-actions">
            <button className="btn btn-primary btn-small" disabled={busy}>
              {busy ? t('app.saving') : t('app.save')}
            </button>
            <button
              type="button"
              className="btn btn-small btn-ghost"
              onClick={() => setEditing(false)}
            >
              {t('app.cancel')}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}
