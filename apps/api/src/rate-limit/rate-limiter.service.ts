import { Inject, Injectable, Logger, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import IORedis from 'ioredis';
import type { RateLimitRule } from './rate-limit.rules';

export interface RateLimitOutcome {
  allowed: boolean;
  limit: number;
  remaining: number;
  /** Seconds until the window resets. */
  resetSeconds: number;
}

// INCR and set the window's expiry in one step, so every API process shares one counter per subject.
const HIT = `
local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {n, ttl}`;

/** Fixed-window counters in Redis. If Redis is away, requests are let through (logged): limits are a guard rail. */
@Injectable()
export class RateLimiterService implements OnApplicationShutdown {
  private readonly logger = new Logger('RateLimit');
  private readonly redis: IORedis;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {
    this.redis = new IORedis(config.redisUrl, {
      maxRetriesPerRequest: 1,
      connectTimeout: 2000,
      retryStrategy: (times: number) => Math.min(times * 200, 5000),
    });
    this.redis.on('error', (err: Error) => this.logger.warn(`redis: ${err.message}`));
  }

  async hit(rule: RateLimitRule, subject: string): Promise<RateLimitOutcome> {
    const key = `${this.config.queuePrefix}:rl:${rule.name}:${subject}`;
    try {
      const [count, ttlMs] = (await this.redis.eval(
        HIT,
        1,
        key,
        String(rule.windowSeconds * 1000),
      )) as [number, number];
      return {
        allowed: count <= rule.limit,
        limit: rule.limit,
        remaining: Math.max(0, rule.limit - count),
        resetSeconds: Math.max(1, Math.ceil(ttlMs / 1000)),
      };
    } catch (err) {
      this.logger.warn(`rate limit not applied (${rule.name}): ${(err as Error).message}`);
      return {
        allowed: true,
        limit: rule.limit,
        remaining: rule.limit,
        resetSeconds: rule.windowSeconds,
      };
    }
  }

  onApplicationShutdown(): void {
    this.redis.disconnect();
  }
}
