import { useState } from 'react';
import type { Contract, EvidenceSpan, TermCandidate, TermField } from '../../api/types';
import { ProblemAlert } from '../../components/feedback';
import { t, tDynamic } from '../../i18n';
import { formatTerm, type TermValue } from '../../lib/terms';
import {
  candidateConfidence,
  fieldLabel,
  fieldsInReview,
  isTermField,
  reasonText,
  topCandidates,
} from '../../lib/review';

/**
 * What a reviewer has to check: each reason, and for each field in review its top candidates (a click shows
 * the sentence in the document, "Use this" saves it as the corrected value).
 */
export function ReviewCard({
  contract,
  canWrite,
  onShow,
  onPick,
}: {
  contract: Contract;
  canWrite: boolean;
  onShow(field: TermField, spans: EvidenceSpan[]): void;
  onPick(field: TermField, value: TermValue): Promise<void>;
}) {
  const fields = fieldsInReview(contract);
  const general = contract.reviewReasons.filter((r) => !isTermField(r.field));
  return (
    <div className="card review-card" data-testid="review-card">
      <h2>{t('review.cardTitle')}</h2>
      <p className="muted small">{t('review.cardLead')}</p>
      {general.length > 0 && (
        <ul className="review-reasons">
          {general.map((r, i) => (
            <li key={i}>{reasonText(r, contract)}</li>
          ))}
        </ul>
      )}
      {fields.map((field) => (
        <ReviewField
          key={field}
          field={field}
          contract={contract}
          canWrite={canWrite}
          onShow={onShow}
          onPick={onPick}
        />
      ))}
    </div>
  );
}

function ReviewField({
  field,
  contract,
  canWrite,
  onShow,
  onPick,
}: {
  field: TermField;
  contract: Contract;
  canWrite: boolean;
  onShow(field: TermField, spans: EvidenceSpan[]): void;
  onPick(field: TermField, value: TermValue): Promise<void>;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const reasons = contract.reviewReasons.filter((r) => r.field === field);
  const candidates = topCandidates(contract, field);
  const label = tDynamic(`terms.${field}`);

  async function pick(c: TermCandidate) {
    setBusy(true);
    setError(null);
    try {
      await onPick(field, c.value as TermValue);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="review-field" data-field={field} aria-label={label}>
      <ul className="review-reasons">
        {reasons.map((r, i) => (
          <li key={i}>{reasonText(r, contract)}</li>
        ))}
      </ul>
      {candidates.length > 0 ? (
        <>
          <h3 className="review-field-title">{t('review.candidates', { field: label })}</h3>
          <ol className="candidates">
            {candidates.map((c, i) => {
              const value = formatTerm(field, c.value as TermValue);
              const span = c.evidence[0];
              return (
                <li key={i} className="candidate" data-testid="candidate">
                  <div className="candidate-line">
                    <strong className="candidate-value">{value}</strong>
                    <span className="muted small">{candidateConfidence(c)}</span>
                  </div>
                  {span && (
                    <button
                      type="button"
                      className="candidate-quote linkish small"
                      onClick={() => onShow(field, c.evidence)}
                      aria-label={t('review.showLabel', { value })}
                    >
                      {t('detail.evidence', { page: span.page })}: “{span.text}”
                    </button>
                  )}
                  {canWrite && (
                    <button
                      type="button"
                      className="btn btn-small btn-primary"
                      disabled={busy}
                      onClick={() => void pick(c)}
                      aria-label={t('review.pickLabel', { value, field: fieldLabel(field) })}
                    >
                      {t('review.pick')}
                    </button>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      ) : (
        <p className="small muted">{t('review.noCandidates', { field: fieldLabel(field) })}</p>
      )}
      <ProblemAlert error={error} />
    </section>
  );
}
