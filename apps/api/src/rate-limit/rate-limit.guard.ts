import { createHash } from 'node:crypto';
import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import type { Request, Response } from 'express';
import type { Principal } from '../common/auth/principal';
import { RateLimitedError } from './rate-limited.error';
import {
  AUTH_PER_IP,
  LOGIN_PER_IP_AND_EMAIL,
  perApiKey,
  PUBLIC_AUTH_PATHS,
  signupsPerIp,
  type RateLimitRule,
} from './rate-limit.rules';
import { RateLimiterService } from './rate-limiter.service';

/**
 * Global, right after authentication: per client IP on sign-up, sign-in, refresh and invitation
 * acceptance (plus per IP and e-mail on login, and per IP per hour on sign-up), per key for API-key calls.
 * 429 with Retry-After.
 */
@Injectable()
export class RateLimitGuard implements CanActivate {
  private readonly perKey: RateLimitRule;
  private readonly signups: RateLimitRule;
  private readonly authPerIp: RateLimitRule;

  constructor(
    @Inject(RateLimiterService) private readonly limiter: RateLimiterService,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.perKey = perApiKey(config.apiKeyRateLimitPerMinute);
    this.signups = signupsPerIp(config.signupsPerIpPerHour);
    this.authPerIp = { ...AUTH_PER_IP, limit: config.authRateLimitPerMinute };
  }

  async canActivate(ctx: ExecutionContext): Promise<boolean> {
    const req = ctx.switchToHttp().getRequest<Request & { user?: Principal }>();
    const res = ctx.switchToHttp().getResponse<Response>();
    const path = req.path;
    const checks: [RateLimitRule, string][] = [];
    // Changes to the account's own security (/v1/me/password, /v1/me/mfa...) take passwords and codes: they are
    // limited like sign-in.
    const authLike =
      path.startsWith('/v1/auth/') || (path.startsWith('/v1/me/') && req.method !== 'GET');
    if (authLike || PUBLIC_AUTH_PATHS.includes(path)) {
      const ip = req.ip ?? req.socket.remoteAddress ?? 'unknown';
      checks.push([this.authPerIp, ip]);
      // Sign-up answers 409 for a registered e-mail (the usual trade-off): few tries per IP keep that from
      // becoming a way to list who uses the product.
      if (path === '/v1/signup') checks.push([this.signups, ip]);
      const email = (req.body as { email?: unknown } | undefined)?.email;
      if (path === '/v1/auth/login' && typeof email === 'string') {
        // Hashed: e-mail addresses do not belong in Redis keys.
        checks.push([
          LOGIN_PER_IP_AND_EMAIL,
          `${ip}:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32)}`,
        ]);
      }
    } else if (req.user?.kind === 'apiKey' && req.user.apiKeyId) {
      checks.push([this.perKey, req.user.apiKeyId]);
    }
    for (const [rule, subject] of checks) {
      const outcome = await this.limiter.hit(rule, subject);
      res.setHeader('RateLimit-Limit', String(outcome.limit));
      res.setHeader('RateLimit-Remaining', String(outcome.remaining));
      res.setHeader('RateLimit-Reset', String(outcome.resetSeconds));
      if (!outcome.allowed) throw new RateLimitedError(outcome.resetSeconds);
    }
    return true;
  }
}
