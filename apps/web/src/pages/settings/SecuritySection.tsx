import QRCode from 'qrcode';
import { useEffect, useState, type FormEvent } from 'react';
import { ApiError, api } from '../../api/client';
import type { MfaEnrolment, MfaStatus, RecoveryCodes, TenantSecurity } from '../../api/types';
import { useSession } from '../../auth/session';
import { Loadable, ProblemAlert, SuccessNote } from '../../components/feedback';
import { t } from '../../i18n';
import { formatDate } from '../../lib/format';
import { useApi } from '../../lib/useApi';
import { Field, localizedAuthError, serverFieldErrors } from '../AuthPages';
import { SsoCard } from './SsoCard';

/** Settings → Security: change password, two-factor authentication, and (owner) the tenant's requirement. */
export function SecuritySection() {
  const { me, can } = useSession();
  const mfa = useApi((signal) => api<MfaStatus>('/v1/me/mfa', { signal }), []);
  return (
    <>
      {me?.security.mfaEnrollmentRequired && (
        <div className="alert alert-warning" role="alert" data-testid="mfa-enrollment-required">
          {t('security.enrollmentRequired')}
        </div>
      )}
      <Loadable state={mfa}>{(status) => <MfaCard status={status} reload={mfa.reload} />}</Loadable>
      <PasswordCard />
      {can('owner') && <TenantRequirementCard mfaEnabled={Boolean(mfa.data?.enabled)} />}
      {can('owner') && <SsoCard />}
    </>
  );
}

