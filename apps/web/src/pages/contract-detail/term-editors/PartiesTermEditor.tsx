import { t } from '../../../i18n';
import type { TermEditorProps } from './editor-props';

/** The parties: a list of names with their roles, rows added and removed. */
export function PartiesTermEditor({
  uid,
  label,
  draft,
  onChange,
  fieldError,
  firstInput,
}: TermEditorProps) {
  const setParty = (i: number, part: 'name' | 'role', value: string) =>
    onChange({
      ...draft,
      parties: draft.parties.map((q, j) => (j === i ? { ...q, [part]: value } : q)),
    });
  return (
    <fieldset className="parties-editor">
      <legend>{label}</legend>
      {draft.parties.map((p, i) => (
        <div key={i} className="field-row">
          <div className="field">
            <label htmlFor={`${uid}-pn-${i}`}>{t('terms.partyName')}</label>
            <input
              id={`${uid}-pn-${i}`}
              ref={i === 0 ? firstInput : undefined}
              value={p.name}
              onChange={(e) => setParty(i, 'name', e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${uid}-pr-${i}`}>{t('terms.partyRole')}</label>
            <input
              id={`${uid}-pr-${i}`}
              value={p.role}
              onChange={(e) => setParty(i, 'role', e.target.value)}
            />
          </div>
          <button
            type="button"
            className="btn btn-small btn-ghost icon-btn"
            aria-label={t('terms.removeParty', { n: i + 1 })}
            onClick={() => onChange({ ...draft, parties: draft.parties.filter((_, j) => j !== i) })}
          >
            ×
          </button>
        </div>
      ))}
      {fieldError('parties')}
      <button
        type="button"
        className="btn btn-small"
        onClick={() => onChange({ ...draft, parties: [...draft.parties, { name: '', role: '' }] })}
      >
        {t('terms.addParty')}
      </button>
    </fieldset>
  );
}
