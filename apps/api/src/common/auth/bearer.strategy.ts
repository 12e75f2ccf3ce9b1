import { Inject, Injectable } from '@nestjs/common';
import { PassportStrategy } from '@nestjs/passport';
import { JwtService } from '@nestjs/jwt';
import { ApiKeysRepository, UsersRepository } from '@cb/persistence';
import { Strategy } from 'passport-http-bearer';
import { hashApiKey, looksLikeApiKey } from '../../api-keys/api-key-secret.util';
import { SessionRevocations } from '../../auth/session-revocations';
import type { Principal, Role } from './principal';

/** lastUsedAt is written at most this often per key, so a busy integration does not write on every call. */
const API_KEY_TOUCH_SECONDS = 60;

export interface AccessTokenClaims {
  sub: string;
  tid: string;
  typ: 'access';
  /** The session (refresh-token family): logout revokes it and its access tokens stop working at once. */
  sid: string;
}

/** Resolves `Authorization: Bearer <token>`: a user access token (JWT) or an API key (`cbk_...`). */
@Injectable()
export class BearerStrategy extends PassportStrategy(Strategy, 'bearer') {
  constructor(
    @Inject(JwtService) private readonly jwt: JwtService,
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(ApiKeysRepository) private readonly apiKeys: ApiKeysRepository,
    @Inject(SessionRevocations) private readonly sessions: SessionRevocations,
  ) {
    super();
  }

  async validate(token: string): Promise<Principal | false> {
    if (looksLikeApiKey(token)) return this.validateApiKey(token);
    let claims: AccessTokenClaims;
    try {
      claims = await this.jwt.verifyAsync<AccessTokenClaims>(token, { algorithms: ['HS256'] });
    } catch {
      return false;
    }
    if (
      claims.typ !== 'access' ||
      typeof claims.tid !== 'string' ||
      typeof claims.sub !== 'string' ||
      typeof claims.sid !== 'string'
    )
      return false;
    // Logout, a password change or reset, or removal ended the session: refused at once.
    if (await this.sessions.isRevoked(claims.tid, claims.sid)) return false;
    // The user is re-read on every request: a removed user or a changed role takes effect at once. One statement
    // (with the tenant's second-factor policy), in the request's transaction for reads (TenantDb.inRequest).
    const user = await this.users.access(claims.tid, claims.sub);
    if (!user) return false;
    return {
      kind: 'user',
      mfaEnrollmentRequired: !user.hasMfa && user.tenantRequiresMfa,
      tenantId: user.tenantId,
      userId: user.id,
      role: user.role as Role,
      scopes: null,
      sessionId: claims.sid,
    };
  }

  /** A key is checked on every request (revocation is immediate); it acts with its creator's current role. */
  private async validateApiKey(token: string): Promise<Principal | false> {
    if (token.length > 200) return false;
    const key = await this.apiKeys.findByHash(hashApiKey(token));
    if (!key || key.revokedAt) return false;
    // An expired key is refused like a revoked one (401).
    if (key.expiresAt && key.expiresAt.getTime() <= Date.now()) return false;
    const creator = key.createdBy
      ? await this.users.findOne(key.tenantId, { id: key.createdBy })
      : null;
    await this.apiKeys.touch(key.tenantId, key.id, API_KEY_TOUCH_SECONDS);
    return {
      kind: 'apiKey',
      tenantId: key.tenantId,
      // Removing a user revokes the keys they created; a key whose creator is gone otherwise (created before
      // that rule) acts as an admin.
      userId: creator?.id ?? key.createdBy ?? key.id,
      role: (creator?.role as Role | undefined) ?? 'admin',
      scopes: key.scopes,
      apiKeyId: key.id,
    };
  }
}
