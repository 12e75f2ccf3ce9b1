import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { AlertLanguage, AlertSettings } from '../../api/types';
import { useSession } from '../../auth/session';
import { Loadable, ProblemAlert, SuccessNote } from '../../components/feedback';
import { languages, t } from '../../i18n';
import { setTenantTimeZone } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { AlertLog } from './AlertLog';

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function timeZones(current: string): string[] {
  const intl = Intl as typeof Intl & { supportedValuesOf?: (k: string) => string[] };
  const all = intl.supportedValuesOf?.('timeZone') ?? [];
  return all.includes(current) ? all : [current, ...all];
}

export function AlertSettingsSection() {
  const state = useApi((signal) => api<AlertSettings>('/v1/alert-settings', { signal }), []);
  return (
    <>
      <div className="card">
        <h2>{t('settings.alerts')}</h2>
        <p className="muted">{t('settings.alertsLead')}</p>
        <Loadable state={state}>
          {(data) => <AlertForm initial={data} onSaved={(s) => state.setData(s)} />}
        </Loadable>
      </div>
      <AlertLog />
    </>
  );
}

function AlertForm({
  initial,
  onSaved,
}: {
  initial: AlertSettings;
  onSaved(s: AlertSettings): void;
}) {
  const { can } = useSession();
  const [lead, setLead] = useState(initial.leadDays.join(', '));
  // Default recipients (owners and admins) are shown as a hint, not copied into the list, so saving the form
  // does not freeze today's owners into a fixed list.
  const [recipients, setRecipients] = useState(
    initial.recipientsAreDefault ? '' : initial.recipients.join('\n'),
  );
  const [tz, setTz] = useState(
    initial.timezone || Intl.DateTimeFormat().resolvedOptions().timeZone,
  );
  // The stored choice as it is, even when it differs from the UI language: only the form's Save changes it.
  const [language, setLanguage] = useState<AlertLanguage>(initial.language);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  // "Saved" shows while the form still holds what was saved.
  const [savedForm, setSavedForm] = useState<string | null>(null);
  const saved = savedForm === JSON.stringify([lead, recipients, tz, language]);
  const [busy, setBusy] = useState(false);
  const editable = can('admin');

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    const parts = lead.split(/[,\s]+/).filter(Boolean);
    const leadDays = parts.map(Number);
    if (
      !parts.length ||
      parts.length > 10 ||
      leadDays.some((n) => !Number.isInteger(n) || n < 1 || n > 365)
    )
      errs.leadDays = t('settings.leadDaysInvalid');
    const emails = recipients
      .split(/[\n,;]+/)
      .map((s) => s.trim())
      .filter(Boolean);
    const bad = emails.find((m) => !EMAIL_RE.test(m));
    if (bad) errs.recipients = t('settings.recipientsInvalid', { value: bad });
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    setError(null);
    try {
      const body = {
        leadDays: [...new Set(leadDays)].sort((a, b) => b - a),
        recipients: emails,
        timezone: tz,
        language,
      };
      const res = await api<AlertSettings>('/v1/alert-settings', { method: 'PUT', body });
      // Deadlines now count from the new zone's day: so does the rest of the UI.
      setTenantTimeZone((res ?? body).timezone);
      onSaved(res ?? body);
      setSavedForm(JSON.stringify([lead, recipients, tz, language]));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} noValidate className="stack form-narrow">
      <ProblemAlert error={error} />
      {saved && <SuccessNote>{t('settings.saved')}</SuccessNote>}
      <div className="field">
        <label htmlFor="lead-days">{t('settings.leadDays')}</label>
        <input
          id="lead-days"
          value={lead}
          onChange={(e) => setLead(e.target.value)}
          disabled={!editable}
          aria-describedby="lead-days-hint lead-days-err"
          aria-invalid={errors.leadDays ? true : undefined}
        />
        <p id="lead-days-hint" className="hint">
          {t('settings.leadDaysHelp')}
        </p>
        {errors.leadDays && (
          <p id="lead-days-err" className="field-error">
            {errors.leadDays}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="recipients">{t('settings.recipients')}</label>
        <textarea
          id="recipients"
          rows={4}
          value={recipients}
          onChange={(e) => setRecipients(e.target.value)}
          disabled={!editable}
          aria-describedby="recipients-hint recipients-err"
          aria-invalid={errors.recipients ? true : undefined}
        />
        <p id="recipients-hint" className="hint">
          {t('settings.recipientsHelp')}
          {initial.recipientsAreDefault && initial.recipients.length > 0 && (
            <> {t('settings.recipientsNow', { list: initial.recipients.join(', ') })}</>
          )}
        </p>
        {errors.recipients && (
          <p id="recipients-err" className="field-error">
            {errors.recipients}
          </p>
        )}
      </div>
      <div className="field">
        <label htmlFor="tz">{t('settings.timezone')}</label>
        <select
          id="tz"
          value={tz}
          onChange={(e) => setTz(e.target.value)}
          disabled={!editable}
          aria-describedby="tz-hint"
        >
          {timeZones(tz).map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
        <p id="tz-hint" className="hint">
          {t('settings.timezoneHelp')}
        </p>
      </div>
      <div className="field">
        <label htmlFor="alert-language">{t('settings.alertLanguage')}</label>
        <select
          id="alert-language"
          value={language}
          onChange={(e) => setLanguage(e.target.value as AlertLanguage)}
          disabled={!editable}
          aria-describedby="alert-language-hint"
        >
          {languages.map((l) => (
            <option key={l.code} value={l.code} lang={l.code}>
              {l.name}
            </option>
          ))}
        </select>
        <p id="alert-language-hint" className="hint">
          {t('settings.alertLanguageHelp')}
        </p>
      </div>
      {editable && (
        <div>
          <button className="btn btn-primary" disabled={busy}>
            {busy ? t('app.saving') : t('app.save')}
          </button>
        </div>
      )}
    </form>
  );
}
