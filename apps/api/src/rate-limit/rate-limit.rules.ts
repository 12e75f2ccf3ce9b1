import { AUTH_PER_IP_DEFAULT } from '@cb/config';

/** One limit: at most `limit` requests per `windowSeconds` for one subject (an IP, an IP + e-mail, an API key). */
export interface RateLimitRule {
  name: string;
  limit: number;
  windowSeconds: number;
}

/** Sign-up, sign-in, refresh and accepting invitations, per client IP. */
export const AUTH_PER_IP: RateLimitRule = {
  name: 'auth-ip',
  limit: AUTH_PER_IP_DEFAULT,
  windowSeconds: 60,
};
/** Password guessing: wrong or right, ten tries per account and IP per five minutes. */
export const LOGIN_PER_IP_AND_EMAIL: RateLimitRule = {
  name: 'login',
  limit: 10,
  windowSeconds: 300,
};
/** Sign-ups per client IP: SIGNUP_RATE_LIMIT_PER_HOUR (20 by default), on top of AUTH_PER_IP. */
export function signupsPerIp(limitPerHour: number): RateLimitRule {
  return { name: 'signup-ip', limit: limitPerHour, windowSeconds: 3600 };
}
/** Partner integrations, per API key. */
/** Per API key: API_KEY_RATE_LIMIT_PER_MINUTE (600 by default). */
export function perApiKey(limitPerMinute: number): RateLimitRule {
  return { name: 'api-key', limit: limitPerMinute, windowSeconds: 60 };
}

/** Public routes that are limited per IP (everything under /v1/auth/ is too). */
export const PUBLIC_AUTH_PATHS = ['/v1/signup', '/v1/invitations/accept'];
