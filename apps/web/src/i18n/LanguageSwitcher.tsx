import { useId } from 'react';
import { chooseLanguage, languages, t, uiLanguage } from './index';

/**
 * The UI language as a plain labelled <select>: each language is named in itself, and choosing one stores it
 * and reloads the page (the catalogue is chosen once at load).
 */
export function LanguageSwitcher({ className }: { className?: string }) {
  const id = useId();
  return (
    <div className={className ? `lang-switch ${className}` : 'lang-switch'}>
      <svg
        aria-hidden="true"
        width="16"
        height="16"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="1.6"
      >
        <circle cx="12" cy="12" r="9" />
        <path d="M3 12h18M12 3c2.5 2.6 3.8 5.6 3.8 9s-1.3 6.4-3.8 9c-2.5-2.6-3.8-5.6-3.8-9S9.5 5.6 12 3z" />
      </svg>
      <label htmlFor={id}>{t('app.language')}</label>
      <select id={id} value={uiLanguage} onChange={(e) => chooseLanguage(e.target.value)}>
        {languages.map((l) => (
          <option key={l.code} value={l.code} lang={l.code}>
            {l.name}
          </option>
        ))}
      </select>
    </div>
  );
}
