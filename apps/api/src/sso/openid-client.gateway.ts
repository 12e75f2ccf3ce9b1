import { isIP } from 'node:net';
import type { OidcChecks, OidcClientSettings, OidcGateway, SsoIdentity } from '@cb/domain';
import { isPrivateAddress, pinnedLookup } from '@cb/notifications';
import { custom, generators, Issuer, type BaseClient, type HttpOptions } from 'openid-client';

/** Discovered issuers are reused for this long (keys rotate; openid-client refetches its JWKS on a new kid). */
const ISSUER_CACHE_MS = 10 * 60_000;
const HTTP_TIMEOUT_MS = 5000;

/**
 * The SSRF rules of webhook targets for every request openid-client makes (discovery, JWKS, token endpoint):
 * http(s) only, an IP literal must be public, a host name is resolved once and every address must be public
 * (pinnedLookup: the connection goes to the checked address). openid-client does not follow redirects.
 */
function guardedHttpOptions(allowPrivate: boolean) {
  return (url: URL, options: HttpOptions): HttpOptions => {
    const host = url.hostname.replace(/^\[|\]$/g, '');
    if (!allowPrivate) {
      if (url.protocol !== 'https:') throw new Error(`${url.origin} is not https`);
      if (
        host === 'localhost' ||
        host.endsWith('.localhost') ||
        (isIP(host) && isPrivateAddress(host))
      )
        throw new Error(`${url.host} must not be a private or loopback address`);
    }
    return { ...options, timeout: HTTP_TIMEOUT_MS, lookup: pinnedLookup(allowPrivate) };
  };
}

/** The relying party: openid-client 5 (Issuer.discover, PKCE S256, client.callback with all checks). */
export class OpenIdClientGateway implements OidcGateway {
  private readonly issuers = new Map<string, { issuer: Issuer<BaseClient>; at: number }>();
  private readonly httpOptions: ReturnType<typeof guardedHttpOptions>;

  constructor(allowPrivate: boolean) {
    this.httpOptions = guardedHttpOptions(allowPrivate);
  }

  newChecks(): OidcChecks {
    return {
      state: generators.state(),
      nonce: generators.nonce(),
      codeVerifier: generators.codeVerifier(),
    };
  }

  async discover(issuerUrl: string): Promise<{ issuer: string }> {
    const issuer = await this.issuer(issuerUrl, true);
    return { issuer: issuer.metadata.issuer };
  }

  async authorizationUrl(
    settings: OidcClientSettings,
    checks: OidcChecks,
    loginHint: string | null,
  ): Promise<string> {
    const client = await this.client(settings);
    return client.authorizationUrl({
      scope: 'openid email profile',
      response_type: 'code',
      redirect_uri: settings.redirectUri,
      state: checks.state,
      nonce: checks.nonce,
      code_challenge: generators.codeChallenge(checks.codeVerifier),
      code_challenge_method: 'S256',
      ...(loginHint ? { login_hint: loginHint } : {}),
    });
  }

  async completeSignIn(
    settings: OidcClientSettings,
    callbackParams: Record<string, string>,
    checks: OidcChecks,
  ): Promise<SsoIdentity> {
    const client = await this.client(settings);
    // Validates state, the code exchange with the verifier, and the ID token's signature, iss, aud (our client
    // id; azp when several audiences), nonce, exp and iat.
    const tokens = await client.callback(settings.redirectUri, callbackParams, {
      state: checks.state,
      nonce: checks.nonce,
      code_verifier: checks.codeVerifier,
      response_type: 'code',
    });
    const claims = tokens.claims();
    const email = typeof claims.email === 'string' ? claims.email : null;
    return {
      subject: claims.sub,
      email,
      emailVerified: isVerified(claims.email_verified) || isVerified(claims.xms_edov),
      name: typeof claims.name === 'string' ? claims.name : null,
    };
  }

  private async client(settings: OidcClientSettings): Promise<BaseClient> {
    const issuer = await this.issuer(settings.issuerUrl, false);
    const client = new issuer.Client({
      client_id: settings.clientId,
      client_secret: settings.clientSecret,
      redirect_uris: [settings.redirectUri],
      response_types: ['code'],
      id_token_signed_response_alg: 'RS256',
    });
    client[custom.http_options] = this.httpOptions;
    client[custom.clock_tolerance] = 5;
    return client;
  }

  private async issuer(issuerUrl: string, fresh: boolean): Promise<Issuer<BaseClient>> {
    const cached = this.issuers.get(issuerUrl);
    if (!fresh && cached && Date.now() - cached.at < ISSUER_CACHE_MS) return cached.issuer;
    // Issuer.discover reads the static http options (there is no per-call option); set once, same for all.
    Issuer[custom.http_options] = this.httpOptions;
    const issuer = await Issuer.discover(issuerUrl);
    // OpenID Connect Discovery 1.0 section 4.3: the issuer must be the URL it was discovered at.
    if (issuer.metadata.issuer.replace(/\/$/, '') !== issuerUrl.replace(/\/$/, '')) {
      throw new Error(`the provider calls itself ${issuer.metadata.issuer}, not ${issuerUrl}`);
    }
    issuer[custom.http_options] = this.httpOptions;
    this.issuers.set(issuerUrl, { issuer, at: Date.now() });
    return issuer;
  }
}

function isVerified(value: unknown): boolean {
  return value === true || value === 'true' || value === 1 || value === '1';
}
