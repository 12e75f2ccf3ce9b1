import { wordingDate } from '@cb/domain/wording';
import { useState } from 'react';
import { api } from '../../api/client';
import type { Contract, Deadline } from '../../api/types';
import { useSession } from '../../auth/session';
import { LoadingBlock, ProblemAlert, SuccessNote } from '../../components/feedback';
import { t } from '../../i18n';
import { useApi } from '../../lib/useApi';
import { ownerLabel, useTeamMembers } from '../../lib/useTeamMembers';
import { wordingLanguage, worklistHeading, type DeadlineSummary } from '../../lib/worklist';
import { NoticeLetterAction } from '../contract-detail/NoticeLetterAction';
import { WorklistItem, type ItemOutcome } from './WorklistItem';
import './worklist.css';

/** The last action's message, with a way back. */
interface Note {
  text: string;
  undo?: () => Promise<unknown>;
}

/** A termination just recorded: the letter to send, then "notice sent" ends the contract. */
interface Terminating {
  row: Deadline;
  contract: Contract;
}

const date = (iso: string) => wordingDate(iso, wordingLanguage);

/**
 * "Decide by": the notice deadlines of the next 90 days (and passed ones) that nobody has decided, with
 * one-click actions. After each action the item leaves at once and the list and counts are read again.
 */
export function Worklist() {
  const { can } = useSession();
  const canWrite = can('write');
  const team = useTeamMembers();
  const state = useApi(async (signal) => {
    const summary = await api<DeadlineSummary>('/v1/deadlines/summary', { signal });
    const list = await api<{ data: Deadline[] }>('/v1/deadlines', {
      query: { undecided: true, to: summary.until, snoozed: false },
      signal,
    });
    return { summary, rows: list.data };
  }, []);
  const [note, setNote] = useState<Note | null>(null);
  const [terminating, setTerminating] = useState<Terminating | null>(null);
  const [error, setError] = useState<unknown>(null);

  const refresh = () => void state.reload();
  const without = (row: Deadline) =>
    state.setData((prev) => ({
      summary: prev!.summary,
      rows: prev!.rows.filter((r) => r.contractId !== row.contractId),
    }));

  function onDone(row: Deadline, outcome: ItemOutcome) {
    const contract = worklistHeading(row);
    setError(null);
    switch (outcome.kind) {
      case 'decided': {
        without(row);
        const undo = () => api(`/v1/contracts/${row.contractId}/decision`, { method: 'DELETE' });
        if (outcome.decision === 'terminate') {
          setNote(null);
          setTerminating({ row, contract: outcome.contract });
        } else {
          setNote({
            text: t(outcome.decision === 'renew' ? 'worklist.renewed' : 'worklist.renegotiating', {
              contract,
            }),
            undo,
          });
        }
        break;
      }
      case 'snoozed':
        without(row);
        setNote({
          text: t('worklist.snoozed', { contract, date: date(outcome.until) }),
          undo: () => api(`/v1/contracts/${row.contractId}/decision/snooze`, { method: 'DELETE' }),
        });
        break;
      case 'owner':
        state.setData((prev) => ({
          summary: prev!.summary,
          rows: prev!.rows.map((r) =>
            r.contractId === row.contractId ? { ...r, ownerId: outcome.ownerId } : r,
          ),
        }));
        setNote({
          text: outcome.ownerId
            ? t('worklist.assigned', { contract, owner: ownerLabel(outcome.ownerId, team) })
            : t('worklist.unassigned', { contract }),
        });
        break;
    }
    refresh();
  }

  async function run(fn: () => Promise<unknown>, after?: () => void) {
    setError(null);
    try {
      await fn();
      after?.();
      refresh();
    } catch (e) {
      setError(e);
    }
  }

  const summary = state.data?.summary;
  return (
    <div className="card worklist" data-testid="worklist">
      <div className="card-head">
        <h2>{t('worklist.title')}</h2>
      </div>
      {summary && (
        <p className="worklist-counts">
          <strong data-testid="worklist-count">
            {t('worklist.count', { count: summary.undecidedUpcoming })}
          </strong>
          {summary.undecidedPassed > 0 && (
            <span className="muted small">
              {' · '}
              {t('worklist.passedCount', { count: summary.undecidedPassed })}
            </span>
          )}
          {summary.snoozed > 0 && (
            <span className="muted small" data-testid="worklist-snoozed-count">
              {' · '}
              {t('worklist.snoozedCount', { count: summary.snoozed })}
            </span>
          )}
        </p>
      )}
      <p className="muted small">{t('worklist.lead')}</p>
      {note && (
        <SuccessNote>
          <span data-testid="worklist-note">{note.text}</span>
          {note.undo && (
            <>
              {' '}
              <button
                type="button"
                className="btn btn-small btn-ghost"
                onClick={() => void run(note.undo!, () => setNote(null))}
              >
                {t('worklist.undo')}
              </button>
            </>
          )}
        </SuccessNote>
      )}
      {terminating && (
        <TerminatePanel
          value={terminating}
          today={summary?.today ?? terminating.row.date}
          onError={setError}
          onClose={() => setTerminating(null)}
          onChanged={refresh}
        />
      )}
      <ProblemAlert error={error} />
      {state.error ? (
        <ProblemAlert error={state.error} onRetry={refresh} />
      ) : !state.data ? (
        <LoadingBlock lines={3} />
      ) : state.data.rows.length === 0 ? (
        <p className="muted empty-inline" data-testid="worklist-empty">
          {t('worklist.empty')}
        </p>
      ) : (
        <ol className="worklist-items">
          {state.data.rows.map((row) => (
            <WorklistItem
              key={row.contractId}
              row={row}
              today={state.data!.summary.today}
              team={team}
              canWrite={canWrite}
              onDone={onDone}
            />
          ))}
        </ol>
      )}
    </div>
  );
}

