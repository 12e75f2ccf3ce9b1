import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { TermField } from '../../../api/types';
import { ProblemAlert } from '../../../components/feedback';
import { t, tDynamic } from '../../../i18n';
import { fromDraft, TERM_KINDS, type Draft, type TermValue } from '../../../lib/terms';
import { BoolTermEditor } from './BoolTermEditor';
import { DurationTermEditor } from './DurationTermEditor';
import type { TermEditorProps } from './editor-props';
import { MoneyTermEditor } from './MoneyTermEditor';
import { PartiesTermEditor } from './PartiesTermEditor';
import { TextTermEditor } from './TextTermEditor';

/** The form that corrects one term: the editor of the term's kind, validation, save and cancel (Escape). */
export function TermEditor({
  field,
  initial,
  busy,
  serverError,
  onCancel,
  onSave,
}: {
  field: TermField;
  initial: Draft;
  busy: boolean;
  serverError: unknown;
  onCancel(): void;
  onSave(v: TermValue): void;
}) {
  const [draft, setDraft] = useState<Draft>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const uid = useId();
  const firstInput = useRef<HTMLInputElement & HTMLSelectElement>(null);
  useEffect(() => firstInput.current?.focus(), []);

  function submit(e: FormEvent) {
    e.preventDefault();
    const r = fromDraft(field, draft);
    if ('errors' in r) {
      setErrors(r.errors);
      return;
    }
    setErrors({});
    onSave(r.value);
  }

  const props: TermEditorProps = {
    uid,
    label: tDynamic(`terms.${field}`),
    draft,
    onChange: setDraft,
    firstInput,
    fieldError: (k) =>
      errors[k] ? (
        <p id={`${uid}-${k}-err`} className="field-error">
          {errors[k]}
        </p>
      ) : null,
    aria: (k) => (errors[k] ? { 'aria-invalid': true, 'aria-describedby': `${uid}-${k}-err` } : {}),
  };
  const kind = TERM_KINDS[field];

  return (
    <form
      className="term-editor"
      onSubmit={submit}
      noValidate
      onKeyDown={(e) => e.key === 'Escape' && onCancel()}
    >
      {(kind === 'text' || kind === 'date') && <TextTermEditor {...props} type={kind} />}
      {kind === 'duration' && <DurationTermEditor {...props} />}
      {kind === 'bool' && <BoolTermEditor {...props} />}
      {kind === 'money' && <MoneyTermEditor {...props} />}
      {kind === 'parties' && <PartiesTermEditor {...props} />}
      <ProblemAlert error={serverError} />
      <div className="editor-actions">
        <button className="btn btn-primary btn-small" disabled={busy}>
          {busy ? t('app.saving') : t('app.save')}
        </button>
        <button type="button" className="btn btn-small btn-ghost" onClick={onCancel}>
          {t('app.cancel')}
        </button>
      </div>
    </form>
  );
}
