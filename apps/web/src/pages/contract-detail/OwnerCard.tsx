import { useId, useState } from 'react';
import { api } from '../../api/client';
import type { Contract } from '../../api/types';
import { ProblemAlert } from '../../components/feedback';
import { OwnerOptions } from '../../components/OwnerOptions';
import { t } from '../../i18n';
import { ownerLabel, useTeamMembers } from '../../lib/useTeamMembers';

/** Who is responsible for the contract: its alerts go to the owner too. Saved as soon as it is picked. */
export function OwnerCard({
  contract,
  canWrite,
  onSaved,
}: {
  contract: Contract;
  canWrite: boolean;
  onSaved(c: Contract): void;
}) {
  const team = useTeamMembers();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const uid = useId();
  const current = contract.ownerId ?? '';

  async function choose(value: string) {
    setBusy(true);
    setError(null);
    try {
      const updated = await api<Contract>(`/v1/contracts/${contract.id}`, {
        method: 'PATCH',
        body: { ownerId: value || null },
      });
      onSaved(updated);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card">
      <div className="card-head">
        <h2 id={`${uid}-h`}>{t('detail.owner')}</h2>
      </div>
      {canWrite ? (
        <div className="field">
          <label htmlFor={`${uid}-owner`} className="visually-hidden">
            {t('detail.owner')}
          </label>
          <select
            id={`${uid}-owner`}
            data-testid="owner-picker"
            value={current}
            disabled={busy}
            aria-describedby={`${uid}-help`}
            onChange={(e) => void choose(e.target.value)}
          >
            <OwnerOptions current={current} team={team} />
          </select>
        </div>
      ) : (
        <p data-testid="detail-owner">{ownerLabel(contract.ownerId, team)}</p>
      )}
      <p id={`${uid}-help`} className="hint">
        {t('detail.ownerHelp')}
      </p>
      <ProblemAlert error={error} />
    </div>
  );
}
