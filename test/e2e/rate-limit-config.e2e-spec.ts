import request from 'supertest';
import { signUp } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';

// Its own file: passport keeps strategies in a process-wide registry, so two API apps must not share a module
// registry while both are running.
describe('the per-key rate limit comes from API_KEY_RATE_LIMIT_PER_MINUTE', () => {
  let server: TestServer;

  beforeAll(async () => {
    server = await startTestServer({ worker: false, env: { API_KEY_RATE_LIMIT_PER_MINUTE: '5' } });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  }, 60_000);

  it('answers 429 after 5 requests with one key, while another key still works', async () => {
    const owner = await signUp(server.url);
    const auth = (token: string) => ({ Authorization: `Bearer ${token}` });
    const { body: busy } = await request(server.url)
      .post('/v1/api-keys')
      .set(auth(owner.token))
      .send({ name: 'erp' });
    const { body: quiet } = await request(server.url)
      .post('/v1/api-keys')
      .set(auth(owner.token))
      .send({ name: 'bi' });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await request(server.url).get('/v1/contracts').set(auth(busy.key))).status);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    const other = await request(server.url).get('/v1/contracts').set(auth(quiet.key));
    expect(other.status).toBe(200);
    expect(other.headers['ratelimit-limit']).toBe('5');
  });
});
