import request from 'supertest';
import { signUp, type SignedUp } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';

jest.setTimeout(60_000);

describe('hardening item 11: webhook targets in special-purpose ranges are refused', () => {
  let server: TestServer;
  let owner: SignedUp;

  beforeAll(async () => {
    server = await startTestServer({ worker: false });
    owner = await signUp(server.url);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  }, 60_000);

  it.each([
    'http://[::7f00:1]/hook',
    'http://[2002:7f00:1::]/hook',
    'http://[fec0::1]/hook',
    'http://192.0.2.2/hook',
    'http://198.51.100.1/hook',
    'http://[::ffff:169.254.169.254]/latest/meta-data',
    'http://[64:ff9b::a9fe:a9fe]/latest/meta-data',
    'http://2130706433/hook',
  ])('POST /v1/webhooks refuses %s with 400 naming url', async (url) => {
    const res = await request(server.url)
      .post('/v1/webhooks')
      .set('Authorization', `Bearer ${owner.token}`)
      .send({ url, events: ['contract.parsed'] });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: 'url', message: 'must not point to a private or loopback address' },
    ]);
  });

  it('accepts a public address', async () => {
    const res = await request(server.url)
      .post('/v1/webhooks')
      .set('Authorization', `Bearer ${owner.token}`)
      .send({ url: 'https://93.184.216.34/hook', events: ['contract.parsed'] });
    expect(res.status).toBe(201);
  });
});
