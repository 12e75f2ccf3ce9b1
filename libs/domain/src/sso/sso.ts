import { DomainError, DomainErrorCode, ValidationError } from '../common/domain.error';

/** A tenant's connection to its identity provider (OpenID Connect), as the rules see it. */
export interface SsoConnection {
  tenantId: string;
  issuerUrl: string;
  clientId: string;
  domains: string[];
  required: boolean;
}

/** At most this many e-mail domains per connection. */
export const MAX_SSO_DOMAINS = 20;

// A DNS name of two or more labels (letters, digits, hyphens; no leading or trailing hyphen), lower case.
const DOMAIN =
  /^(?=.{4,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

/** The e-mail domains of a connection, lower-cased and de-duplicated; 400 naming `domains` when one is not a domain. */
export function normalizeSsoDomains(raw: readonly string[]): string[] {
  const domains = [...new Set(raw.map((d) => d.trim().toLowerCase().replace(/^@/, '')))];
  if (domains.length === 0) {
    throw new ValidationError('Give at least one e-mail domain', [
      { field: 'domains', message: 'must name at least one e-mail domain (example.com)' },
    ]);
  }
  if (domains.length > MAX_SSO_DOMAINS) {
    throw new ValidationError('Too many e-mail domains', [
      { field: 'domains', message: `must name at most ${MAX_SSO_DOMAINS} domains` },
    ]);
  }
  const bad = domains.find((d) => !DOMAIN.test(d));
  if (bad !== undefined) {
    throw new ValidationError('An e-mail domain is not valid', [
      { field: 'domains', message: `"${bad}" is not a domain name (example.com)` },
    ]);
  }
  return domains;
}

/** The domain of an e-mail address, lower case; null when the address has none. */
export function emailDomain(email: string): string | null {
  const at = email.trim().lastIndexOf('@');
  if (at < 1) return null;
  const domain = email
    .trim()
    .slice(at + 1)
    .toLowerCase();
  return domain.length > 0 ? domain : null;
}

/**
 * The issuer URL of a connection: https (http only where loopback issuers are allowed for tests), no query,
 * fragment or credentials, no trailing slash. 400 naming `issuerUrl` otherwise.
 */
export function normalizeIssuerUrl(raw: string, allowHttp: boolean): string {
  const invalid = (message: string) =>
    new ValidationError('The issuer URL is not valid', [{ field: 'issuerUrl', message }]);
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    throw invalid('is not a URL (https://login.microsoftonline.com/<tenant id>/v2.0)');
  }
  if (url.protocol !== 'https:' && !(allowHttp && url.protocol === 'http:'))
    throw invalid('must be an https URL');
  if (url.username || url.password) throw invalid('must not contain credentials');
  if (url.search || url.hash) throw invalid('must not have a query or a fragment');
  return url.href.replace(/\/$/, '');
}

/** What the identity provider said about the person, once openid-client has validated the ID token. */
export interface SsoIdentity {
  subject: string;
  email: string | null;
  emailVerified: boolean;
  name: string | null;
}

/** What SSO sign-in does for an identity: sign in an existing member, or let an invited person join. */
export type SsoSignInDecision =
  { kind: 'member'; userId: string } | { kind: 'join'; invitationId: string };

/** Why an SSO sign-in was refused; each one answers a problem with its own code and a readable message. */
export class SsoError extends DomainError {
  constructor(code: SsoErrorCode, message: string) {
    super(code, message);
  }
}
export type SsoErrorCode =
  | DomainErrorCode.SsoNotConfigured
  | DomainErrorCode.SsoStateInvalid
  | DomainErrorCode.SsoRejected
  | DomainErrorCode.SsoEmailUnverified
  | DomainErrorCode.SsoNotInvited;

/**
 * Who may sign in with an identity from the tenant's provider: the e-mail must be verified by the provider and
 * in one of the connection's domains; a member of the tenant with that e-mail signs in; anyone else joins only
 * with a pending invitation (new users from the domain join by invitation only).
 */
export function decideSsoSignIn(
  connection: Pick<SsoConnection, 'domains'>,
  identity: SsoIdentity,
  found: { userId: string | null; pendingInvitationId: string | null },
): SsoSignInDecision {
  if (!identity.email) {
    throw new SsoError(
      DomainErrorCode.SsoEmailUnverified,
      'Your identity provider did not give an e-mail address; ask your administrator to release the email claim',
    );
  }
  if (!identity.emailVerified) {
    throw new SsoError(
      DomainErrorCode.SsoEmailUnverified,
      'Your identity provider has not verified your e-mail address, so it cannot be used to sign in',
    );
  }
  const domain = emailDomain(identity.email);
  if (!domain || !connection.domains.includes(domain)) {
    throw new SsoError(
      DomainErrorCode.SsoNotInvited,
      `The address ${identity.email} is not in your organisation's e-mail domains; sign in with your work account`,
    );
  }
  if (found.userId) return { kind: 'member', userId: found.userId };
  if (found.pendingInvitationId) return { kind: 'join', invitationId: found.pendingInvitationId };
  throw new SsoError(
    DomainErrorCode.SsoNotInvited,
    `There is no account for ${identity.email} in this organisation; ask an administrator to invite you`,
  );
}

/** Password sign-in refused because the tenant signs in through its identity provider. */
export function ssoRequiredError(): DomainError {
  return new DomainError(
    DomainErrorCode.SsoRequired,
    'Your organisation signs in with its identity provider: use "Sign in with your company account (SSO)"',
  );
}

/**
 * Whether password sign-in is refused for an e-mail: its domain is claimed by a tenant that requires SSO, and the
 * account (if any) belongs to that tenant. An account in another tenant is not affected, so a tenant cannot lock
 * others out by claiming their domain.
 */
export function passwordSignInBlockedBySso(
  requiringTenantId: string | null,
  accountTenantId: string | null,
): boolean {
  if (!requiringTenantId) return false;
  return accountTenantId === null || accountTenantId === requiringTenantId;
}
