import type { Contract, EvidenceSpan } from '../../api/types';
import { t, tDynamic } from '../../i18n';
import { formatDate, formatDuration } from '../../lib/format';

function kindLabel(kind: string): string {
  const label = tDynamic(`detail.obligationKinds.${kind}`);
  return label === `detail.obligationKinds.${kind}` ? kind : label;
}

/** Who must do what, by when; a click shows the sentence in the document. */
export function ObligationsCard({
  contract,
  onShow,
}: {
  contract: Contract;
  onShow(spans: EvidenceSpan[]): void;
}) {
  const list = contract.obligations;
  return (
    <div className="card">
      <h2>{t('detail.obligations')}</h2>
      {list.length === 0 ? (
        <p className="muted">{t('detail.noObligations')}</p>
      ) : (
        <ul className="obligations">
          {list.map((o) => (
            <li key={o.id}>
              <div className="obligation-head">
                <span className="tag">{kindLabel(o.kind)}</span>
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
              {o.evidence.length ? (
                <button
                  type="button"
                  className="linkish obligation-text"
                  onClick={() => onShow(o.evidence)}
                >
                  {o.text}
                </button>
              ) : (
                <p className="obligation-text">{o.text}</p>
              )}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
