import type { AppConfig } from '@cb/config';
import type { CookieOptions, Request, Response } from 'express';

/** The web UI's refresh token: HttpOnly (no script reads it), SameSite=Strict, sent only to /v1/auth. */
export const REFRESH_COOKIE = 'cb_refresh';
export const REFRESH_COOKIE_PATH = '/v1/auth';

function cookieOptions(config: AppConfig): CookieOptions {
  return {
    httpOnly: true,
    sameSite: 'strict',
    secure: config.appUrl.startsWith('https:'),
    path: REFRESH_COOKIE_PATH,
  };
}

/** The refresh token from the cookie, if the request carries one. */
export function refreshTokenFromCookie(req: Request): string | undefined {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[REFRESH_COOKIE];
  return typeof value === 'string' && value.length > 0 && value.length <= 200 ? value : undefined;
}

/**
 * Answers a new session: with `inCookie`, the refresh token goes into the cookie and leaves the body;
 * otherwise the body carries it (API clients).
 */
export function deliverSession<T extends { refreshToken?: string }>(
  res: Response,
  config: AppConfig,
  body: T,
  inCookie: boolean | undefined,
): T {
  if (!inCookie || !body.refreshToken) return body;
  res.cookie(REFRESH_COOKIE, body.refreshToken, {
    ...cookieOptions(config),
    maxAge: config.refreshTokenTtlDays * 86_400_000,
  });
  const { refreshToken: _inCookie, ...rest } = body;
  return rest as T;
}

export function clearSessionCookie(res: Response, config: AppConfig): void {
  res.clearCookie(REFRESH_COOKIE, cookieOptions(config));
}
