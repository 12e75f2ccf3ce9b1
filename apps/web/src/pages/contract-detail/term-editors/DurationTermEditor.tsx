import type { Draft } from '../../../lib/terms';
import { t, tDynamic } from '../../../i18n';
import type { TermEditorProps } from './editor-props';

/** A duration (initial term, renewal term, notice period): a count and a unit. */
export function DurationTermEditor({
  uid,
  draft,
  onChange,
  fieldError,
  aria,
  firstInput,
}: TermEditorProps) {
  return (
    <div className="field-row">
      <div className="field">
        <label htmlFor={`${uid}-count`}>{t('terms.durationCount')}</label>
        <input
          ref={firstInput}
          id={`${uid}-count`}
          type="number"
          inputMode="numeric"
          min={1}
          step={1}
          value={draft.count}
          onChange={(e) => onChange({ ...draft, count: e.target.value })}
          {...aria('count')}
        />
        {fieldError('count')}
      </div>
      <div className="field">
        <label htmlFor={`${uid}-unit`}>{t('terms.durationUnit')}</label>
        <select
          id={`${uid}-unit`}
          value={draft.unit}
          onChange={(e) => onChange({ ...draft, unit: e.target.value as Draft['unit'] })}
        >
          {(['D', 'W', 'M', 'Y'] as const).map((u) => (
            <option key={u} value={u}>
              {tDynamic(`terms.units.${u}`)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
