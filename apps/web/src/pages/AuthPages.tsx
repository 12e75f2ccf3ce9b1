import { useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError } from '../api/client';
import { useSession } from '../auth/session';
import { ProblemAlert } from '../components/feedback';
import { t } from '../i18n';
import { LanguageSwitcher } from '../i18n/LanguageSwitcher';

const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

function AuthCard({
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

  async function submit(e: FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email.trim(), password);
      void navigate(params.get('next') || '/', { replace: true });
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 401
          ? new ApiError(401, { status: 401, detail: t('auth.wrongCredentials') })
          : localizedAuthError(err),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <AuthCard title={t('auth.loginTitle')}>
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
      <p className="auth-switch">
        {t('auth.noAccount')} <Link to="/signup">{t('auth.createAccount')}</Link> ·{' '}
        <Link to="/pricing">{t('pricing.seePrices')}</Link>
      </p>
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
