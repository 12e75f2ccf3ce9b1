import { useState } from 'react';
import { ApiError, api } from '../api/client';
import { useSession } from '../auth/session';
import { t } from '../i18n';

/**
 * For a user whose address is not confirmed yet: alerts wait for it (nothing else does), so say so, and offer a
 * new link (POST /v1/me/verify-email; 409 means it was confirmed meanwhile, in another tab say).
 */
export function EmailVerificationBanner() {
  const { me, reloadMe } = useSession();
  const [state, setState] = useState<'idle' | 'sending' | 'sent' | 'limited' | 'failed'>('idle');
  if (!me || me.emailVerified) return null;

  async function resend() {
    setState('sending');
    try {
      await api('/v1/me/verify-email', { method: 'POST' });
      setState('sent');
    } catch (err) {
      if (err instanceof ApiError && err.status === 409) return void (await reloadMe());
      setState(err instanceof ApiError && err.status === 429 ? 'limited' : 'failed');
    }
  }

  return (
    // No accessible name of its own: the text says it all, and a label would be one more "e-mail" field name.
    <div className="banner banner-info" data-testid="email-verification-banner">
      <div className="banner-inner">
        <p>
          <strong>{t('verifyEmail.bannerTitle')}:</strong>{' '}
          {t('verifyEmail.bannerBody', { email: me.user.email })}
          {state === 'sent' && (
            <span role="status"> {t('verifyEmail.resent', { email: me.user.email })}</span>
          )}
          {state === 'limited' && <span role="alert"> {t('verifyEmail.resendLimited')}</span>}
          {state === 'failed' && <span role="alert"> {t('errors.unexpected')}</span>}
        </p>
        <button
          type="button"
          className="btn btn-small"
          disabled={state === 'sending'}
          onClick={() => void resend()}
        >
          {state === 'sending' ? t('verifyEmail.resending') : t('verifyEmail.resend')}
        </button>
      </div>
    </div>
  );
}
