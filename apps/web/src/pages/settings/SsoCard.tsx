import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { SsoConnection } from '../../api/types';
import { Loadable, ProblemAlert, SuccessNote } from '../../components/feedback';
import { t } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { Field, serverFieldErrors } from '../AuthPages';

/** Settings → Security, owner only: the company's OpenID Connect identity provider and whether it is required. */
export function SsoCard() {
  const state = useApi((signal) => api<SsoConnection>('/v1/sso', { signal }), []);
  return (
    <div className="card" data-testid="sso-card">
      <h2>{t('sso.settingsTitle')}</h2>
      <p className="muted">{t('sso.settingsIntro')}</p>
      <Loadable state={state}>
        {(connection) => <SsoForm connection={connection} onSaved={state.setData} />}
      </Loadable>
    </div>
  );
}

function SsoForm({
  connection,
  onSaved,
}: {
  connection: SsoConnection;
  onSaved: (c: SsoConnection) => void;
}) {
  const [issuerUrl, setIssuerUrl] = useState(connection.issuerUrl ?? '');
  const [clientId, setClientId] = useState(connection.clientId ?? '');
  const [clientSecret, setClientSecret] = useState('');
  const [domains, setDomains] = useState(connection.domains.join(', '));
  const [required, setRequired] = useState(connection.required);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setErrors({});
    setNote(null);
    try {
      const saved = await api<SsoConnection>('/v1/sso', {
        method: 'PUT',
        body: {
          issuerUrl: issuerUrl.trim(),
          clientId: clientId.trim(),
          ...(clientSecret ? { clientSecret } : {}),
          domains: domains
            .split(/[\s,]+/)
            .map((d) => d.trim())
            .filter(Boolean),
          required,
        },
      });
      setClientSecret('');
      onSaved(saved);
      setNote(t('sso.saved'));
    } catch (err) {
      setErrors(serverFieldErrors(err));
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      await api('/v1/sso', { method: 'DELETE' });
      const fresh = await api<SsoConnection>('/v1/sso');
      onSaved(fresh);
      setIssuerUrl('');
      setClientId('');
      setDomains('');
      setRequired(false);
      setNote(t('sso.removed'));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={save} className="stack" noValidate>
      <ProblemAlert error={error} />
      {note && <SuccessNote>{note}</SuccessNote>}
      <p className="small">
        {t('sso.redirectUri')}: <code data-testid="sso-redirect-uri">{connection.redirectUri}</code>
      </p>
      <Field
        id="sso-issuer"
        label={t('sso.issuerUrl')}
        type="url"
        value={issuerUrl}
        onChange={setIssuerUrl}
        error={errors.issuerUrl}
      />
      <Field
        id="sso-client-id"
        label={t('sso.clientId')}
        value={clientId}
        onChange={setClientId}
        error={errors.clientId}
      />
      <Field
        id="sso-client-secret"
        label={t('sso.clientSecret')}
        type="password"
        value={clientSecret}
        onChange={setClientSecret}
        autoComplete="off"
        hint={connection.configured ? t('sso.clientSecretKeep') : undefined}
        error={errors.clientSecret}
      />
      <Field
        id="sso-domains"
        label={t('sso.domains')}
        value={domains}
        onChange={setDomains}
        error={errors.domains}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={required}
          onChange={(e) => setRequired(e.target.checked)}
          data-testid="sso-required"
        />{' '}
        {t('sso.required')}
      </label>
      <p className="muted small">
        {t('sso.requiredHint')} {t('sso.lastSignIn')}:{' '}
        {connection.lastSignInAt ? formatDate(connection.lastSignInAt) : t('sso.never')}
      </p>
      {errors.required && <p className="field-error">{errors.required}</p>}
      <div className="row">
        <button className="btn btn-primary" disabled={busy}>
          {t('sso.save')}
        </button>
        {connection.configured && (
          <button
            type="button"
            className="btn btn-danger"
            disabled={busy}
            onClick={() => void remove()}
          >
            {t('sso.remove')}
          </button>
        )}
      </div>
    </form>
  );
}
