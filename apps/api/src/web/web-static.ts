import fs from 'node:fs';
import path from 'node:path';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';

const API_PREFIXES = ['/v1', '/health', '/docs', '/calendar', '/webhooks'];

/**
 * Serves the built web UI (apps/web/dist) at `/`, with index.html for client-side routes. Source maps
 * (`*.map`) are answered 404 unless `serveSourceMaps` (development).
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
  app.use(express.static(distDir, { index: false, maxAge: '1h', setHeaders: immutableAssets }));
  app.use((req: Request, res: Response, next: NextFunction) => {
    if (
      req.method !== 'GET' ||
      API_PREFIXES.some((p) => req.path === p || req.path.startsWith(`${p}/`))
    )
      return next();
    if (!req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

function immutableAssets(res: Response, file: string): void {
  if (file.includes(`${path.sep}assets${path.sep}`))
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
}
