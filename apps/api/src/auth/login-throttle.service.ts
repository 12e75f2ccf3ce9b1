import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { RateLimitedError } from '../rate-limit/rate-limited.error';
import { AuthRedis } from './auth-redis';

/** How failed sign-ins slow down: `free` failures without delay, then each one locks, twice as long as the last. */
export interface ThrottlePolicy {
  name: string;
  free: number;
  firstDelaySeconds: number;
  maxDelaySeconds: number;
  /** Failures are forgotten this long after the last one. */
  windowSeconds: number;
}

/**
 * Per account (the e-mail, known or not, so the answer never tells whether it exists): the 10th failure in an
 * hour locks the account's sign-in for 30 s, the 11th for 60 s, then 120 s ... up to 15 minutes, whichever IP
 * the next attempt comes from. A success clears the account's count.
 */
export const ACCOUNT_THROTTLE: ThrottlePolicy = {
  name: 'acct',
  free: 9,
  firstDelaySeconds: 30,
  maxDelaySeconds: 900,
  windowSeconds: 3600,
};
/** Per client IP, across accounts (password spraying): the 30th failure in an hour locks 1 s, then 2 s ... 15 min. */
export const IP_THROTTLE: ThrottlePolicy = {
  name: 'ip',
  free: 29,
  firstDelaySeconds: 1,
  maxDelaySeconds: 900,
  windowSeconds: 3600,
};

// Counts one failure and, past the free ones, locks for firstDelay * 2^(n - free - 1) (capped).
const FAIL = `
local n = redis.call('INCR', KEYS[1])
redis.call('PEXPIRE', KEYS[1], ARGV[1])
local free = tonumber(ARGV[2])
if n > free then
  local delay = tonumber(ARGV[3]) * (2 ^ math.min(n - free - 1, 30))
  if delay > tonumber(ARGV[4]) then delay = tonumber(ARGV[4]) end
  redis.call('SET', KEYS[2], '1', 'PX', math.floor(delay))
  return math.floor(delay)
end
return 0`;

const emailSubject = (email: string) =>
  createHash('sha256').update(email.trim().toLowerCase()).digest('hex').slice(0, 32);

/**
 * Failed sign-ins (wrong password, wrong second-factor code) slow down per account and per IP, with growing
 * delays kept in Redis (shared by every API process). A locked subject is answered 429 with Retry-After before
 * the password is even checked, so the right password does not get in during the lock either.
 */
@Injectable()
export class LoginThrottle {
  private readonly logger = new Logger('LoginThrottle');

  constructor(@Inject(AuthRedis) private readonly redis: AuthRedis) {}

  private subjects(email: string, ip: string): [ThrottlePolicy, string][] {
    return [
      [ACCOUNT_THROTTLE, emailSubject(email)],
      [IP_THROTTLE, ip],
    ];
  }

  /** Throws 429 (RateLimitedError with Retry-After) while the account or the IP is locked. */
  async assertAllowed(email: string, ip: string): Promise<void> {
    let waitMs = 0;
    try {
      for (const [policy, subject] of this.subjects(email, ip)) {
        const ttl = await this.redis.client.pttl(
          this.redis.key('lt', policy.name, 'lock', subject),
        );
        waitMs = Math.max(waitMs, ttl);
      }
    } catch (err) {
      this.logger.warn(`login throttle not applied: ${(err as Error).message}`);
      return;
    }
    if (waitMs > 0) throw new RateLimitedError(Math.max(1, Math.ceil(waitMs / 1000)));
  }

  async recordFailure(email: string, ip: string): Promise<void> {
    try {
      for (const [policy, subject] of this.subjects(email, ip)) {
        await this.redis.client.eval(
          FAIL,
          2,
          this.redis.key('lt', policy.name, 'n', subject),
          this.redis.key('lt', policy.name, 'lock', subject),
          String(policy.windowSeconds * 1000),
          String(policy.free),
          String(policy.firstDelaySeconds * 1000),
          String(policy.maxDelaySeconds * 1000),
        );
      }
    } catch (err) {
      this.logger.warn(`failed login not counted: ${(err as Error).message}`);
    }
  }

  /** A successful sign-in (or a password reset) clears the account's failures; the IP's stay. */
  async clearAccount(email: string): Promise<void> {
    const subject = emailSubject(email);
    try {
      await this.redis.client.del(
        this.redis.key('lt', ACCOUNT_THROTTLE.name, 'n', subject),
        this.redis.key('lt', ACCOUNT_THROTTLE.name, 'lock', subject),
      );
    } catch (err) {
      this.logger.warn(`login throttle not cleared: ${(err as Error).message}`);
    }
  }
}
