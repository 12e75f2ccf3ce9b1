import { Inject, Injectable, Logger } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { RefreshTokensRepository } from '@cb/persistence';
import { AuthRedis } from './auth-redis';

/**
 * Ends sessions at once. A session is a refresh-token family; each access token names its family (`sid`).
 * Revoking marks the family in Redis for as long as an access token of it can live, and bearer auth checks that
 * mark on every request (one EXISTS). The refresh tokens themselves are revoked in the database, so no new
 * access token is minted; if Redis cannot answer, the database is asked instead.
 */
@Injectable()
export class SessionRevocations {
  private readonly logger = new Logger('Sessions');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(AuthRedis) private readonly redis: AuthRedis,
    @Inject(RefreshTokensRepository) private readonly refreshTokens: RefreshTokensRepository,
  ) {}

  private key(sessionId: string) {
    return this.redis.key('sess', 'revoked', sessionId);
  }

  /** Marks the sessions' access tokens as revoked (their refresh tokens must be revoked by the caller). */
  async markRevoked(sessionIds: Iterable<string>): Promise<void> {
    const ttl = this.config.accessTokenTtlSeconds + 60;
    const ids = [...new Set(sessionIds)];
    if (!ids.length) return;
    try {
      const multi = this.redis.client.multi();
      for (const id of ids) multi.set(this.key(id), '1', 'EX', ttl);
      await multi.exec();
    } catch (err) {
      // The database still says so (revoked refresh tokens): isRevoked falls back to it.
      this.logger.warn(`session revocation not cached: ${(err as Error).message}`);
    }
  }

  /** Ends one session: its refresh tokens and, at once, its access tokens. */
  async revokeSession(tenantId: string, sessionId: string): Promise<void> {
    await this.refreshTokens.revokeFamily(tenantId, sessionId);
    await this.markRevoked([sessionId]);
  }

  /** Ends every session of a user, except `keep` (the caller's own, after a password change). */
  async revokeUserSessions(tenantId: string, userId: string, keep?: string): Promise<void> {
    const families = await this.refreshTokens.recentFamilies(
      tenantId,
      userId,
      this.config.accessTokenTtlSeconds + 60,
    );
    if (keep) {
      await this.refreshTokens.revokeUserExceptFamily(tenantId, userId, keep);
    } else {
      await this.refreshTokens.revokeUser(tenantId, userId);
    }
    await this.markRevoked(families.filter((f) => f !== keep));
  }

  async isRevoked(tenantId: string, sessionId: string): Promise<boolean> {
    try {
      return (await this.redis.client.exists(this.key(sessionId))) === 1;
    } catch (err) {
      this.logger.warn(`session check falls back to the database: ${(err as Error).message}`);
      return !(await this.refreshTokens.familyActive(tenantId, sessionId));
    }
  }
}
