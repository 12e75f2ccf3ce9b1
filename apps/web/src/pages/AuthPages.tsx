import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, api, refreshSession } from '../api/client';
import { useSession } from '../auth/session';
import { ProblemAlert } from '../components/feedback';
import { t, tDynamic } from '../i18n';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher';

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function AuthCard({
  title,
  lead,
  children,
}: {
  title: string;
  lead?: string;
  children: ReactNode;
}) {
  useEffect(() => {
    document.title = `${title} · ${t('app.name')}`;
  }, [title]);
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <div className="brand brand-large">
          <svg aria-hidden="true" width="32" height="32" viewBox="0 0 32 32">
            <rect width="32" height="32" rx="6" fill="currentColor" />
            <path d="M10 8h9l4 4v12H10z" fill="#fff" />
            <path d="M13 15h7M13 19h7" stroke="currentColor" strokeWidth="1.6" />
          </svg>
          <span>{t('app.name')}</span>
        </div>
        <h1>{title}</h1>
        {lead && <p className="muted">{lead}</p>}
        {children}
        <LanguageSwitcher className="auth-lang" />
      </div>
    </main>
  );
}

interface FieldProps {
  id: string;
  label: string;
  type?: string;
  value: string;
  onChange(v: string): void;
  error?: string;
  hint?: string;
  autoComplete?: string;
  autoFocus?: boolean;
}
export function Field({
  id,
  label,
  type = 'text',
  value,
  onChange,
  error,
  hint,
  autoComplete,
  autoFocus,
}: FieldProps) {
  const describedBy =
    [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={id}
        type={type}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        autoComplete={autoComplete}
        autoFocus={autoFocus}
        required
      />
      {hint && (
        <p id={`${id}-hint`} className="hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** Field errors named by a 400 problem, keyed by field (a weak password in the user's language). */
export function serverFieldErrors(err: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (err instanceof ApiError) for (const e of err.problem.errors ?? []) out[e.field] = e.message;
  if (isWeakPassword(err)) out.password = t('auth.weakPassword');
  return out;
}

const isWeakPassword = (err: unknown) => err instanceof ApiError && err.code === 'weak_password';

/** The problem to show above a password form: a weak password and a sign-in lock in the user's language. */
export function localizedAuthError(err: unknown): unknown {
  if (isWeakPassword(err))
    return new ApiError(400, { status: 400, detail: t('auth.weakPassword') });
  if (err instanceof ApiError && err.status === 429)
    return new ApiError(429, { status: 429, detail: t('auth.loginLocked') });
  return err;
}

export function LoginPage() {
  const { login } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [secondStep, setSecondStep] = useState(false);
  const next = params.get('next') || '/';
  const ssoError = params.get('ssoError');
  const [ssoOpen, setSsoOpen] = useState(false);

  if (secondStep)
    return (
      <SecondFactorStep
        onDone={() => void navigate(next, { replace: true })}
        onRestart={() => {
          setSecondStep(false);
          setPassword('');
        }}
      />
    );

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if ((await login(email.trim(), password)) === 'mfa') setSecondStep(true);
      else void navigate(next, { replace: true });
    } catch (err) {
      if (err instanceof ApiError && err.code === 'sso_required') setSsoOpen(true);
      setError(
        err instanceof ApiError && err.status === 401
          ? new ApiError(401, { status: 401, detail: t('auth.wrongCredentials') })
          : err instanceof ApiError && err.code === 'sso_required'
            ? new ApiError(403, { status: 403, detail: t('sso.errors.sso_required') })
            : localizedAuthError(err),
      );
    } finally {
      setBusy(false);
    }
  }

  if (ssoOpen)
    return (
      <AuthCard title={t('auth.loginTitle')}>
        <SsoStart
          email={email}
          onEmail={setEmail}
          error={error}
          onCancel={() => setSsoOpen(false)}
        />
      </AuthCard>
    );

  return (
    <AuthCard title={t('auth.loginTitle')}>
      {ssoError && (
        <div className="alert alert-error" role="alert" data-testid="sso-error">
          {tDynamic(`sso.errors.${ssoError}`) === `sso.errors.${ssoError}`
            ? t('sso.errors.sso_failed')
            : tDynamic(`sso.errors.${ssoError}`)}
        </div>
      )}
      <form onSubmit={submit} noValidate className="stack">
        <ProblemAlert error={error} />
        <Field
          id="email"
          label={t('auth.email')}
          type="email"
          value={email}
          onChange={setEmail}
          autoComplete="email"
          autoFocus
        />
        <Field
          id="password"
          label={t('auth.password')}
          type="password"
          value={password}
          onChange={setPassword}
          autoComplete="current-password"
        />
        <button className="btn btn-primary btn-block" disabled={busy}>
          {busy ? t('auth.loggingIn') : t('auth.login')}
        </button>
      </form>
      <button
        type="button"
        className="btn btn-block"
        data-testid="sso-open"
        onClick={() => setSsoOpen(true)}
      >
        {t('sso.button')}
      </button>
      <p className="auth-switch">
        <Link to="/forgot-password">{t('auth.forgotLink')}</Link>
      </p>
      <p className="auth-switch">
        {t('auth.noAccount')} <Link to="/signup">{t('auth.createAccount')}</Link> ·{' '}
        <Link to="/pricing">{t('pricing.seePrices')}</Link>
      </p>
    </AuthCard>
  );
}

/** "Sign in with your company account": the work e-mail finds the organisation's identity provider. */
function SsoStart(props: {
  email: string;
  onEmail: (v: string) => void;
  error: unknown;
  onCancel: () => void;
}) {
  function submit(e: FormEvent) {
    e.preventDefault();
    // A full navigation: the API redirects to the identity provider, which comes back to /v1/auth/sso/callback.
    window.location.assign(`/v1/auth/sso/start?email=${encodeURIComponent(props.email.trim())}`);
  }
  return (
    <form onSubmit={submit} className="stack" data-testid="sso-form">
      <ProblemAlert error={props.error} />
      <Field
        id="sso-email"
        label={t('sso.emailLabel')}
        type="email"
        value={props.email}
        onChange={props.onEmail}
        autoComplete="email"
        autoFocus
      />
      <button className="btn btn-primary btn-block" disabled={!props.email.includes('@')}>
        {t('sso.continue')}
      </button>
      <button type="button" className="btn btn-block" onClick={props.onCancel}>
        {t('sso.cancel')}
      </button>
    </form>
  );
}

/**
 * Where the API sends the browser after an SSO sign-in: the refresh token is in the cb_refresh cookie, so one
 * refresh gets the access token; the app then starts as after any sign-in.
 */
export function SsoCompletePage() {
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    void refreshSession()
      .then((ok) => (ok ? window.location.replace('/') : setFailed(true)))
      .catch(() => setFailed(true));
  }, []);
  return (
    <AuthCard title={t('auth.loginTitle')}>
      {failed ? (
        <div className="alert alert-error" role="alert">
          {t('sso.completeFailed')} <Link to="/login">{t('auth.login')}</Link>
        </div>
      ) : (
        <p>{t('sso.completing')}</p>
      )}
    </AuthCard>
  );
}

