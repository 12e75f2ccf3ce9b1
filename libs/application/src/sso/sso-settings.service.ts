import { deriveKey, openSecret, sealSecret } from '@cb/config';
import {
  DomainError,
  DomainErrorCode,
  normalizeIssuerUrl,
  normalizeSsoDomains,
  NotFoundError,
  ValidationError,
  type OidcClientSettings,
  type OidcGateway,
} from '@cb/domain';
import {
  SsoDomainTakenError,
  type SsoConnectionEntity,
  type SsoConnectionsRepository,
  type TenantDb,
} from '@cb/persistence';
import type { Actor } from '../audit/actor';
import type { AuditTrail } from '../audit/audit-trail.service';

export interface SsoOptions {
  appUrl: string;
  jwtSecret: string;
  ssoAllowPrivateIssuers: boolean;
}

export interface SaveSsoConnectionInput {
  issuerUrl: string;
  clientId: string;
  /** Required the first time; left out, the stored secret is kept. */
  clientSecret?: string;
  domains: string[];
  required: boolean;
}

/** A connection as the API shows it: never the client secret. */
export interface SsoConnectionView {
  configured: boolean;
  issuerUrl: string | null;
  clientId: string | null;
  domains: string[];
  required: boolean;
  /** The redirect URI to register at the identity provider. */
  redirectUri: string;
  lastSignInAt: string | null;
  updatedAt: string | null;
}

/** The redirect URI of every tenant's connection (registered at the identity provider). */
export function ssoRedirectUri(appUrl: string): string {
  return `${appUrl}/v1/auth/sso/callback`;
}

/** How a connection's client is set up for one request, its secret opened (null: it cannot be opened). */
export function clientSettingsOf(
  connection: SsoConnectionEntity,
  options: SsoOptions,
): OidcClientSettings | null {
  let clientSecret: string;
  try {
    clientSecret = openSecret(
      deriveKey(options.jwtSecret, 'sso-client-secret'),
      connection.clientSecretSealed,
      connection.tenantId,
    );
  } catch {
    // Sealed under another JWT_SECRET, or tampered with: the owner enters the secret again.
    return null;
  }
  return {
    issuerUrl: connection.issuerUrl,
    clientId: connection.clientId,
    clientSecret,
    redirectUri: ssoRedirectUri(options.appUrl),
  };
}

/**
 * The owner's single sign-on settings: the identity provider (discovered before it is saved), the client id and
 * secret (sealed with a key derived from JWT_SECRET, bound to the tenant), the e-mail domains (each one tenant's)
 * and whether password sign-in is refused for them.
 */
export class SsoSettings {
  constructor(
    private readonly db: TenantDb,
    private readonly connections: SsoConnectionsRepository,
    private readonly gateway: OidcGateway,
    private readonly audit: AuditTrail,
    private readonly options: SsoOptions,
  ) {}

  async get(tenantId: string): Promise<SsoConnectionView> {
    return this.view(await this.connections.findOne(tenantId, {}));
  }

  async save(
    tenantId: string,
    actor: Actor,
    input: SaveSsoConnectionInput,
  ): Promise<SsoConnectionView> {
    const issuerUrl = normalizeIssuerUrl(input.issuerUrl, this.options.ssoAllowPrivateIssuers);
    const domains = normalizeSsoDomains(input.domains);
    const clientId = input.clientId.trim();
    const existing = await this.connections.findOne(tenantId, {});
    if (!input.clientSecret && !existing) {
      throw new ValidationError('Give the client secret', [
        { field: 'clientSecret', message: 'is required when single sign-on is set up' },
      ]);
    }
    const changedProvider =
      !existing || existing.issuerUrl !== issuerUrl || existing.clientId !== clientId;
    if (input.required && (changedProvider || !existing?.lastSignInAt)) {
      throw new DomainError(
        DomainErrorCode.InvalidState,
        'Sign in once with single sign-on (with these settings) before requiring it, so that a setup that does not work cannot lock everyone out',
        [
          {
            field: 'required',
            message: 'needs one successful SSO sign-in with these settings first',
          },
        ],
      );
    }
    try {
      await this.gateway.discover(issuerUrl);
    } catch (err) {
      throw new ValidationError('The identity provider could not be used', [
        { field: 'issuerUrl', message: `could not be discovered: ${(err as Error).message}` },
      ]);
    }
    const clientSecretSealed = input.clientSecret
      ? sealSecret(
          deriveKey(this.options.jwtSecret, 'sso-client-secret'),
          input.clientSecret,
          tenantId,
        )
      : existing!.clientSecretSealed;
    try {
      const saved = await this.db.run(tenantId, async () => {
        const row = await this.connections.save(tenantId, {
          issuerUrl,
          clientId,
          clientSecretSealed,
          domains,
          required: input.required,
          // Another provider or client has not been shown to work yet.
          ...(changedProvider ? { lastSignInAt: null } : {}),
        });
        await this.audit.record(tenantId, 'tenant.sso_configured', {
          actor,
          targetType: 'sso_connection',
          targetId: row.id,
          data: {
            issuerUrl,
            clientId,
            domains,
            required: input.required,
            secretChanged: Boolean(input.clientSecret),
          },
        });
        return row;
      });
      return this.view(saved);
    } catch (err) {
      if (err instanceof SsoDomainTakenError) {
        throw new DomainError(
          DomainErrorCode.Conflict,
          'An e-mail domain is already connected to another organisation',
          [
            {
              field: 'domains',
              message: 'one of these domains is already used by another organisation',
            },
          ],
        );
      }
      throw err;
    }
  }

  async remove(tenantId: string, actor: Actor): Promise<void> {
    await this.db.run(tenantId, async () => {
      if (!(await this.connections.remove(tenantId))) throw new NotFoundError('SSO connection');
      await this.audit.record(tenantId, 'tenant.sso_removed', {
        actor,
        targetType: 'sso_connection',
      });
    });
  }

  private view(row: SsoConnectionEntity | null): SsoConnectionView {
    return {
      configured: row !== null,
      issuerUrl: row?.issuerUrl ?? null,
      clientId: row?.clientId ?? null,
      domains: row?.domains ?? [],
      required: row?.required ?? false,
      redirectUri: ssoRedirectUri(this.options.appUrl),
      lastSignInAt: row?.lastSignInAt?.toISOString() ?? null,
      updatedAt: row?.updatedAt?.toISOString() ?? null,
    };
  }
}
