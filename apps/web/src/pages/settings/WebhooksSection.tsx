import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { CreatedWebhook, Page, Webhook } from '../../api/types';
import { useSession } from '../../auth/session';
import { CopyField, Loadable, ProblemAlert } from '../../components/feedback';
import { t, tDynamic } from '../../i18n';
import { useApi } from '../../lib/useApi';

const EVENTS = ['contract.parsed', 'contract.failed', 'deadline.upcoming'];

export function WebhooksSection() {
  const { can } = useSession();
  const state = useApi((signal) => api<Page<Webhook> | Webhook[]>('/v1/webhooks', { signal }), []);
  const [created, setCreated] = useState<CreatedWebhook | null>(null);
  const [error, setError] = useState<unknown>(null);
  const editable = can('admin') && can('write');

  async function remove(w: Webhook) {
    if (!window.confirm(t('settings.deleteWebhookConfirm', { url: w.url }))) return;
    setError(null);
    try {
      await api(`/v1/webhooks/${w.id}`, { method: 'DELETE' });
      if (created?.id === w.id) setCreated(null);
      await state.reload();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <>
      <div className="card">
        <h2>{t('settings.webhooks')}</h2>
        <p className="muted">{t('settings.webhooksLead')}</p>
        {created?.secret && (
          <div className="alert alert-success secret-box" role="status">
            <p className="alert-title">{t('settings.webhookCreated')}</p>
            <CopyField value={created.secret} label={t('settings.secretLabel')} />
          </div>
        )}
        <ProblemAlert error={error} />
        <Loadable state={state}>
          {(data) => {
            const hooks = Array.isArray(data) ? data : data.data;
            if (!hooks.length) return <p className="muted">{t('settings.noWebhooks')}</p>;
            return (
              <ul className="plain-list">
                {hooks.map((w) => (
                  <li key={w.id} className="list-row">
                    <div>
                      <div className="mono break">{w.url}</div>
                      <div className="small muted">
                        {w.events.map((e) => tDynamic(`settings.eventNames.${e}`)).join(', ')}
                      </div>
                    </div>
                    {editable && (
                      <button
                        type="button"
                        className="btn btn-small btn-danger-ghost"
                        onClick={() => void remove(w)}
                        aria-label={t('settings.deleteWebhook', { url: w.url })}
                      >
                        {t('app.delete')}
                      </button>
                    )}
                  </li>
                ))}
              </ul>
            );
          }}
        </Loadable>
      </div>
      {editable && !state.error && (
        <CreateWebhookForm
          onCreated={(w) => {
            setCreated(w);
            void state.reload();
          }}
        />
      )}
    </>
  );
}

function CreateWebhookForm({ onCreated }: { onCreated(w: CreatedWebhook): void }) {
  const [url, setUrl] = useState('https://');
  const [events, setEvents] = useState<string[]>(EVENTS);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    try {
      const u = new URL(url.trim());
      if (u.protocol !== 'https:' && u.protocol !== 'http:') throw new Error('protocol');
    } catch {
      return setFieldError(t('auth.required'));
    }
    if (!events.length) return setFieldError(t('settings.pickOne'));
    setFieldError(null);
    setBusy(true);
    setError(null);
    try {
      const w = await api<CreatedWebhook>('/v1/webhooks', {
        method: 'POST',
        body: { url: url.trim(), events },
      });
      onCreated(w);
      setUrl('https://');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card">
      <h2>{t('settings.addWebhook')}</h2>
      <form onSubmit={submit} noValidate className="stack form-narrow">
        <div className="field">
          <label htmlFor="hook-url">{t('settings.url')}</label>
          <input
            id="hook-url"
            type="url"
            inputMode="url"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
          />
        </div>
        <fieldset className="checks">
          <legend>{t('settings.events')}</legend>
          {EVENTS.map((ev) => (
            <label key={ev} className="check">
              <input
                type="checkbox"
                checked={events.includes(ev)}
                onChange={(e) =>
                  setEvents((list) =>
                    e.target.checked ? [...list, ev] : list.filter((x) => x !== ev),
                  )
                }
              />
              <span>{tDynamic(`settings.eventNames.${ev}`)}</span>{' '}
              <span className="mono small muted">{ev}</span>
            </label>
          ))}
        </fieldset>
        {fieldError && (
          <p className="field-error" role="alert">
            {fieldError}
          </p>
        )}
        <ProblemAlert error={error} />
        <div>
          <button className="btn btn-primary" disabled={busy}>
            {t('settings.addWebhook')}
          </button>
        </div>
      </form>
    </div>
  );
}
