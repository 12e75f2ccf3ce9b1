import type { AppConfig } from '@cb/config';
import compression from 'compression';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

/**
 * The Content-Security-Policy of the web UI (and of every other response). pdf.js needs its module worker
 * from our origin (`worker-src 'self' blob:`) and compiles its wasm image decoders (`'wasm-unsafe-eval'`; no
 * `'unsafe-eval'`, so pdf.js falls back from `new Function` fonts on its own); React and pdf.js set styles
 * through the DOM, Swagger UI ships an inline <style>. Nothing may frame the app.
 */
export function contentSecurityPolicy(https: boolean): Record<string, string[]> {
  return {
    'default-src': ["'self'"],
    'script-src': ["'self'", "'wasm-unsafe-eval'"],
    'worker-src': ["'self'", 'blob:'],
    'style-src': ["'self'", "'unsafe-inline'"],
    'img-src': ["'self'", 'data:', 'blob:'],
    'font-src': ["'self'", 'data:'],
    // The UI hands the PDF's bytes to pdf.js as a blob: URL, which pdf.js then fetches.
    'connect-src': ["'self'", 'blob:'],
    'object-src': ["'none'"],
    'base-uri': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    ...(https ? { 'upgrade-insecure-requests': [] } : {}),
  };
}

/** Responses of these paths carry tokens: never compressed (a BREACH-style size oracle needs compression). */
const NO_COMPRESSION = /^\/v1\/auth(\/|$)/;

function compressible(req: Request, res: Response): boolean {
  if (NO_COMPRESSION.test(req.path)) return false;
  // Server-sent events must reach the client event by event, not when a gzip block fills.
  if (String(res.getHeader('Content-Type') ?? '').startsWith('text/event-stream')) return false;
  return compression.filter(req, res);
}

/** API data is per user and per moment: no browser or proxy may keep a copy. */
function noStoreOnApi(req: Request, res: Response, next: NextFunction): void {
  if (req.path === '/v1' || req.path.startsWith('/v1/')) res.setHeader('Cache-Control', 'no-store');
  next();
}

/**
 * Helmet's headers (CSP, nosniff, frame-ancestors 'none' with X-Frame-Options DENY, Referrer-Policy
 * no-referrer, HSTS only when APP_URL is https), `Cache-Control: no-store` on /v1, and gzip/brotli-less
 * gzip compression (compression's negotiation) of everything else worth compressing.
 */
export function securityMiddleware(config: AppConfig): RequestHandler[] {
  const https = config.appUrl.startsWith('https://');
  return [
    helmet({
      contentSecurityPolicy: { useDefaults: false, directives: contentSecurityPolicy(https) },
      strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: true } : false,
      frameguard: { action: 'deny' },
      referrerPolicy: { policy: 'no-referrer' },
      // Partners call the API from their own origins with CORS-less server code; nothing to isolate more.
      crossOriginEmbedderPolicy: false,
    }),
    noStoreOnApi,
    compression({ filter: compressible }),
  ];
}
