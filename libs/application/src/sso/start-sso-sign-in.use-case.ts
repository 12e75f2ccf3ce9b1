import {
  DomainErrorCode,
  emailDomain,
  SsoError,
  type OidcGateway,
  type SsoSignInStore,
} from '@cb/domain';
import type { SsoConnectionsRepository } from '@cb/persistence';
import { clientSettingsOf, type SsoOptions } from './sso-settings.service';

/** How long a started sign-in waits for its callback. */
export const SSO_SIGN_IN_TTL_SECONDS = 600;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface StartSsoSignInInput {
  /** The person's e-mail: its domain finds the tenant (and it is the login hint). */
  email?: string;
  /** Or the tenant itself (a bookmarked "sign in to <company>" link). */
  tenantId?: string;
  /** SHA-256 of the random value the API puts in the browser's cookie. */
  browserHash: string;
}

/**
 * Starts the code flow with PKCE: finds the tenant's connection (by e-mail domain or tenant id), keeps state,
 * nonce and code verifier server-side (single use, SSO_SIGN_IN_TTL_SECONDS) and answers the provider's URL.
 */
export class StartSsoSignIn {
  constructor(
    private readonly connections: SsoConnectionsRepository,
    private readonly gateway: OidcGateway,
    private readonly store: SsoSignInStore,
    private readonly options: SsoOptions,
  ) {}

  async execute(input: StartSsoSignInInput): Promise<{ authorizationUrl: string }> {
    const domain = input.email ? emailDomain(input.email) : null;
    let tenantId: string | null = null;
    if (domain) tenantId = (await this.connections.claimOfDomain(domain))?.tenantId ?? null;
    else if (input.tenantId && UUID.test(input.tenantId)) tenantId = input.tenantId;
    const notConfigured = new SsoError(
      DomainErrorCode.SsoNotConfigured,
      domain
        ? `Single sign-on is not set up for ${domain}; sign in with your e-mail and password`
        : 'Single sign-on is not set up for this organisation; sign in with your e-mail and password',
    );
    if (!tenantId) throw notConfigured;
    const connection = await this.connections.findOne(tenantId, {});
    if (!connection) throw notConfigured;
    const settings = clientSettingsOf(connection, this.options);
    if (!settings) {
      throw new SsoError(
        DomainErrorCode.SsoNotConfigured,
        "Single sign-on needs to be saved again by your organisation's owner (its client secret can no longer be read)",
      );
    }
    const checks = this.gateway.newChecks();
    let authorizationUrl: string;
    try {
      authorizationUrl = await this.gateway.authorizationUrl(settings, checks, input.email ?? null);
    } catch (err) {
      throw new SsoError(
        DomainErrorCode.SsoRejected,
        `Your organisation's identity provider could not be reached (${(err as Error).message}); try again later`,
      );
    }
    await this.store.put(
      checks.state,
      {
        tenantId,
        nonce: checks.nonce,
        codeVerifier: checks.codeVerifier,
        browserHash: input.browserHash,
      },
      SSO_SIGN_IN_TTL_SECONDS,
    );
    return { authorizationUrl };
  }
}
