// Which paths get the web UI and which the API: a browser gets the UI's index.html for every path outside
// /v1, /health, /docs, the iCal feed /calendar/<token>.ics and the static files, so the UI's router answers
// (e.g. /calendar redirects to /deadlines) instead of a raw JSON 404. API clients keep problem+json.
// The built UI is a small directory of the same shape as apps/web/dist (the browser spec runs the real one).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { signUp } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';

const BROWSER_ACCEPT = 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
const INDEX = '<!doctype html><title>Contract Bank</title><div id="root"></div>';

describe('web UI routes beside the API', () => {
  let server: TestServer;
  let webDist: string;

  beforeAll(async () => {
    webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-web-dist-'));
    fs.mkdirSync(path.join(webDist, 'assets'));
    fs.writeFileSync(path.join(webDist, 'index.html'), INDEX);
    fs.writeFileSync(path.join(webDist, 'assets', 'index-abc123.js'), 'console.log("ui")');
    server = await startTestServer({ worker: false, webDist });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    fs.rmSync(webDist, { recursive: true, force: true });
  });

  it.each([
    '/calendar',
    '/calendar/',
    '/deadlines',
    '/contracts/123',
    '/settings/team',
    '/verify-email?token=cbv_abc',
    '/no-such-page',
  ])('gives a browser the web UI for %s, never JSON', async (p) => {
    const res = await request(server.url).get(p).set('Accept', BROWSER_ACCEPT);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.text).toBe(INDEX);
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('serves the static files, and a missing asset is a 404 rather than the HTML page', async () => {
    const asset = await request(server.url).get('/assets/index-abc123.js').set('Accept', '*/*');
    expect(asset.status).toBe(200);
    expect(asset.text).toBe('console.log("ui")');
    expect(asset.headers['cache-control']).toContain('immutable');
    const missing = await request(server.url)
      .get('/assets/index-gone.js')
      .set('Accept', BROWSER_ACCEPT);
    expect(missing.status).toBe(404);
    expect(missing.text).not.toBe(INDEX);
  });

  it('still answers an unknown /v1 path with problem+json, even to a browser', async () => {
    for (const accept of [BROWSER_ACCEPT, 'application/json']) {
      const res = await request(server.url).get('/v1/calendar-typo').set('Accept', accept);
      expect(res.status).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.body).toMatchObject({ status: 404 });
    }
  });

  it('keeps /health, /docs and the iCal feed with the API', async () => {
    const health = await request(server.url).get('/health').set('Accept', BROWSER_ACCEPT);
    expect(health.headers['content-type']).toMatch(/json/);
    const docs = await request(server.url).get('/docs').set('Accept', BROWSER_ACCEPT);
    expect(docs.status).toBe(200);
    expect(docs.text).toContain('swagger');
    const owner = await signUp(server.url);
    const feed = await request(server.url)
      .get('/v1/calendar')
      .set('Authorization', `Bearer ${owner.token}`);
    const feedPath = new URL(feed.body.url).pathname;
    expect(feedPath).toMatch(/^\/calendar\/[^/]+\.ics$/);
    const ics = await request(server.url).get(feedPath).set('Accept', BROWSER_ACCEPT);
    expect(ics.status).toBe(200);
    expect(ics.headers['content-type']).toMatch(/^text\/calendar/);
    expect(ics.text).toContain('BEGIN:VCALENDAR');
    const unknownFeed = await request(server.url)
      .get('/calendar/not-a-token.ics')
      .set('Accept', BROWSER_ACCEPT);
    expect(unknownFeed.status).toBe(404);
    expect(unknownFeed.text).not.toBe(INDEX);
  });

  it('answers a non-browser client and other methods from the API', async () => {
    const json = await request(server.url).get('/calendar').set('Accept', 'application/json');
    expect(json.status).toBe(404);
    expect(json.headers['content-type']).toMatch(/^application\/problem\+json/);
    const post = await request(server.url).post('/deadlines').set('Accept', BROWSER_ACCEPT);
    expect(post.status).toBe(404);
    expect(post.text).not.toBe(INDEX);
  });
});