export function SignupPage() {
  const { signup } = useSession();
  const navigate = useNavigate();
  const [form, setForm] = useState({ company: '', name: '', email: '', password: '' });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const set = (k: keyof typeof form) => (v: string) => setForm((f) => ({ ...f, [k]: v }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!form.company.trim()) errs.company = t('auth.required');
    if (!form.name.trim()) errs.name = t('auth.required');
    if (!EMAIL_RE.test(form.email.trim())) errs.email = t('auth.invalidEmail');
    if (form.password.length < 10) errs.password = t('auth.passwordTooShort');
    setErrors(errs);
    if (Object.keys(errs).length) {
      document.getElementById(Object.keys(errs)[0])?.focus();
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await signup({
        company: form.company.trim(),
        name: form.name.trim(),
        email: form.email.trim(),
        password: form.password,
      });
      void navigate('/', { replace: true });
    } catch (err) {
      setErrors(serverFieldErrors(err));
      setError(localizedAuthError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard title={t('auth.signupTitle')} lead={t('auth.signupLead')}>
      <form onSubmit={submit} noValidate className="stack">
        <ProblemAlert error={error} />
        <Field
          id="company"
          label={t('auth.company')}
          value={form.company}
          onChange={set('company')}
          error={errors.company}
          autoComplete="organization"
          autoFocus
        />
        <Field
          id="name"
          label={t('auth.name')}
          value={form.name}
          onChange={set('name')}
          error={errors.name}
          autoComplete="name"
        />
        <Field
          id="email"
          label={t('auth.email')}
          type="email"
          value={form.email}
          onChange={set('email')}
          error={errors.email}
          autoComplete="email"
        />
        <Field
          id="password"
          label={t('auth.password')}
          type="password"
          value={form.password}
          onChange={set('password')}
          error={errors.password}
          hint={t('auth.passwordHint')}
          autoComplete="new-password"
        />
        <button className="btn btn-primary btn-block" disabled={busy}>
          {busy ? t('auth.signingUp') : t('auth.signup')}
        </button>
      </form>
      <p className="auth-switch">
        {t('auth.haveAccount')} <Link to="/login">{t('auth.goLogin')}</Link> ·{' '}
        <Link to="/pricing">{t('pricing.seePrices')}</Link>
      </p>
    </AuthCard>
  );
}

export function AcceptInvitePage() {
  const { acceptInvite } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const errs: Record<string, string> = {};
    if (!name.trim()) errs.name = t('auth.required');
    if (password.length < 10) errs.password = t('auth.passwordTooShort');
    setErrors(errs);
    if (Object.keys(errs).length) return;
    setBusy(true);
    setError(null);
    try {
      await acceptInvite({ token, name: name.trim(), password });
      void navigate('/', { replace: true });
    } catch (err) {
      setErrors(serverFieldErrors(err));
      setError(localizedAuthError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard title={t('auth.acceptTitle')} lead={t('auth.acceptLead')}>
      {!token ? (
        <div className="alert alert-error" role="alert">
          {t('auth.missingToken')}
        </div>
      ) : (
        <form onSubmit={submit} noValidate className="stack">
          <ProblemAlert error={error} />
          <Field
            id="name"
            label={t('auth.name')}
            value={name}
            onChange={setName}
            error={errors.name}
            autoComplete="name"
            autoFocus
          />
          <Field
            id="password"
            label={t('auth.password')}
            type="password"
            value={password}
            onChange={setPassword}
            error={errors.password}
            hint={t('auth.passwordHint')}
            autoComplete="new-password"
          />
          <button className="btn btn-primary btn-block" disabled={busy}>
            {busy ? t('auth.accepting') : t('auth.accept')}
          </button>
        </form>
      )}
    </AuthCard>
  );
}

/** The second step of a sign-in: the authenticator app's code, or a recovery code. */
function SecondFactorStep({ onDone, onRestart }: { onDone(): void; onRestart(): void }) {
  const { loginWithSecondFactor } = useSession();
  const [useRecovery, setUseRecovery] = useState(false);
  const [value, setValue] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    const v = value.trim();
    if (!useRecovery && !/^\d{3}\s?\d{3}$/.test(v)) {
      setFieldError(t('auth.codeInvalid'));
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    setError(null);
    try {
      const outcome = await loginWithSecondFactor(useRecovery ? v : v.replace(/\s/g, ''));
      if (outcome === 'restart') return onRestart();
      onDone();
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 401
          ? new ApiError(401, { status: 401, detail: t('auth.mfaWrongCode') })
          : localizedAuthError(err),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard title={t('auth.mfaTitle')} lead={t('auth.mfaLead')}>
      <form onSubmit={submit} noValidate className="stack">
        <ProblemAlert error={error} />
        <Field
          id={useRecovery ? 'recovery-code' : 'mfa-code'}
          label={useRecovery ? t('auth.mfaRecoveryCode') : t('auth.mfaCode')}
          value={value}
          onChange={setValue}
          error={fieldError}
          autoComplete="one-time-code"
          autoFocus
        />
        <button className="btn btn-primary btn-block" disabled={busy}>
          {busy ? t('auth.mfaVerifying') : t('auth.mfaVerify')}
        </button>
      </form>
      <p className="auth-switch">
        <button
          type="button"
          className="btn-link"
          onClick={() => {
            setUseRecovery((r) => !r);
            setValue('');
            setFieldError(undefined);
          }}
        >
          {useRecovery ? t('auth.mfaUseCode') : t('auth.mfaUseRecovery')}
        </button>
      </p>
    </AuthCard>
  );
}

export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [fieldError, setFieldError] = useState<string | undefined>();
  const [sent, setSent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (!EMAIL_RE.test(email.trim())) {
      setFieldError(t('auth.invalidEmail'));
      return;
    }
    setFieldError(undefined);
    setBusy(true);
    setError(null);
    try {
      await api('/v1/auth/password-reset', {
        method: 'POST',
        body: { email: email.trim() },
        anonymous: true,
      });
      setSent(true);
    } catch (err) {
      setError(localizedAuthError(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard title={t('auth.forgotTitle')} lead={sent ? undefined : t('auth.forgotLead')}>
      {sent ? (
        <div className="alert alert-success" role="status">
          {t('auth.forgotSent')}
        </div>
      ) : (
        <form onSubmit={submit} noValidate className="stack">
          <ProblemAlert error={error} />
          <Field
            id="email"
            label={t('auth.email')}
            type="email"
            value={email}
            onChange={setEmail}
            error={fieldError}
            autoComplete="email"
            autoFocus
          />
          <button className="btn btn-primary btn-block" disabled={busy}>
            {busy ? t('auth.forgotSending') : t('auth.forgotSubmit')}
          </button>
        </form>
      )}
      <p className="auth-switch">
        <Link to="/login">{t('auth.backToLogin')}</Link>
      </p>
    </AuthCard>
  );
}

export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (password.length < 10) {
      setErrors({ password: t('auth.passwordTooShort') });
      return;
    }
    setErrors({});
    setBusy(true);
    setError(null);
    try {
      await api('/v1/auth/password-reset/confirm', {
        method: 'POST',
        body: { token, password },
        anonymous: true,
      });
      setDone(true);
    } catch (err) {
      const badToken =
        err instanceof ApiError && (err.problem.errors ?? []).some((f) => f.field === 'token');
      setErrors(badToken ? {} : serverFieldErrors(err));
      setError(
        badToken
          ? new ApiError(400, { status: 400, detail: t('auth.resetInvalid') })
          : localizedAuthError(err),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard title={t('auth.resetTitle')} lead={done || !token ? undefined : t('auth.resetLead')}>
      {!token ? (
        <div className="alert alert-error" role="alert">
          {t('auth.missingResetToken')}
        </div>
      ) : done ? (
        <div className="alert alert-success" role="status">
          {t('auth.resetDone')}
        </div>
      ) : (
        <form onSubmit={submit} noValidate className="stack">
          <ProblemAlert error={error} />
          <Field
            id="password"
            label={t('auth.newPassword')}
            type="password"
            value={password}
            onChange={setPassword}
            error={errors.password}
            hint={t('auth.passwordHint')}
            autoComplete="new-password"
            autoFocus
          />
          <button className="btn btn-primary btn-block" disabled={busy}>
            {busy ? t('auth.resetSaving') : t('auth.resetSubmit')}
          </button>
        </form>
      )}
      <p className="auth-switch">
        <Link to={done ? '/login' : '/forgot-password'}>
          {done ? t('auth.goLogin') : t('auth.forgotSubmit')}
        </Link>
      </p>
    </AuthCard>
  );
}
