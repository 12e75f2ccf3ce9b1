import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import {
  ApiError,
  api,
  clearTokens,
  hasRefreshToken,
  isNotAvailable,
  onSignedOut,
  onSubscriptionRequired,
  refreshSession,
  setTokens,
} from '../api/client';
import type { AlertSettings, Me, Role, Subscription, TokenPair, Tenant, User } from '../api/types';
import { uiLanguage } from '../i18n';
import { setTenantTimeZone } from '../lib/format';

type AuthStatus = 'loading' | 'anonymous' | 'authenticated';

interface SessionValue {
  status: AuthStatus;
  me: Me | null;
  subscription: Subscription | null;
  /** GET /v1/subscription answered 404: the billing part of the API is not there yet. */
  subscriptionUnavailable: boolean;
  /** Writes are refused (trial over, no plan). */
  readOnly: boolean;
  /** 'mfa' when the account needs its second factor next (loginWithSecondFactor). */
  login(email: string, password: string): Promise<'ok' | 'mfa'>;
  /**
   * Signs in again with the e-mail and password just given and `otp` (the app's code or a recovery code).
   * Resolves 'restart' when there is nothing to complete (the page was reloaded): ask for the password again.
   */
  loginWithSecondFactor(otp: string): Promise<'ok' | 'restart'>;
  signup(input: { company: string; name: string; email: string; password: string }): Promise<void>;
  acceptInvite(input: { token: string; name: string; password: string }): Promise<void>;
  logout(): Promise<void>;
  reloadSubscription(): Promise<void>;
  reloadMe(): Promise<void>;
  can(action: 'write' | 'admin' | 'owner'): boolean;
}

const SessionContext = createContext<SessionValue | null>(null);

