import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { Contract, TermField } from '../../api/types';
import { ProblemAlert } from '../../components/feedback';
import { t, tDynamic } from '../../i18n';
import { formatDate } from '../../lib/format';
import { formatTerm, type TermValue } from '../../lib/terms';

/**
 * The contract's family: for a master, each amendment with the terms it changes (from → to) and the sentence
 * it came from; for an amendment, its master; for a document that calls itself an amendment, the proposed
 * master with the sentence that says so, linked with one click.
 */
export function FamilyCard({
  contract,
  canWrite,
  onChanged,
}: {
  contract: Contract;
  canWrite: boolean;
  onChanged(c: Contract): void;
}) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const amendments = contract.amendments ?? [];
  const suggestion = contract.parentSuggestion;
  if (!contract.parentId && amendments.length === 0 && !suggestion) return null;

  async function link(parentId: string | null) {
    setBusy(true);
    setError(null);
    try {
      onChanged(
        await api<Contract>(`/v1/contracts/${contract.id}`, {
          method: 'PATCH',
          body: { parentId },
        }),
      );
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card" data-testid="family-card">
      <h2>{t('detail.family')}</h2>
      <ProblemAlert error={error} />
      {contract.parentId && (
        <p>
          {t('detail.amendmentOf')}{' '}
          <Link to={`/contracts/${contract.parentId}`}>{t('detail.openMaster')}</Link>
          {canWrite && (
            <>
              {' '}
              <button
                type="button"
                className="btn btn-ghost btn-small"
                disabled={busy}
                onClick={() => void link(null)}
              >
                {t('detail.unlinkMaster')}
              </button>
            </>
          )}
        </p>
      )}
      {suggestion && !contract.parentId && (
        <div className="alert alert-info" data-testid="parent-suggestion">
          <p>
            {t('detail.suggestedMaster')}{' '}
            <Link to={`/contracts/${suggestion.id}`}>{suggestion.title ?? suggestion.id}</Link>
          </p>
          <blockquote className="evidence-quote">{suggestion.sentence}</blockquote>
          {canWrite && (
            <button
              type="button"
              className="btn btn-primary btn-small"
              disabled={busy}
              onClick={() => void link(suggestion.id)}
            >
              {t('detail.linkMaster')}
            </button>
          )}
        </div>
      )}
      {amendments.length > 0 && (
        <ol className="amendments">
          {amendments.map((a) => (
            <li key={a.id} data-testid="amendment">
              <div className="obligation-head">
                <Link to={`/contracts/${a.id}`}>
                  <strong>{a.title ?? t('detail.amendment')}</strong>
                </Link>
                <span className="small">
                  {a.effectiveDate
                    ? t('detail.amendmentFrom', { date: formatDate(a.effectiveDate) })
                    : t('detail.amendmentUndated')}
                </span>
                {a.inForce === false && (
                  <span className="tag">{t('detail.amendmentScheduled')}</span>
                )}
              </div>
              {(a.changes ?? []).length === 0 ? (
                <p className="muted small">{t('detail.amendmentNoChanges')}</p>
              ) : (
                <ul className="amendment-changes">
                  {(a.changes ?? []).map((c) => {
                    const field = c.field as TermField;
                    return (
                      <li key={c.field}>
                        <span>
                          {tDynamic(`terms.${field}`)}:{' '}
                          <s>{formatTerm(field, c.from as unknown as TermValue)}</s> →{' '}
                          <strong>{formatTerm(field, c.to as unknown as TermValue)}</strong>
                        </span>
                        {c.evidence[0] && (
                          <blockquote
                            className="evidence-quote small"
                            title={t('detail.amendmentSentence', { page: c.evidence[0].page })}
                          >
                            “{c.evidence[0].text}”
                          </blockquote>
                        )}
                      </li>
                    );
                  })}
                </ul>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
