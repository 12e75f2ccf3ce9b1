import type { Draft } from '../../../lib/terms';
import { t } from '../../../i18n';
import type { TermEditorProps } from './editor-props';

/** A yes/no term (perpetual, automatic renewal, termination for convenience), or "the contract does not say". */
export function BoolTermEditor({ uid, label, draft, onChange, firstInput }: TermEditorProps) {
  return (
    <div className="field">
      <label htmlFor={`${uid}-bool`}>{label}</label>
      <select
        ref={firstInput}
        id={`${uid}-bool`}
        value={draft.bool}
        onChange={(e) => onChange({ ...draft, bool: e.target.value as Draft['bool'] })}
      >
        <option value="">{t('terms.clear')}</option>
        <option value="true">{t('app.yes')}</option>
        <option value="false">{t('app.no')}</option>
      </select>
    </div>
  );
}
