/**
 * A request path as it may appear in logs: query strings dropped (they may carry secrets) and the token of a
 * calendar feed URL (`/calendar/<token>.ics`, a bearer secret of its own) replaced.
 */
export function redactPath(url: string): string {
  return url.split('?')[0].replace(/^\/calendar\/[^/]+?(\.ics)?$/, '/calendar/[redacted]$1');
}
