import { useId, useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { Contract } from '../../api/types';
import { ProblemAlert } from '../../components/feedback';
import { t, tDynamic } from '../../i18n';
import {
  DECISION_CHOICES,
  NOTE_MAX_LENGTH,
  decisionBody,
  hasDecisionToMake,
  type ContractDecision,
  type DecisionDraft,
  type DecisionErrors,
} from '../../lib/decision';
import { formatDate, formatDateTime, todayIso } from '../../lib/format';

const EMPTY: DecisionDraft = { decision: '', noticeSentOn: '', note: '' };
// styles.css sizes every input as a full-width text field except checkboxes; a radio keeps its own size (kept
// here so the page's area stays its own; a shared `input[type='radio']` rule would do the same).
const RADIO_STYLE = { width: 'auto', minHeight: 0, accentColor: 'var(--brand)' } as const;

/**
 * The notice deadline as a task: the decision recorded for it (with "Undo"), or a form to record renew,
 * terminate or renegotiate, with the day notice was sent and a note (PUT/DELETE /v1/contracts/:id/decision).
 * Any decision stops the deadline's alerts; terminate with notice sent ends the contract.
 */
export function DecisionPanel({
  contract,
  canWrite,
  onChanged,
}: {
  contract: Contract;
  canWrite: boolean;
  onChanged(c: Contract, note: string): void;
}) {
  const [draft, setDraft] = useState<DecisionDraft>(EMPTY);
  const [errors, setErrors] = useState<DecisionErrors>({});
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const uid = useId();
  if (!hasDecisionToMake(contract)) return null;
  const decision = contract.decision;

  async function run(action: () => Promise<void>) {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  function submit(e: FormEvent) {
    e.preventDefault();
    const checked = decisionBody(draft, todayIso());
    if ('errors' in checked) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    void run(async () => {
      const updated = await api<Contract>(`/v1/contracts/${contract.id}/decision`, {
        method: 'PUT',
        body: checked.body,
      });
      setDraft(EMPTY);
      onChanged(updated, t('decision.recorded'));
    });
  }

  const undo = () =>
    run(async () => {
      await api(`/v1/contracts/${contract.id}/decision`, { method: 'DELETE' });
      const updated = await api<Contract>(`/v1/contracts/${contract.id}`);
      onChanged(updated, t('decision.undone'));
    });

  const set = (k: keyof DecisionDraft) => (e: { target: { value: string } }) =>
    setDraft((d) => ({ ...d, [k]: e.target.value }));
  const describedBy = (k: keyof DecisionDraft, hint?: string) =>
    [hint, errors[k] ? `${uid}-${k}-err` : ''].filter(Boolean).join(' ') || undefined;
  const fieldError = (k: keyof DecisionDraft) =>
    errors[k] ? (
      <p id={`${uid}-${k}-err`} className="field-error">
        {errors[k]}
      </p>
    ) : null;

  return (
    <section className="decision-panel" data-testid="decision-panel" aria-labelledby={`${uid}-h`}>
      <h3 id={`${uid}-h`}>{t('decision.title')}</h3>
      {decision ? (
        <CurrentDecision decision={decision} />
      ) : (
        <p className="muted small" data-testid="decision-none">
          {t('decision.none')}
        </p>
      )}
      {decision && canWrite && (
        <button
          type="button"
          className="btn btn-small btn-ghost"
          disabled={busy}
          aria-label={t('decision.undoLabel')}
          onClick={() => void undo()}
        >
          {t('decision.undo')}
        </button>
      )}
      {!decision && canWrite && (
        <form className="stack" onSubmit={submit} noValidate data-testid="decision-form">
          <p className="hint">{t('decision.lead')}</p>
          <fieldset className="checks" aria-describedby={describedBy('decision')}>
            <legend>{t('decision.choice')}</legend>
            {DECISION_CHOICES.map((choice) => (
              <label key={choice} className="check">
                <input
                  type="radio"
                  name={`${uid}-decision`}
                  value={choice}
                  checked={draft.decision === choice}
                  onChange={set('decision')}
                  style={RADIO_STYLE}
                />
                {tDynamic(`decision.choices.${choice}`)}
              </label>
            ))}
            {fieldError('decision')}
          </fieldset>
          <div className="field">
            <label htmlFor={`${uid}-sent`}>{t('decision.noticeSentOn')}</label>
            <input
              id={`${uid}-sent`}
              type="date"
              max={todayIso()}
              value={draft.noticeSentOn}
              onChange={set('noticeSentOn')}
              aria-invalid={errors.noticeSentOn ? true : undefined}
              aria-describedby={describedBy('noticeSentOn', `${uid}-sent-hint`)}
            />
            <p id={`${uid}-sent-hint`} className="hint">
              {draft.decision === 'terminate' && !draft.noticeSentOn
                ? t('decision.terminateHint')
                : t('decision.noticeSentOnHint')}
            </p>
            {fieldError('noticeSentOn')}
          </div>
          <div className="field">
            <label htmlFor={`${uid}-note`}>{t('decision.note')}</label>
            <textarea
              id={`${uid}-note`}
              rows={2}
              maxLength={NOTE_MAX_LENGTH}
              value={draft.note}
              onChange={set('note')}
              aria-invalid={errors.note ? true : undefined}
              aria-describedby={describedBy('note', `${uid}-note-hint`)}
            />
            <p id={`${uid}-note-hint`} className="hint">
              {t('decision.noteHint')}
            </p>
            {fieldError('note')}
          </div>
          <div className="editor-actions">
            <button className="btn btn-primary btn-small" disabled={busy}>
              {busy ? t('decision.recording') : t('decision.record')}
            </button>
          </div>
        </form>
      )}
      <ProblemAlert error={error} />
    </section>
  );
}

/** The decision recorded: what, for which deadline, whether notice was sent, the note, who and when. */
function CurrentDecision({ decision }: { decision: ContractDecision }) {
  const by = decision.decidedBy;
  const at = formatDateTime(decision.decidedAt);
  return (
    <div data-testid="decision-current">
      <p>
        <strong data-testid="decision-choice">
          {tDynamic(`decision.choices.${decision.decision}`)}
        </strong>{' '}
        <span className="muted small">
          {t('decision.answers', { date: formatDate(decision.deadline) })}
        </span>
      </p>
      <ul className="plain-list small">
        <li data-testid="decision-notice-sent">
          {decision.noticeSentOn
            ? t('decision.noticeSent', { date: formatDate(decision.noticeSentOn) })
            : t('decision.notSent')}
        </li>
        {decision.note && <li data-testid="decision-note">{decision.note}</li>}
        <li className="muted" data-testid="decision-by">
          {by.type === 'apiKey'
            ? t('decision.decidedByKey', { at })
            : t('decision.decidedBy', { name: by.name ?? t('decision.someone'), at })}
        </li>
      </ul>
    </div>
  );
}
