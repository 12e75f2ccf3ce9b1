import type { TermEditorProps } from './editor-props';

/** A text term (title, governing law, payment terms) or a date. */
export function TextTermEditor({
  uid,
  label,
  draft,
  onChange,
  fieldError,
  aria,
  firstInput,
  type,
}: TermEditorProps & { type: 'text' | 'date' }) {
  return (
    <div className="field">
      <label htmlFor={`${uid}-text`}>{label}</label>
      <input
        ref={firstInput}
        id={`${uid}-text`}
        type={type}
        value={draft.text}
        onChange={(e) => onChange({ ...draft, text: e.target.value })}
        {...aria('text')}
      />
      {fieldError('text')}
    </div>
  );
}
