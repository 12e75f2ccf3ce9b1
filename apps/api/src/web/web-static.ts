import fs from 'node:fs';
import path from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';

/** Paths the API answers itself; every other GET from a browser gets the web UI. */
const API_PREFIXES = ['/v1', '/health', '/docs'];
/** Build output folders: a file missing there is a 404, never index.html. */
const STATIC_DIRS = ['/assets/', '/pdfjs/'];
/** The iCal feed (`/calendar/<token>.ics`); `/calendar` itself is a UI route (it redirects to /deadlines). */
const CALENDAR_FEED = /^\/calendar\/[^/]+\.ics$/i;

/** True for the paths the API owns, which never get the web UI's index.html. */
export function isApiPath(p: string): boolean {
  return API_PREFIXES.some((x) => p === x || p.startsWith(`${x}/`)) || CALENDAR_FEED.test(p);
}

/**
 * Serves the built web UI (apps/web/dist) at `/`: its static files, and index.html for every other path a
 * browser asks for (GET or HEAD accepting HTML) outside the API's own paths, so that the UI's router answers
 * client-side routes and shows its own "Page not found". Anything else (an API client, another method, an
 * unknown /v1 path) falls through to the API, which answers problem+json. Source maps (`*.map`) are answered
 * 404 unless `serveSourceMaps` (development).
 */
export function mountWebUi(
  app: Express,
  distDir: string,
  options: { serveSourceMaps: boolean } = { serveSourceMaps: false },
): void {
  const index = path.join(distDir, 'index.html');
  if (!fs.existsSync(index)) {
    app.get('/', (_req: Request, res: Response) => {
      res
        .type('html')
        .send(
          '<!doctype html><title>Contract Bank</title><h1>Contract Bank</h1><p>The API runs. Build the web UI with <code>npm run build:web</code>.</p>',
        );
    });
    return;
  }
  if (!options.serveSourceMaps) {
    app.use((req: Request, res: Response, next: NextFunction) =>
      req.path.endsWith('.map') ? res.status(404).type('text').send('Not found') : next(),
    );
  }
  // The API's own paths never look for a file: serve-static would stat the disk on every API request.
  const files = express.static(distDir, {
    index: false,
    maxAge: '1h',
    setHeaders: immutableAssets,
  });
  app.use((req: Request, res: Response, next: NextFunction) =>
    isApiPath(req.path) ? next() : files(req, res, next),
  );
  app.use((req: Request, res: Response, next: NextFunction) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isApiPath(req.path)) return next();
    // A missing asset (an old bundle's chunk, a typo) is a 404, not the HTML page under a script's name.
    if (STATIC_DIRS.some((d) => req.path.startsWith(d))) return next();
    if (!req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

function immutableAssets(res: Response, file: string): void {
  if (file.includes(`${path.sep}assets${path.sep}`))
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
}
