import { useState } from 'react';
import { ApiError } from '../../api/client';
import type { TextSettableField } from '../../api/types';
import type { TextSelection } from '../../components/pdf/useTextSelection';
import { ProblemAlert } from '../../components/feedback';
import { t, tDynamic } from '../../i18n';
import { fieldLabel, TEXT_SETTABLE_FIELDS } from '../../lib/review';

/**
 * Text selected in the document, and what to do with it: "Set as notice period" (the fields in review first),
 * or any other term from the list. The API reads the text with the contract language's rules; text that holds
 * no such value gets a message saying so (and what to select instead).
 */
export function SelectionBar({
  selection,
  quickFields,
  onSet,
  onDismiss,
}: {
  selection: TextSelection;
  quickFields: TextSettableField[];
  onSet(field: TextSettableField, selection: TextSelection): Promise<void>;
  onDismiss(): void;
}) {
  const [other, setOther] = useState<TextSettableField>(
    TEXT_SETTABLE_FIELDS.find((f) => !quickFields.includes(f)) ?? 'title',
  );
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState<{ field: TextSettableField; error: unknown } | null>(null);
  const shown = selection.text.length > 80 ? `${selection.text.slice(0, 77)}…` : selection.text;

  async function set(field: TextSettableField) {
    setBusy(true);
    setFailed(null);
    try {
      await onSet(field, selection);
    } catch (error) {
      setFailed({ field, error });
    } finally {
      setBusy(false);
    }
  }

  // Keep the document's selection while a button here is pressed.
  const keepSelection = (e: React.MouseEvent) => e.preventDefault();
  const unreadable = failed?.error instanceof ApiError && failed.error.status === 400;
  return (
    <div className="selection-bar" role="group" aria-label={t('review.selection', { text: shown })}>
      <p className="small selection-text" data-testid="selection-text">
        {t('review.selection', { text: shown })}
      </p>
      <div className="selection-actions">
        {quickFields.map((f) => (
          <button
            key={f}
            type="button"
            className="btn btn-small btn-primary"
            disabled={busy}
            onMouseDown={keepSelection}
            onClick={() => void set(f)}
          >
            {t('review.setAs', { field: fieldLabel(f) })}
          </button>
        ))}
        <label className="visually-hidden" htmlFor="selection-other">
          {t('review.setAsOther')}
        </label>
        <select
          id="selection-other"
          value={other}
          onChange={(e) => setOther(e.target.value as TextSettableField)}
        >
          {TEXT_SETTABLE_FIELDS.filter((f) => !quickFields.includes(f)).map((f) => (
            <option key={f} value={f}>
              {tDynamic(`terms.${f}`)}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="btn btn-small"
          disabled={busy}
          onMouseDown={keepSelection}
          onClick={() => void set(other)}
        >
          {t('review.set')}
        </button>
        <button type="button" className="btn btn-small btn-ghost" onClick={onDismiss}>
          {t('review.dismiss')}
        </button>
      </div>
      {failed && unreadable && (
        <div className="alert alert-error" role="alert" data-testid="selection-error">
          <p className="alert-title">
            {t('review.unreadable', { field: fieldLabel(failed.field) })}
          </p>
          <p className="small">{(failed.error as ApiError).problem.detail}</p>
        </div>
      )}
      {failed && !unreadable && <ProblemAlert error={failed.error} />}
    </div>
  );
}
