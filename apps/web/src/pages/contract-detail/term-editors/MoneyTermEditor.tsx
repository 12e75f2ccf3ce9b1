import { t } from '../../../i18n';
import type { TermEditorProps } from './editor-props';

/** The contract value: an amount and an ISO 4217 currency. */
export function MoneyTermEditor({
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
        <label htmlFor={`${uid}-amount`}>{t('terms.amount')}</label>
        <input
          ref={firstInput}
          id={`${uid}-amount`}
          inputMode="decimal"
          value={draft.amount}
          onChange={(e) => onChange({ ...draft, amount: e.target.value })}
          {...aria('amount')}
        />
        {fieldError('amount')}
      </div>
      <div className="field field-narrow">
        <label htmlFor={`${uid}-currency`}>{t('terms.currency')}</label>
        <input
          id={`${uid}-currency`}
          value={draft.currency}
          maxLength={3}
          onChange={(e) => onChange({ ...draft, currency: e.target.value.toUpperCase() })}
          {...aria('currency')}
        />
        {fieldError('currency')}
      </div>
    </div>
  );
}
