import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import type { Invitation, Page, Role, User } from '../../api/types';
import { useSession } from '../../auth/session';
import { Loadable, ProblemAlert, SuccessNote } from '../../components/feedback';
import { t, tDynamic } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useApi } from '../../lib/useApi';

const ROLES: Role[] = ['owner', 'admin', 'member', 'viewer'];
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function TeamSection() {
  const { me, can } = useSession();
  const state = useApi(
    (signal) => api<Page<User> | User[]>('/v1/users', { signal, query: { limit: 100 } }),
    [],
  );
  const [error, setError] = useState<unknown>(null);
  const isAdmin = can('admin');

  async function changeRole(u: User, role: Role) {
    setError(null);
    try {
      const updated = await api<User>(`/v1/users/${u.id}`, { method: 'PATCH', body: { role } });
      state.setData((prev) =>
        mapUsers(prev, (x) => (x.id === u.id ? { ...x, ...(updated ?? { role }) } : x)),
      );
    } catch (e) {
      setError(e);
    }
  }
  async function remove(u: User) {
    if (!window.confirm(t('settings.removeConfirm', { name: u.name }))) return;
    setError(null);
    try {
      await api(`/v1/users/${u.id}`, { method: 'DELETE' });
      await state.reload();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <>
      <div className="card">
        <h2>{t('settings.team')}</h2>
        <p className="muted">{t('settings.teamLead')}</p>
        <p className="small muted">{t('settings.roleHelp')}</p>
        <ProblemAlert error={error} />
        <Loadable state={state}>
          {(data) => {
            const users = Array.isArray(data) ? data : data.data;
            return (
              <div className="table-wrap">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('settings.name')}</th>
                      <th scope="col">{t('settings.email')}</th>
                      <th scope="col">{t('settings.role')}</th>
                      {isAdmin && (
                        <th scope="col">
                          <span className="visually-hidden">{t('settings.actions')}</span>
                        </th>
                      )}
                    </tr>
                  </thead>
                  <tbody>
                    {users.map((u) => {
                      const self = u.id === me?.user.id;
                      return (
                        <tr key={u.id}>
                          <td data-label={t('settings.name')}>
                            {u.name}{' '}
                            {self && <span className="muted small">{t('settings.you')}</span>}
                          </td>
                          <td data-label={t('settings.email')}>{u.email}</td>
                          <td data-label={t('settings.role')}>
                            {isAdmin && !self ? (
                              <select
                                aria-label={t('settings.changeRole', { name: u.name })}
                                value={u.role}
                                onChange={(e) => void changeRole(u, e.target.value as Role)}
                              >
                                {ROLES.map((r) => (
                                  <option
                                    key={r}
                                    value={r}
                                    disabled={r === 'owner' && !can('owner')}
                                  >
                                    {tDynamic(`settings.roles.${r}`)}
                                  </option>
                                ))}
                              </select>
                            ) : (
                              tDynamic(`settings.roles.${u.role}`)
                            )}
                          </td>
                          {isAdmin && (
                            <td className="actions-cell">
                              {!self && (
                                <button
                                  type="button"
                                  className="btn btn-small btn-danger-ghost"
                                  onClick={() => void remove(u)}
                                  aria-label={t('settings.removeUser', { name: u.name })}
                                >
                                  {t('app.delete')}
                                </button>
                              )}
                            </td>
                          )}
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            );
          }}
        </Loadable>
      </div>
      {isAdmin && !state.error && <PendingInvitations />}
    </>
  );
}

/** Invitations not yet accepted, with a way to withdraw each; the invite form adds to them. */
function PendingInvitations() {
  const state = useApi((signal) => api<Page<Invitation>>('/v1/invitations', { signal }), []);
  const [error, setError] = useState<unknown>(null);

  async function withdraw(inv: Invitation) {
    if (!window.confirm(t('settings.withdrawConfirm', { email: inv.email }))) return;
    setError(null);
    try {
      await api(`/v1/invitations/${inv.id}`, { method: 'DELETE' });
      await state.reload();
    } catch (e) {
      setError(e);
    }
  }

  return (
    <>
      <InviteForm onSent={() => void state.reload()} />
      <div className="card" data-testid="pending-invitations">
        <h2>{t('settings.pendingTitle')}</h2>
        <p className="muted">{t('settings.pendingLead')}</p>
        <ProblemAlert error={error} />
        <Loadable state={state}>
          {(page) =>
            page.data.length === 0 ? (
              <p className="muted">{t('settings.noPending')}</p>
            ) : (
              <div className="table-wrap">
                <table className="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('settings.email')}</th>
                      <th scope="col">{t('settings.role')}</th>
                      <th scope="col">{t('settings.invitationExpires')}</th>
                      <th scope="col">
                        <span className="visually-hidden">{t('settings.actions')}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.data.map((inv) => (
                      <tr key={inv.id}>
                        <td data-label={t('settings.email')}>{inv.email}</td>
                        <td data-label={t('settings.role')}>
                          {tDynamic(`settings.roles.${inv.role}`)}
                        </td>
                        <td data-label={t('settings.invitationExpires')}>
                          {formatDate(inv.expiresAt)}
                        </td>
                        <td className="actions-cell">
                          <button
                            type="button"
                            className="btn btn-small btn-danger-ghost"
                            onClick={() => void withdraw(inv)}
                            aria-label={t('settings.withdrawLabel', { email: inv.email })}
                          >
                            {t('settings.withdraw')}
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </Loadable>
      </div>
    </>
  );
}

function mapUsers(
  prev: Page<User> | User[] | undefined,
  fn: (u: User) => User,
): Page<User> | User[] {
  if (!prev) return [];
  return Array.isArray(prev) ? prev.map(fn) : { ...prev, data: prev.data.map(fn) };
}

function InviteForm({ onSent }: { onSent(): void }) {
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>('member');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!EMAIL_RE.test(email.trim())) return setFieldError(t('auth.invalidEmail'));
    setFieldError(null);
    setBusy(true);
    setError(null);
    setSent(null);
    try {
      await api('/v1/invitations', { method: 'POST', body: { email: email.trim(), role } });
      setSent(email.trim());
      setEmail('');
      onSent();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card">
      <h2>{t('settings.inviteTitle')}</h2>
      <form onSubmit={submit} noValidate className="inline-form">
        <div className="field">
          <label htmlFor="invite-email">{t('settings.email')}</label>
          <input
            id="invite-email"
            type="email"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            aria-invalid={fieldError ? true : undefined}
            aria-describedby={fieldError ? 'invite-email-err' : undefined}
          />
          {fieldError && (
            <p id="invite-email-err" className="field-error">
              {fieldError}
            </p>
          )}
        </div>
        <div className="field">
          <label htmlFor="invite-role">{t('settings.role')}</label>
          <select id="invite-role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.filter((r) => r !== 'owner').map((r) => (
              <option key={r} value={r}>
                {tDynamic(`settings.roles.${r}`)}
              </option>
            ))}
          </select>
        </div>
        <button className="btn btn-primary" disabled={busy}>
          {t('settings.invite')}
        </button>
      </form>
      <ProblemAlert error={error} />
      {sent && <SuccessNote>{t('settings.inviteSent', { email: sent })}</SuccessNote>}
    </div>
  );
}
