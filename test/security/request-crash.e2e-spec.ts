import request from 'supertest';
import { signUp, type SignedUp } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';

jest.setTimeout(60_000);

describe('hardening item 1: no request can stop the API', () => {
  let server: TestServer;
  let owner: SignedUp;

  beforeAll(async () => {
    server = await startTestServer({ worker: false });
    owner = await signUp(server.url);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  }, 60_000);

  it.each(['toString', '__proto__', 'constructor', 'hasOwnProperty', 'valueOf'])(
    'a multipart field named %s is refused with 400 and the API keeps serving',
    async (name) => {
      const res = await request(server.url)
        .post('/v1/contracts')
        .set('Authorization', `Bearer ${owner.token}`)
        .field(name, 'x')
        .attach('file', Buffer.from('A short agreement.\n'), 'a.txt');
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.errors).toEqual([{ field: name, message: 'is not an accepted field' }]);
      // The same process answers the next request.
      expect((await request(server.url).get('/health')).status).toBe(200);
    },
  );

  it('a field named like a prototype member beside real fields does not change them', async () => {
    const res = await request(server.url)
      .post('/v1/contracts')
      .set('Authorization', `Bearer ${owner.token}`)
      .field('title', 'Kept')
      .attach('file', Buffer.from('Another short agreement.\n'), 'b.txt');
    expect(res.status).toBe(202);
    expect(res.body.title).toBe('Kept');
  });
});
