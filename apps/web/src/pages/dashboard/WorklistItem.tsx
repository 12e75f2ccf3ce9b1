import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { Contract, Deadline } from '../../api/types';
import { ProblemAlert } from '../../components/feedback';
import { OwnerOptions } from '../../components/OwnerOptions';
import { t } from '../../i18n';
import { formatRelativeDays } from '../../lib/format';
import { ownerLabel, type TeamMembers } from '../../lib/useTeamMembers';
import { worklistHeading, worklistWording } from '../../lib/worklist';

export type Decision = 'renew' | 'terminate' | 'renegotiate';

/** What an action did, for the worklist's message (and its undo). */
export type ItemOutcome =
  | { kind: 'decided'; decision: Decision; contract: Contract }
  | { kind: 'snoozed'; until: string }
  | { kind: 'owner'; ownerId: string | null };

/** One "decide by" item: the contract, what its deadline means, its owner, and one-click actions. */
export function WorklistItem({
  row,
  today,
  team,
  canWrite,
  onDone,
}: {
  row: Deadline;
  today: string;
  team: TeamMembers;
  canWrite: boolean;
  onDone(row: Deadline, outcome: ItemOutcome): void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const heading = worklistHeading(row);
  const passed = row.date < today;
  const current = row.ownerId ?? '';

  async function act(run: () => Promise<ItemOutcome>) {
    setBusy(true);
    setError(null);
    try {
      onDone(row, await run());
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const decide = (decision: Decision) =>
    act(async () => {
      const contract = await api<Contract>(`/v1/contracts/${row.contractId}/decision`, {
        method: 'PUT',
        body: { decision },
      });
      return { kind: 'decided', decision, contract };
    });
  const snooze = () =>
    act(async () => {
      const s = await api<{ until: string }>(`/v1/contracts/${row.contractId}/decision/snooze`, {
        method: 'POST',
        body: {},
      });
      return { kind: 'snoozed', until: s.until };
    });
  const assign = (ownerId: string | null) =>
    act(async () => {
      await api<Contract>(`/v1/contracts/${row.contractId}`, {
        method: 'PATCH',
        body: { ownerId },
      });
      return { kind: 'owner', ownerId };
    });

  return (
    <li
      className={`worklist-item${passed ? ' is-passed' : ''}`}
      data-testid="worklist-item"
      data-contract-id={row.contractId}
      aria-busy={busy}
    >
      <div className="worklist-when">
        <time dateTime={row.date}>{formatRelativeDays(row.date)}</time>
      </div>
      <div className="worklist-what">
        <Link to={`/contracts/${row.contractId}`} className="worklist-heading">
          {heading}
        </Link>
        <p className="worklist-wording" data-testid="worklist-wording">
          {worklistWording(row, today)}
        </p>
        <div className="worklist-owner">
          {canWrite ? (
            <label>
              <span className="muted small">{t('worklist.owner')}</span>{' '}
              <select
                aria-label={t('worklist.ownerOf', { contract: heading })}
                data-testid="worklist-owner"
                value={current}
                disabled={busy}
                onChange={(e) => void assign(e.target.value || null)}
              >
                <OwnerOptions current={current} team={team} />
              </select>
            </label>
          ) : (
            <span className="muted small">
              {t('worklist.owner')}: {ownerLabel(row.ownerId, team)}
            </span>
          )}
        </div>
        <ProblemAlert error={error} />
      </div>
      {canWrite && (
        <div
          className="worklist-actions"
          role="group"
          aria-label={t('worklist.actionsOf', { contract: heading })}
        >
          <button
            type="button"
            className="btn btn-small"
            disabled={busy}
            onClick={() => void decide('renew')}
          >
            {t('worklist.renew')}
          </button>
          <button
            type="button"
            className="btn btn-small"
            disabled={busy}
            onClick={() => void decide('terminate')}
          >
            {t('worklist.terminate')}
          </button>
          <button
            type="button"
            className="btn btn-small"
            disabled={busy}
            onClick={() => void decide('renegotiate')}
          >
            {t('worklist.renegotiate')}
          </button>
          <button
            type="button"
            className="btn btn-small btn-ghost"
            disabled={busy}
            onClick={() => void snooze()}
          >
            {t('worklist.snooze')}
          </button>
        </div>
      )}
    </li>
  );
}
