import { TERM_FIELDS, type Contract, type EvidenceSpan, type TermField } from '../../api/types';
import { LoadingBlock } from '../../components/feedback';
import { t } from '../../i18n';
import type { TermValue } from '../../lib/terms';
import { TermRow } from './TermRow';

/** Every term of the contract, each with its evidence, confirmable and correctable. */
export function TermsCard({
  contract,
  activeField,
  canWrite,
  onShow,
  onSave,
}: {
  contract: Contract;
  activeField: TermField | null;
  canWrite: boolean;
  onShow(field: TermField, spans: EvidenceSpan[]): void;
  onSave(field: TermField, value: TermValue): Promise<void>;
}) {
  const terms = contract.terms;
  return (
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
              source={contract.termSources[field] as 'extracted' | 'user' | undefined}
              evidence={contract.evidence[field] ?? []}
              active={activeField === field}
              inReview={
                contract.status === 'needs_review' &&
                contract.reviewReasons.some((r) => r.field === field)
              }
              canWrite={canWrite}
              onShow={onShow}
              onSave={onSave}
              currency={terms.contractValue?.currency}
            />
          ))}
        </dl>
      )}
    </div>
  );
}
