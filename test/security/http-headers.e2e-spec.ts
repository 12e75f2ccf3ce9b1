import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { signUp, type SignedUp } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';

jest.setTimeout(60_000);

const SAMPLE_PDF = path.resolve(
  'samples/contracts/DUOSTECHNOLOGIESGROUP_INC_04_21_2009-EX-10.1-STRATEGIC_ALLIANCE_AGREEMENT.pdf',
);

/** A built web UI in miniature: index.html, a bundle and its source map. */
function fakeWebDist(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cb-web-'));
  fs.mkdirSync(path.join(dir, 'assets'));
  fs.writeFileSync(
    path.join(dir, 'index.html'),
    '<!doctype html><title>Contract Bank</title><div id="root"></div>',
  );
  fs.writeFileSync(
    path.join(dir, 'assets/index-abc123.js'),
    `console.log(${JSON.stringify('x'.repeat(20_000))});\n`,
  );
  fs.writeFileSync(
    path.join(dir, 'assets/index-abc123.js.map'),
    '{"version":3,"sources":["src/main.tsx"],"mappings":""}',
  );
  return dir;
}

function csp(header: string | undefined): Map<string, string> {
  return new Map(
    (header ?? '')
      .split(';')
      .map((d) => d.trim())
      .filter(Boolean)
      .map((d) => {
        const [name, ...values] = d.split(/\s+/);
        return [name, values.join(' ')] as [string, string];
      }),
  );
}

describe('hardening item 4: HTTP headers, caching, compression, downloads, source maps', () => {
  let server: TestServer;
  let owner: SignedUp;
  const webDist = fakeWebDist();

  beforeAll(async () => {
    server = await startTestServer({ worker: false, webDist });
    owner = await signUp(server.url);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    fs.rmSync(webDist, { recursive: true, force: true });
  }, 60_000);

  it('sends a CSP that lets pdf.js workers and wasm run but nothing frame the app, and the other helmet headers', async () => {
    const res = await request(server.url).get('/').set('Accept', 'text/html');
    expect(res.status).toBe(200);
    const policy = csp(res.headers['content-security-policy']);
    expect(policy.get('default-src')).toBe("'self'");
    expect(policy.get('script-src')).toBe("'self' 'wasm-unsafe-eval'");
    expect(policy.get('worker-src')).toBe("'self' blob:");
    expect(policy.get('connect-src')).toBe("'self' blob:");
    expect(policy.get('frame-ancestors')).toBe("'none'");
    expect(policy.get('object-src')).toBe("'none'");
    expect(policy.has('upgrade-insecure-requests')).toBe(false);
    expect(res.headers['content-security-policy']).not.toMatch(/'unsafe-eval'/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('no-referrer');
    // APP_URL is http here: no HSTS (it would pin a plain-HTTP deployment to an https it does not have).
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('marks every /v1 answer Cache-Control: no-store, data and errors alike', async () => {
    const list = await request(server.url)
      .get('/v1/contracts')
      .set('Authorization', `Bearer ${owner.token}`);
    expect(list.status).toBe(200);
    expect(list.headers['cache-control']).toBe('no-store');
    // Nothing to revalidate: no ETag computed over an answer no client may keep.
    expect(list.headers.etag).toBeUndefined();
    expect(list.headers['x-content-type-options']).toBe('nosniff');
    const denied = await request(server.url).get('/v1/contracts');
    expect(denied.status).toBe(401);
    expect(denied.headers['cache-control']).toBe('no-store');
    // The web UI's assets stay cacheable.
    const asset = await request(server.url).get('/assets/index-abc123.js');
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers.etag).toBeDefined();
  });

  it('compresses responses worth compressing (the bundles, the OpenAPI document)', async () => {
    const asset = await request(server.url)
      .get('/assets/index-abc123.js')
      .set('Accept-Encoding', 'gzip');
    expect(asset.status).toBe(200);
    expect(asset.headers['content-encoding']).toBe('gzip');
    expect(asset.headers.vary).toMatch(/Accept-Encoding/i);
    const openApi = await request(server.url)
      .get('/v1/openapi.json')
      .set('Accept-Encoding', 'gzip');
    expect(openApi.status).toBe(200);
    expect(openApi.headers['content-encoding']).toBe('gzip');
    // supertest inflates gzip itself: the body arrives whole.
    expect(openApi.body.openapi).toMatch(/^3\./);
  });

  it('never compresses the token-bearing /v1/auth answers', async () => {
    const res = await request(server.url)
      .post('/v1/auth/login')
      .set('Accept-Encoding', 'gzip')
      .send({ email: owner.email, password: owner.password });
    expect(res.status).toBe(200);
    expect(res.headers['content-encoding']).toBeUndefined();
  });

  it('hands out a PDF inline and any other file as an attachment', async () => {
    const auth = { Authorization: `Bearer ${owner.token}` };
    const pdf = await request(server.url)
      .post('/v1/contracts')
      .set(auth)
      .attach('file', fs.readFileSync(SAMPLE_PDF), 'Alliance.pdf');
    const txt = await request(server.url)
      .post('/v1/contracts')
      .set(auth)
      .attach('file', Buffer.from('<html><script>alert(1)</script></html>\n'), 'notes.txt');
    expect([pdf.status, txt.status]).toEqual([202, 202]);
    const pdfFile = await request(server.url).get(`/v1/contracts/${pdf.body.id}/file`).set(auth);
    expect(pdfFile.headers['content-disposition']).toBe("inline; filename*=UTF-8''Alliance.pdf");
    expect(pdfFile.headers['content-type']).toBe('application/pdf');
    const txtFile = await request(server.url).get(`/v1/contracts/${txt.body.id}/file`).set(auth);
    expect(txtFile.headers['content-disposition']).toBe("attachment; filename*=UTF-8''notes.txt");
    expect(txtFile.headers['x-content-type-options']).toBe('nosniff');
    expect(txtFile.headers['cache-control']).toBe('no-store');
  });

  it('serves source maps outside production only', async () => {
    expect((await request(server.url).get('/assets/index-abc123.js.map')).status).toBe(200);
    const production = await startTestServer({
      worker: false,
      webDist,
      env: { NODE_ENV: 'production', APP_URL: 'https://contracts.example.com' },
    });
    try {
      const map = await request(production.url).get('/assets/index-abc123.js.map');
      expect(map.status).toBe(404);
      expect((await request(production.url).get('/assets/index-abc123.js')).status).toBe(200);

      // APP_URL is https: HSTS, and the CSP upgrades any stray http subresource.
      const page = await request(production.url).get('/').set('Accept', 'text/html');
      expect(page.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(csp(page.headers['content-security-policy']).has('upgrade-insecure-requests')).toBe(
        true,
      );
    } finally {
      await production.close();
    }
  });
});