// Only an ended trial is read-only by status; a cancelled plan may write until its period ends, and the server
// says so with 402 `subscription_required` when it no longer may.
const READ_ONLY_STATUSES = new Set(['expired']);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<AuthStatus>('loading');
  const [me, setMe] = useState<Me | null>(null);
  const [subscription, setSubscription] = useState<Subscription | null>(null);
  const [subscriptionUnavailable, setSubscriptionUnavailable] = useState(false);
  const [writeRefused, setWriteRefused] = useState(false);

  const loadSubscription = useCallback(async () => {
    try {
      const sub = await api<Subscription>('/v1/subscription');
      setSubscription(sub);
      setSubscriptionUnavailable(false);
      if (!READ_ONLY_STATUSES.has(sub.status)) setWriteRefused(false);
    } catch (e) {
      if (isNotAvailable(e)) setSubscriptionUnavailable(true);
    }
  }, []);

  // The tenant's time zone (its alert settings): deadlines are counted from its day, so the UI counts from it too.
  const loadTimeZone = useCallback(async () => {
    try {
      setTenantTimeZone((await api<AlertSettings>('/v1/alert-settings')).timezone);
    } catch {
      // Not readable yet (a second factor still to set up, say): the browser's day until it is.
    }
  }, []);

  const loadMe = useCallback(async () => {
    const [m] = await Promise.all([api<Me>('/v1/me'), loadTimeZone()]);
    setMe(m);
  }, [loadTimeZone]);

  // Between the two steps of a sign-in with two-factor authentication: the credentials the server accepted
  // (401 mfa_required), sent again with the code. Only in memory, never stored.
  const [pendingLogin, setPendingLogin] = useState<{ email: string; password: string } | null>(
    null,
  );

  const enter = useCallback(
    async (known?: { user: User; tenant: Tenant; emailVerified: boolean }) => {
      // A just-created account has no second factor; its tenant may not require one yet either.
      if (known) {
        await loadTimeZone();
        setMe({
          ...known,
          security: { mfaEnabled: false, mfaRequired: false, mfaEnrollmentRequired: false },
        });
      } else await loadMe();
      setStatus('authenticated');
      void loadSubscription();
    },
    [loadMe, loadSubscription, loadTimeZone],
  );

  useEffect(() => {
    const offOut = onSignedOut(() => {
      setMe(null);
      setSubscription(null);
      setStatus('anonymous');
    });
    const offRo = onSubscriptionRequired(() => setWriteRefused(true));
    // Resume a session from a stored refresh token.
    void (async () => {
      if (!hasRefreshToken()) return setStatus('anonymous');
      try {
        if (await refreshSession()) await enter();
        else setStatus('anonymous');
      } catch {
        setStatus('anonymous');
      }
    })();
    return () => {
      offOut();
      offRo();
    };
  }, [enter]);

  const value = useMemo<SessionValue>(() => {
    const role: Role | undefined = me?.user.role;
    const readOnly =
      writeRefused || (subscription ? READ_ONLY_STATUSES.has(subscription.status) : false);
    return {
      status,
      me,
      subscription,
      subscriptionUnavailable,
      readOnly,
      async login(email, password) {
        let res: TokenPair;
        try {
          res = await api<TokenPair>('/v1/auth/login', {
            method: 'POST',
            body: { email, password, refreshTokenInCookie: true },
            anonymous: true,
          });
        } catch (err) {
          if (err instanceof ApiError && err.status === 401 && err.code === 'mfa_required') {
            setPendingLogin({ email, password });
            return 'mfa';
          }
          throw err;
        }
        setTokens(res);
        await enter();
        return 'ok';
      },
      async loginWithSecondFactor(otp) {
        if (!pendingLogin) return 'restart';
        let pair: TokenPair;
        try {
          pair = await api<TokenPair>('/v1/auth/login', {
            method: 'POST',
            body: { ...pendingLogin, otp, refreshTokenInCookie: true },
            anonymous: true,
          });
        } catch (err) {
          // Anything but a wrong code (the password changed meanwhile, say): start the sign-in again.
          if (err instanceof ApiError && err.status === 401 && err.code !== 'mfa_required') {
            setPendingLogin(null);
            return 'restart';
          }
          throw err;
        }
        setPendingLogin(null);
        setTokens(pair);
        await enter();
        return 'ok';
      },
      async signup(input) {
        const res = await api<TokenPair & { user: User; tenant: Tenant }>('/v1/signup', {
          method: 'POST',
          // The confirmation e-mail in the language the person signs up in.
          body: { ...input, language: uiLanguage, refreshTokenInCookie: true },
          anonymous: true,
        });
        setTokens(res);
        // A new sign-up confirms its address with the link e-mailed to it.
        await enter({ user: res.user, tenant: res.tenant, emailVerified: false });
      },
      async acceptInvite(input) {
        const res = await api<TokenPair & { user?: User; tenant?: Tenant }>(
          '/v1/invitations/accept',
          {
            method: 'POST',
            body: { ...input, refreshTokenInCookie: true },
            anonymous: true,
          },
        );
        setTokens(res);
        // The invitation link reached the address: an invited user counts as confirmed.
        await enter(
          res.user && res.tenant
            ? { user: res.user, tenant: res.tenant, emailVerified: true }
            : undefined,
        );
      },
      async logout() {
        setTenantTimeZone(null);
        try {
          // The session's refresh token travels in its cookie: this session ends, the others go on.
          await api('/v1/auth/logout', { method: 'POST', body: {} });
        } catch {
          // Logging out locally matters more than the server's answer.
        }
        clearTokens();
        setMe(null);
        setSubscription(null);
        setWriteRefused(false);
        setStatus('anonymous');
      },
      reloadSubscription: loadSubscription,
      reloadMe: loadMe,
      can(action) {
        if (!role) return false;
        if (action === 'owner') return role === 'owner';
        if (action === 'admin') return role === 'owner' || role === 'admin';
        return role !== 'viewer' && !readOnly;
      },
    };
  }, [
    status,
    me,
    subscription,
    subscriptionUnavailable,
    writeRefused,
    enter,
    loadSubscription,
    loadMe,
    pendingLogin,
  ]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside SessionProvider');
  return v;
}
