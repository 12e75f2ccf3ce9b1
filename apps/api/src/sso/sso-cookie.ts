import { createHash, randomBytes } from 'node:crypto';
import type { AppConfig } from '@cb/config';
import type { Request, Response } from 'express';

/**
 * Binds a started SSO sign-in to the browser that started it (login CSRF): a random value in an HttpOnly cookie,
 * whose SHA-256 is kept with the pending sign-in. SameSite=Lax, because the callback is a top-level navigation
 * coming from the identity provider's site.
 */
export const SSO_COOKIE = 'cb_sso';
const SSO_COOKIE_PATH = '/v1/auth/sso';

export const hashBrowserBinding = (value: string) =>
  createHash('sha256').update(value).digest('base64url');

/** Sets a fresh binding cookie and returns its hash. */
export function bindBrowser(res: Response, config: AppConfig, ttlSeconds: number): string {
  const value = randomBytes(24).toString('base64url');
  res.cookie(SSO_COOKIE, value, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.appUrl.startsWith('https:'),
    path: SSO_COOKIE_PATH,
    maxAge: ttlSeconds * 1000,
  });
  return hashBrowserBinding(value);
}

/** The hash of the binding the browser sent back, and the cookie cleared (it is single use too). */
export function takeBrowserBinding(req: Request, res: Response, config: AppConfig): string | null {
  const value = (req.cookies as Record<string, unknown> | undefined)?.[SSO_COOKIE];
  res.clearCookie(SSO_COOKIE, {
    httpOnly: true,
    sameSite: 'lax',
    secure: config.appUrl.startsWith('https:'),
    path: SSO_COOKIE_PATH,
  });
  return typeof value === 'string' && value.length > 0 && value.length <= 100
    ? hashBrowserBinding(value)
    : null;
}

/**
 * Whether the caller wants JSON (an API client, a test) rather than a browser page: then errors are problems and
 * the start answers the URL instead of redirecting.
 */
export function prefersJson(req: Request): boolean {
  const accept = req.headers.accept ?? '';
  return /application\/(problem\+)?json/.test(accept) && !accept.includes('text/html');
}

/** The callback's parameters that matter (providers add others, e.g. Google's authuser, hd, prompt, scope). */
export function callbackParams(query: Request['query']): Record<string, string> {
  const params: Record<string, string> = {};
  for (const key of ['code', 'state', 'iss', 'error', 'error_description'] as const) {
    const value = query[key];
    if (typeof value === 'string' && value.length > 0 && value.length <= 4000) params[key] = value;
  }
  return params;
}
