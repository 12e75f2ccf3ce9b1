import request from 'supertest';
import { signUp, type SignedUp } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';

describe('duplicates: the same file twice in one tenant', () => {
  let server: TestServer;
  let a: SignedUp;
  let b: SignedUp;
  const text = Buffer.from('SERVICE AGREEMENT between Alpha Oy and Beta AB, signed twice.\n');

  beforeAll(async () => {
    server = await startTestServer({ worker: false });
    [a, b] = await Promise.all([
      signUp(server.url, { company: 'Dup A Oy' }),
      signUp(server.url, { company: 'Dup B AB' }),
    ]);
  }, 60_000);

  afterAll(async () => {
    await server?.close();
  });

  const upload = (token: string) =>
    request(server.url).post('/v1/contracts').set('Authorization', `Bearer ${token}`);

  it('answers 409 duplicate with the existing id, stores nothing new, and allowDuplicate keeps a copy', async () => {
    const first = await upload(a.token).attach('file', text, 'service.txt');
    expect(first.status).toBe(202);

    const again = await upload(a.token).attach('file', text, 'renamed copy.txt');
    expect(again.status).toBe(409);
    expect(again.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(again.body).toMatchObject({
      status: 409,
      code: 'duplicate',
      contractId: first.body.id,
    });
    expect(again.body.detail).toMatch(/already in the bank/i);

    const list = await request(server.url)
      .get('/v1/contracts')
      .set('Authorization', `Bearer ${a.token}`);
    expect(list.body.data.map((c: { id: string }) => c.id)).toEqual([first.body.id]);

    const kept = await upload(a.token)
      .field('allowDuplicate', 'true')
      .attach('file', text, 'second copy.txt');
    expect(kept.status).toBe(202);
    expect(kept.body.id).not.toBe(first.body.id);
    expect(kept.body.file.sha256).toBe(first.body.file.sha256);

    // A later duplicate still names the first contract.
    const third = await upload(a.token).attach('file', text, 'third.txt');
    expect(third.status).toBe(409);
    expect(third.body.contractId).toBe(first.body.id);
  });

  it('does not see another tenant holding the same bytes', async () => {
    const res = await upload(b.token).attach('file', text, 'service.txt');
    expect(res.status).toBe(202);
  });

  it('refuses the second of two simultaneous uploads of one file', async () => {
    const same = Buffer.from('A race: CONSULTING AGREEMENT between Gamma Oy and Delta AB.\n');
    const results = await Promise.all([
      upload(a.token).attach('file', same, 'one.txt'),
      upload(a.token).attach('file', same, 'two.txt'),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([202, 409]);
  });

  it('validates allowDuplicate', async () => {
    const res = await upload(a.token)
      .field('allowDuplicate', 'maybe')
      .attach('file', Buffer.from('Another agreement.\n'), 'x.txt');
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ field: 'allowDuplicate' })]),
    );
  });
});
