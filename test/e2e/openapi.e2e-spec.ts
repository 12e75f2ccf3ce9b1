import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { startTestServer, type TestServer } from '../support/test-server';

// The committed docs/openapi.json must match what the code generates: CI fails on drift.
// `npm run openapi` rewrites it after an intentional API change.
const COMMITTED = path.resolve(__dirname, '../../docs/openapi.json');

describe('OpenAPI document', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ worker: false });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  });

  it('matches the committed docs/openapi.json', async () => {
    const res = await request(server.url).get('/v1/openapi.json');
    expect(res.status).toBe(200);
    const generated = `${JSON.stringify(res.body, null, 2)}\n`;
    if (process.env.UPDATE_OPENAPI === '1') fs.writeFileSync(COMMITTED, generated);
    expect(fs.existsSync(COMMITTED)).toBe(true);
    expect(JSON.parse(fs.readFileSync(COMMITTED, 'utf8'))).toEqual(res.body);
  });

  it('documents every route with its auth scheme and problem responses', async () => {
    const doc = (await request(server.url).get('/v1/openapi.json')).body as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
      components: { securitySchemes: Record<string, unknown> };
    };
    expect(Object.keys(doc.components.securitySchemes)).toContain('bearer');
    const publicRoutes = [
      '/v1/signup',
      '/v1/auth/login',
      '/v1/auth/refresh',
      // The forgotten-password flow comes before any token.
      '/v1/auth/password-reset',
      '/v1/auth/password-reset/confirm',
      // The e-mail confirmation link is opened in any browser, signed in or not.
      '/v1/auth/verify-email',
      '/health',
      '/health/ready',
      '/v1/invitations/accept',
      '/v1/plans', // the price list (API.md: no auth)
      // Single sign-on: a browser navigation before any token (start) and the identity provider's redirect back.
      '/v1/auth/sso/start',
      '/v1/auth/sso/callback',
    ];
    for (const [p, ops] of Object.entries(doc.paths)) {
      if (!p.startsWith('/v1') || publicRoutes.includes(p) || p.startsWith('/v1/billing/webhook'))
        continue;
      for (const [method, op] of Object.entries(ops))
        expect({ route: `${method} ${p}`, secured: Array.isArray(op.security) }).toEqual({
          route: `${method} ${p}`,
          secured: true,
        });
    }
  });
});
