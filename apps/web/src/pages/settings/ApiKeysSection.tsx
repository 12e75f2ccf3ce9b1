import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { ApiKey, CreatedApiKey, Page } from '../../api/types';
import { useSession } from '../../auth/session';
import { CopyField, Loadable, ProblemAlert } from '../../components/feedback';
import { t } from '../../i18n';
import { formatDateTime } from '../../lib/format';
import { useApi } from '../../lib/useApi';

const SCOPES = ['contracts:read', 'contracts:write', 'deadlines:read', 'webhooks:write'];

export function ApiKeysSection() {
  const { can } = useSession();
  const state = useApi((signal) => api<Page<ApiKey> | ApiKey[]>('/v1/api-keys', { signal }), []);
  const [created, setCreated] = useState<CreatedApiKey | null>(null);
  const [error, setError] = useState<unknown>(null);
  const editable = can('admin') && can('write');

  async function revoke(k: ApiKey) {
    if (!window.confirm(t('settings.revokeConfirm', { name: k.name }))) return;
    setError(null);
    try {
      await api(`/v1/api-keys/${k.id}`, { method: 'DELETE' });
      if (created?.id === k.id) setCreated(null);
      await state.reload();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <>
      <div className="card">
        <h2>{t('settings.apiKeys')}</h2>
        <p className="muted">{t('settings.apiKeysLead')}</p>
        {created?.key && (
          <div className="alert alert-success secret-box" role="status">
            <p className="alert-title">{t('settings.keyCreated')}</p>
            <CopyField value={created.key} label={t('settings.keyLabel')} />
          </div>
        )}
        <ProblemAlert error={error} />
        <Loadable state={state}>
          {(data) => {
            const keys = Array.isArray(data) ? data : data.data;
            if (!keys.length) return <p className="muted">{t('settings.noKeys')}</p>;
            return (
              <div className="table-wrap">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('settings.keyName')}</th>
                      <th scope="col">{t('settings.prefix')}</th>
                      <th scope="col">{t('settings.scopes')}</th>
                      <th scope="col">{t('settings.createdAt')}</th>
                      <th scope="col">{t('settings.lastUsedAt')}</th>
                      <th scope="col">{t('settings.keyExpiry')}</th>
                      {editable && (
                        <th scope="col">
                          <span className="visually-hidden">{t('settings.actions')}</span>
                        </th>
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {keys.map((k) => (
                      <tr key={k.id}>
                        <td data-label={t('settings.keyName')}>{k.name}</td>
                        <td data-label={t('settings.prefix')} className="mono">
                          {k.prefix}…
                        </td>
                        <td data-label={t('settings.scopes')} className="small">
                          {(k.scopes ?? []).join(', ')}
                        </td>
                        <td data-label={t('settings.createdAt')}>{formatDateTime(k.createdAt)}</td>
                        <td data-label={t('settings.lastUsedAt')}>
                          {k.lastUsedAt ? formatDateTime(k.lastUsedAt) : t('settings.never')}
                        </td>
                        <td data-label={t('settings.keyExpiry')}>
                          {!k.expiresAt
                            ? t('settings.expiryNever')
                            : Date.parse(k.expiresAt) <= Date.now()
                              ? t('settings.keyExpired')
                              : formatDateTime(k.expiresAt)}
                        </td>
                        {editable && (
                          <td className="actions-cell">
                            <button
                              type="button"
                              className="btn btn-small btn-danger-ghost"
                              onClick={() => void revoke(k)}
                              aria-label={t('settings.revokeLabel', { name: k.name })}
                            >
                              {t('settings.revoke')}
                            </button>
                          </td>
                        )}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            );
          }}
        </Loadable>
      </div>
      {editable && !state.error && (
        <CreateKeyForm
          onCreated={(k) => {
            setCreated(k);
            void state.reload();
          }}
        />
      )}
    </>
  );
}

function CreateKeyForm({ onCreated }: { onCreated(k: CreatedApiKey): void }) {
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<string[]>(SCOPES);
  const [expiryDays, setExpiryDays] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!name.trim()) return setFieldError(t('auth.required'));
    if (!scopes.length) return setFieldError(t('settings.pickOne'));
    setFieldError(null);
    setBusy(true);
    setError(null);
    try {
      const k = await api<CreatedApiKey>('/v1/api-keys', {
        method: 'POST',
        body: {
          name: name.trim(),
          scopes,
          ...(expiryDays
            ? { expiresAt: new Date(Date.now() + Number(expiryDays) * 86_400_000).toISOString() }
            : {}),
        },
      });
      onCreated(k);
      setName('');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card">
      <h2>{t('settings.createKey')}</h2>
      <form onSubmit={submit} noValidate className="stack form-narrow">
        <div className="field">
          <label htmlFor="key-name">{t('settings.keyName')}</label>
          <input
            id="key-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={fieldError && !name.trim() ? true : undefined}
          />
        </div>
        <fieldset className="checks">
          <legend>{t('settings.scopes')}</legend>
          {SCOPES.map((s) => (
            <label key={s} className="check">
              <input
                type="checkbox"
                checked={scopes.includes(s)}
                onChange={(e) =>
                  setScopes((list) =>
                    e.target.checked ? [...list, s] : list.filter((x) => x !== s),
                  )
                }
              />
              <span className="mono">{s}</span>
            </label>
          ))}
        </fieldset>
        <div className="field">
          <label htmlFor="key-expiry">{t('settings.keyExpiry')}</label>
          <select
            id="key-expiry"
            value={expiryDays}
            onChange={(e) => setExpiryDays(e.target.value)}
          >
            <option value="">{t('settings.expiryNever')}</option>
            <option value="30">{t('settings.expiry30')}</option>
            <option value="90">{t('settings.expiry90')}</option>
            <option value="365">{t('settings.expiry365')}</option>
          </select>
        </div>
        {fieldError && (
          <p className="field-error" role="alert">
            {fieldError}
          </p>
        )}
        <ProblemAlert error={error} />
        <div>
          <button className="btn btn-primary" disabled={busy}>
            {t('settings.createKey')}
          </button>
        </div>
      </form>
    </div>
  );
}