function PasswordCard() {
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (next.length < 10) return setErrors({ password: t('auth.passwordTooShort') });
    setErrors({});
    setBusy(true);
    setError(null);
    setDone(false);
    try {
      await api('/v1/me/password', {
        method: 'POST',
        body: { currentPassword: current, newPassword: next },
      });
      setCurrent('');
      setNext('');
      setDone(true);
    } catch (err) {
      const fields = serverFieldErrors(err);
      if (fields.newPassword) fields.password = fields.newPassword;
      if (err instanceof ApiError && err.code === 'weak_password')
        fields.password = t('auth.weakPassword');
      if (fields.currentPassword) fields.currentPassword = t('security.currentWrong');
      setErrors(fields);
      setError(
        fields.currentPassword
          ? new ApiError(400, { status: 400, detail: t('security.currentWrong') })
          : localizedAuthError(err),
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card">
      <h2>{t('security.passwordTitle')}</h2>
      <p className="muted">{t('security.passwordLead')}</p>
      {done && <SuccessNote>{t('security.passwordChanged')}</SuccessNote>}
      <form onSubmit={submit} noValidate className="stack">
        <ProblemAlert error={error} />
        <Field
          id="current-password"
          label={t('security.currentPassword')}
          type="password"
          value={current}
          onChange={setCurrent}
          error={errors.currentPassword}
          autoComplete="current-password"
        />
        <Field
          id="new-password"
          label={t('security.newPassword')}
          type="password"
          value={next}
          onChange={setNext}
          error={errors.password}
          hint={t('auth.passwordHint')}
          autoComplete="new-password"
        />
        <div>
          <button className="btn btn-primary" disabled={busy}>
            {busy ? t('security.changing') : t('security.changePassword')}
          </button>
        </div>
      </form>
    </div>
  );
}

function MfaCard({ status, reload }: { status: MfaStatus; reload(): Promise<void> }) {
  const { reloadMe } = useSession();
  const [setup, setSetup] = useState<MfaEnrolment | null>(null);
  // The QR code image of the setup's otpauth:// URI (drawn in the browser by the qrcode package).
  const [qrImage, setQrImage] = useState<{ uri: string; url: string } | null>(null);
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[] | null>(null);
  const [mode, setMode] = useState<'idle' | 'disable' | 'renew'>('idle');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    if (!setup) return;
    let live = true;
    const uri = setup.otpauthUrl;
    void QRCode.toDataURL(uri, { margin: 1, width: 200 }).then((url) => {
      if (live) setQrImage({ uri, url });
    });
    return () => {
      live = false;
    };
  }, [setup]);
  const qr = setup && qrImage?.uri === setup.otpauthUrl ? qrImage.url : null;

  /** A 6-digit TOTP code (spaces dropped), or anything else as a recovery code. */
  const factor = () => {
    const v = code.trim();
    return { code: /^\d{3}\s?\d{3}$/.test(v) ? v.replace(/\s/g, '') : v };
  };
  const run = async (fn: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    setNote(null);
    try {
      await fn();
    } catch (err) {
      setError(
        err instanceof ApiError && (err.problem.errors ?? []).some((f) => f.field === 'code')
          ? new ApiError(400, { status: 400, detail: t('auth.mfaWrongCode') })
          : err,
      );
    } finally {
      setBusy(false);
    }
  };

  const start = () =>
    run(async () => {
      setSetup(await api<MfaEnrolment>('/v1/me/mfa', { method: 'POST', body: {} }));
      setCode('');
    });
  const confirm = (e: FormEvent) => {
    e.preventDefault();
    if (!/^\d{3}\s?\d{3}$/.test(code.trim()))
      return setError(new ApiError(400, { status: 400, detail: t('auth.codeInvalid') }));
    return run(async () => {
      const res = await api<RecoveryCodes>('/v1/me/mfa/confirm', {
        method: 'POST',
        body: { code: code.trim().replace(/\s/g, '') },
      });
      setSetup(null);
      setCode('');
      setCodes(res.recoveryCodes);
      await reloadMe();
    });
  };
  const disable = (e: FormEvent) => {
    e.preventDefault();
    return run(async () => {
      await api('/v1/me/mfa', { method: 'DELETE', body: factor() });
      setMode('idle');
      setCode('');
      setNote(t('security.turnedOff'));
      await reload();
      await reloadMe();
    });
  };
  const renew = (e: FormEvent) => {
    e.preventDefault();
    return run(async () => {
      const res = await api<RecoveryCodes>('/v1/me/mfa/recovery-codes', {
        method: 'POST',
        body: factor(),
      });
      setMode('idle');
      setCode('');
      setCodes(res.recoveryCodes);
    });
  };

  return (
    <div className="card" data-testid="mfa-card">
      <h2>{t('security.mfaTitle')}</h2>
      <p className="muted">{t('security.mfaLead')}</p>
      <ProblemAlert error={error} />
      {note && <SuccessNote>{note}</SuccessNote>}
      {codes ? (
        <div className="stack" data-testid="recovery-codes">
          <h3>{t('security.recoveryTitle')}</h3>
          <p>{t('security.recoveryLead')}</p>
          <ul className="recovery-codes">
            {codes.map((c) => (
              <li key={c}>
                <code>{c}</code>
              </li>
            ))}
          </ul>
          <div>
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => {
                setCodes(null);
                void reload();
              }}
            >
              {t('security.recoverySaved')}
            </button>
          </div>
        </div>
      ) : status.enabled ? (
        <>
          <p data-testid="mfa-status">
            {t('security.mfaOn', { date: formatDate(status.enabledAt) })}{' '}
            {t('security.recoveryLeft', { count: status.recoveryCodesLeft })}
          </p>
          {status.requiredByTenant && (
            <p className="muted small">{t('security.requiredByTenant')}</p>
          )}
          {mode === 'idle' ? (
            <div className="button-row">
              <button type="button" className="btn" onClick={() => setMode('renew')}>
                {t('security.renewCodes')}
              </button>
              {!status.requiredByTenant && (
                <button
                  type="button"
                  className="btn btn-danger-ghost"
                  onClick={() => setMode('disable')}
                >
                  {t('security.turnOff')}
                </button>
              )}
            </div>
          ) : (
            <form onSubmit={mode === 'disable' ? disable : renew} noValidate className="stack">
              <p>{mode === 'disable' ? t('security.turnOffLead') : t('security.renewLead')}</p>
              <Field
                id="mfa-factor"
                label={t('security.code')}
                value={code}
                onChange={setCode}
                autoComplete="one-time-code"
              />
              <div className="button-row">
                <button className="btn btn-primary" disabled={busy}>
                  {mode === 'disable'
                    ? busy
                      ? t('security.turningOff')
                      : t('security.turnOff')
                    : busy
                      ? t('security.renewing')
                      : t('security.renewCodes')}
                </button>
                <button type="button" className="btn" onClick={() => setMode('idle')}>
                  {t('security.cancel')}
                </button>
              </div>
            </form>
          )}
        </>
      ) : setup ? (
        <form onSubmit={confirm} noValidate className="stack" data-testid="mfa-setup">
          <p>{t('security.scanQr')}</p>
          {qr && (
            <img src={qr} width={200} height={200} alt={t('security.qrAlt')} className="mfa-qr" />
          )}
          <p>
            {t('security.secretLabel')}: <code data-testid="mfa-secret">{setup.secret}</code>
          </p>
          <Field
            id="mfa-confirm-code"
            label={t('security.confirmCode')}
            value={code}
            onChange={setCode}
            autoComplete="one-time-code"
            autoFocus
          />
          <div className="button-row">
            <button className="btn btn-primary" disabled={busy}>
              {busy ? t('security.confirming') : t('security.confirm')}
            </button>
            <button type="button" className="btn" onClick={() => setSetup(null)}>
              {t('security.cancel')}
            </button>
          </div>
        </form>
      ) : (
        <>
          <p data-testid="mfa-status">{t('security.mfaOff')}</p>
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void start()}
            disabled={busy}
          >
            {t('security.turnOn')}
          </button>
        </>
      )}
    </div>
  );
}

function TenantRequirementCard({ mfaEnabled }: { mfaEnabled: boolean }) {
  const { me, reloadMe } = useSession();
  const state = useApi((signal) => api<TenantSecurity>('/v1/tenant/security', { signal }), []);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function set(requireMfa: boolean) {
    setBusy(true);
    setError(null);
    try {
      state.setData(
        await api<TenantSecurity>('/v1/tenant/security', { method: 'PUT', body: { requireMfa } }),
      );
      await reloadMe();
    } catch (err) {
      setError(
        err instanceof ApiError && err.status === 409
          ? new ApiError(409, { status: 409, detail: t('security.ownerFirst') })
          : err,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="card" data-testid="tenant-mfa-card">
      <h2>{t('security.tenantTitle')}</h2>
      <p className="muted">{t('security.tenantLead', { company: me?.tenant.name ?? '' })}</p>
      <ProblemAlert error={error} />
      <Loadable state={state}>
        {(s) => (
          <>
            <p>{s.requireMfa ? t('security.tenantOn') : t('security.tenantOff')}</p>
            {!s.requireMfa && !mfaEnabled && (
              <p className="muted small">{t('security.ownerFirst')}</p>
            )}
            <button
              type="button"
              className="btn"
              disabled={busy}
              onClick={() => void set(!s.requireMfa)}
            >
              {s.requireMfa ? t('security.stopRequiring') : t('security.require')}
            </button>
          </>
        )}
      </Loadable>
    </div>
  );
}
