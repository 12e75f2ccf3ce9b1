import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError, api } from '../api/client';
import { useSession } from '../auth/session';
import { ProblemAlert } from '../components/feedback';
import { t } from '../i18n';
import { AuthCard } from './AuthPages';

// One request per token, even when React runs the effect twice (StrictMode) or the page re-renders: a second
// POST of a used token would answer 400 and hide the success.
const confirmations = new Map<string, Promise<void>>();
const confirm = (token: string) => {
  let p = confirmations.get(token);
  if (!p) {
    p = api<void>('/v1/auth/verify-email', { method: 'POST', body: { token }, anonymous: true });
    confirmations.set(token, p);
  }
  return p;
};

/** The link of the confirmation e-mail: /verify-email?token=cbv_... works signed in or not. */
export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { status, reloadMe } = useSession();
  const [state, setState] = useState<'working' | 'done' | 'failed'>('working');
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    if (!token) return;
    let live = true;
    confirm(token).then(
      () => live && setState('done'),
      (err: unknown) => {
        if (!live) return;
        setState('failed');
        setError(
          err instanceof ApiError && err.code === 'verification_token_invalid'
            ? new ApiError(400, { status: 400, detail: t('verifyEmail.invalid') })
            : err,
        );
      },
    );
    return () => {
      live = false;
    };
  }, [token]);

  // Signed in here too: the banner goes away.
  useEffect(() => {
    if (state === 'done' && status === 'authenticated') void reloadMe();
  }, [state, status, reloadMe]);

  return (
    <AuthCard title={t('verifyEmail.title')}>
      {!token ? (
        <div className="alert alert-error" role="alert">
          {t('verifyEmail.missingToken')}
        </div>
      ) : state === 'working' ? (
        <p role="status">{t('verifyEmail.working')}</p>
      ) : state === 'done' ? (
        <div className="alert alert-success" role="status">
          {t('verifyEmail.done')}
        </div>
      ) : (
        <ProblemAlert error={error} />
      )}
      <p className="auth-switch">
        <Link to={status === 'authenticated' ? '/' : '/login'}>
          {status === 'authenticated' ? t('verifyEmail.continue') : t('auth.goLogin')}
        </Link>
      </p>
    </AuthCard>
  );
}
