import type { SsoIdentity } from './sso';

/** How to reach a tenant's identity provider as our client. */
export interface OidcClientSettings {
  issuerUrl: string;
  clientId: string;
  clientSecret: string;
  redirectUri: string;
}

/** The per-sign-in secrets of the code flow with PKCE (RFC 7636) and the OpenID nonce. */
export interface OidcChecks {
  state: string;
  nonce: string;
  codeVerifier: string;
}

/**
 * The OpenID Connect relying party (openid-client behind it). Issuers and every endpoint they name must be public
 * addresses (the webhook target rules) unless the deployment allows private ones for tests.
 */
export interface OidcGateway {
  /** Fresh random state, nonce and PKCE verifier. */
  newChecks(): OidcChecks;
  /** Discovers the issuer (its /.well-known/openid-configuration); throws when it cannot be used. */
  discover(issuerUrl: string): Promise<{ issuer: string }>;
  /** The provider's authorization URL for the code flow with PKCE (S256). */
  authorizationUrl(
    settings: OidcClientSettings,
    checks: OidcChecks,
    loginHint: string | null,
  ): Promise<string>;
  /**
   * Exchanges the code (with the verifier) and validates the ID token: signature, issuer, audience (our client
   * id), nonce, expiry. Throws when any check fails.
   */
  completeSignIn(
    settings: OidcClientSettings,
    callbackParams: Record<string, string>,
    checks: OidcChecks,
  ): Promise<SsoIdentity>;
}
export const OIDC_GATEWAY = Symbol('OIDC_GATEWAY');

/** What the start of a sign-in leaves for its callback. */
export interface PendingSsoSignIn {
  tenantId: string;
  nonce: string;
  codeVerifier: string;
  /** SHA-256 of the random value in the browser's cookie: the callback must come from the same browser. */
  browserHash: string;
}

/** Pending sign-ins, kept server-side with a short TTL, each taken at most once (by its state). */
export interface SsoSignInStore {
  put(state: string, pending: PendingSsoSignIn, ttlSeconds: number): Promise<void>;
  /** Returns and deletes the pending sign-in atomically; null if unknown, expired or already taken. */
  take(state: string): Promise<PendingSsoSignIn | null>;
}
export const SSO_SIGN_IN_STORE = Symbol('SSO_SIGN_IN_STORE');
