import { api, ApiError, isNotAvailable } from '../../api/client';
import { TERM_FIELDS, type AuditEvent, type Page, type TermField } from '../../api/types';
import { useSession } from '../../auth/session';
import { LoadingBlock, ProblemAlert } from '../../components/feedback';
import { t, tDynamic } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useApi } from '../../lib/useApi';

function activityLabel(e: AuditEvent): string {
  const label = tDynamic(`detail.activityActions.${e.action}`);
  return label.startsWith('detail.') ? e.action : label;
}

function actorLabel(e: AuditEvent, myId: string | undefined): string {
  if (e.actor.type === 'user' && e.actor.id && e.actor.id === myId)
    return t('detail.actorTypes.you');
  const label = tDynamic(`detail.actorTypes.${e.actor.type}`);
  return label.startsWith('detail.') ? '' : label;
}

/** A corrected term's label, or a corrected detail's (counterparty, tags). */
function fieldLabel(field: string): string {
  if (TERM_FIELDS.includes(field as TermField)) return tDynamic(`terms.${field}`);
  if (field === 'counterparty') return t('detail.detailCounterparty');
  if (field === 'tags') return t('detail.detailTags');
  return field;
}

/** The fields named in a contract.updated event (data: { fields, terms }), as labels. */
function fieldsOf(e: AuditEvent): string | null {
  const { fields, terms } = e.data as { fields?: unknown; terms?: unknown };
  const names = [
    ...(Array.isArray(fields) ? fields : []),
    ...(Array.isArray(terms) ? terms : []),
  ].map(String);
  if (!names.length) return null;
  return names.map(fieldLabel).join(', ');
}

/** Who did what to the contract (the audit trail); hidden for roles that may not read it. */
export function ActivityCard({ contractId, updatedAt }: { contractId: string; updatedAt: string }) {
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
          {state.data.data.map((e) => {
            const fields = fieldsOf(e);
            return (
              <li key={e.id}>
                <span className="small muted">{formatDateTime(e.createdAt)}</span>
                <span>
                  {activityLabel(e)} <span className="muted">{actorLabel(e, myId)}</span>
                </span>
                {fields && (
                  <span className="small muted">{t('detail.activityFields', { fields })}</span>
                )}
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