/** After "Terminate": the notice letter, then "Notice sent today" ends the contract at the end of its term. */
function TerminatePanel({
  value,
  today,
  onError,
  onClose,
  onChanged,
}: {
  value: Terminating;
  today: string;
  onError(e: unknown): void;
  onClose(): void;
  onChanged(): void;
}) {
  const [ended, setEnded] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const contract = worklistHeading(value.row);
  const path = `/v1/contracts/${value.row.contractId}/decision`;

  async function call(fn: () => Promise<void>) {
    setBusy(true);
    onError(null);
    try {
      await fn();
      onChanged();
    } catch (e) {
      onError(e);
    } finally {
      setBusy(false);
    }
  }
  const sent = () =>
    call(async () => {
      const c = await api<Contract>(path, {
        method: 'PUT',
        body: { decision: 'terminate', noticeSentOn: today },
      });
      setEnded(c.deadlines.endingOn ?? c.deadlines.expirationDate ?? null);
    });
  const undo = () =>
    call(async () => {
      await api(path, { method: 'DELETE' });
      onClose();
    });

  return (
    <div className="worklist-terminate" data-testid="worklist-terminate" role="status">
      <p>
        {ended
          ? t('worklist.noticeSent', { contract, date: date(ended) })
          : t('worklist.terminating', { contract, date: date(value.row.date) })}
      </p>
      {!ended && <NoticeLetterAction contract={value.contract} />}
      <div className="worklist-actions">
        {!ended && (
          <button
            type="button"
            className="btn btn-small btn-primary"
            disabled={busy}
            onClick={() => void sent()}
          >
            {t('worklist.noticeSentToday')}
          </button>
        )}
        <button type="button" className="btn btn-small btn-ghost" disabled={busy} onClick={onClose}>
          {t('worklist.done')}
        </button>
        <button
          type="button"
          className="btn btn-small btn-ghost"
          disabled={busy}
          onClick={() => void undo()}
        >
          {t('worklist.undo')}
        </button>
      </div>
    </div>
  );
}
