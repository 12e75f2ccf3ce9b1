import { Inject, Injectable } from '@nestjs/common';
import type { PendingSsoSignIn, SsoSignInStore } from '@cb/domain';
import { AuthRedis } from '../auth/auth-redis';

/** Pending SSO sign-ins in Redis under `<prefix>:sso:state:<state>`, taken with GETDEL (at most once). */
@Injectable()
export class RedisSsoSignInStore implements SsoSignInStore {
  constructor(@Inject(AuthRedis) private readonly redis: AuthRedis) {}

  async put(state: string, pending: PendingSsoSignIn, ttlSeconds: number): Promise<void> {
    await this.redis.client.set(this.key(state), JSON.stringify(pending), 'EX', ttlSeconds);
  }

  async take(state: string): Promise<PendingSsoSignIn | null> {
    if (!/^[A-Za-z0-9_-]{16,128}$/.test(state)) return null;
    const raw = await this.redis.client.getdel(this.key(state));
    return raw ? (JSON.parse(raw) as PendingSsoSignIn) : null;
  }

  private key(state: string): string {
    return this.redis.key('sso', 'state', state);
  }
}
