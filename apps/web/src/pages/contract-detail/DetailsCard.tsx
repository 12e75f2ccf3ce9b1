import { useId, useRef, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { Contract } from '../../api/types';
import { ProblemAlert } from '../../components/feedback';
import { t } from '../../i18n';

/** Title, counterparty and tags: set by people (for search, filters and the per-counterparty chart). */
export function DetailsCard({
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
    setTitle(contract.title ?? contract.terms.title ?? '');
    setCounterparty(contract.counterparty ?? '');
    setTags(contract.tags.join(', '));
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
              {contract.tags.length ? (
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
