import { useRef, useState } from 'react';
import type { EvidenceSpan, TermField } from '../../api/types';
import { ProblemAlert } from '../../components/feedback';
import { t, tDynamic } from '../../i18n';
import { formatTerm, toDraft, type TermValue } from '../../lib/terms';
import { TermEditor } from './term-editors/TermEditor';

export interface TermRowProps {
  field: TermField;
  value: TermValue | undefined;
  source: 'extracted' | 'user' | undefined;
  evidence: EvidenceSpan[];
  active: boolean;
  /** A review reason names this field. */
  inReview?: boolean;
  canWrite: boolean;
  currency?: string;
  onShow(field: TermField, spans: EvidenceSpan[]): void;
  onSave(field: TermField, value: TermValue): Promise<void>;
}

/** One term: its value (a click shows the sentence it came from), confirm and correct. */
export function TermRow({
  field,
  value,
  source,
  evidence,
  active,
  inReview = false,
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
      className={`term-row${active ? ' active' : ''}${source === 'user' ? ' user-set' : ''}${inReview ? ' in-review' : ''}`}
      data-field={field}
    >
      <dt>
        {label}
        {inReview && <span className="review-badge">{t('review.inReview')}</span>}
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
