import request from 'supertest';
import { signUp, type SignedUp } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';

jest.setTimeout(60_000);

const cursor = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const UUID = '8a0c2f5e-3d4b-4c1a-9e2f-0b1c2d3e4f50';
const ALL = ['createdAt', '-title', 'noticeDeadline'];
const DATED = ['createdAt', 'noticeDeadline', 'expirationDate'];

/** `depth` levels of nested arrays or objects, as JSON text. */
function nested(depth: number, kind: 'array' | 'object'): string {
  return kind === 'array'
    ? '['.repeat(depth) + ']'.repeat(depth)
    : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

describe('hardening item 10: bad input answers 400, never 500', () => {
  let server: TestServer;
  let owner: SignedUp;
  let contractId: string;
  const auth = () => ({ Authorization: `Bearer ${owner.token}` });

  beforeAll(async () => {
    server = await startTestServer({ worker: false });
    owner = await signUp(server.url);
    const up = await request(server.url)
      .post('/v1/contracts')
      .set(auth())
      .attach('file', Buffer.from('A short agreement.\n'), 'a.txt');
    contractId = up.body.id;
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  }, 60_000);

  describe('null bytes', () => {
    it.each([
      [
        'PATCH /v1/contracts/:id title',
        () =>
          request(server.url)
            .patch(`/v1/contracts/${contractId}`)
            .set(auth())
            .send({ title: 'Lease\u0000' }),
        'title',
      ],
      [
        'PATCH /v1/contracts/:id tags[1]',
        () =>
          request(server.url)
            .patch(`/v1/contracts/${contractId}`)
            .set(auth())
            .send({ tags: ['ok', 'a\u0000b'] }),
        'tags.1',
      ],
      [
        'PATCH /v1/contracts/:id terms.governingLaw',
        () =>
          request(server.url)
            .patch(`/v1/contracts/${contractId}`)
            .set(auth())
            .send({ terms: { governingLaw: 'Finland\u0000' } }),
        'terms.governingLaw',
      ],
      [
        'a null byte in a JSON key',
        () =>
          request(server.url)
            .patch(`/v1/contracts/${contractId}`)
            .set(auth())
            .send({ terms: { 'governing\u0000Law': 'Finland' } }),
        'terms.governing\\u0000Law',
      ],
      [
        'POST /v1/webhooks url',
        () =>
          request(server.url)
            .post('/v1/webhooks')
            .set(auth())
            .send({ url: 'https://example.com/\u0000', events: ['contract.parsed'] }),
        'url',
      ],
      [
        'GET /v1/contracts?q=',
        () => request(server.url).get('/v1/contracts?q=lease%00').set(auth()),
        'q',
      ],
      [
        'GET /v1/contracts?counterparty=',
        () => request(server.url).get('/v1/contracts?counterparty=%00').set(auth()),
        'counterparty',
      ],
      [
        'GET /v1/contracts?tag=',
        () => request(server.url).get('/v1/contracts?tag=a%00').set(auth()),
        'tag',
      ],
      [
        'an unknown query parameter',
        () => request(server.url).get('/v1/contracts?x%00y=1').set(auth()),
        'x\\u0000y',
      ],
      [
        'a multipart field',
        () =>
          request(server.url)
            .post('/v1/contracts')
            .set(auth())
            .field('title', 'Lease\u0000')
            .attach('file', Buffer.from('An agreement.\n'), 'b.txt'),
        'title',
      ],
      [
        'POST /v1/auth/login email',
        () =>
          request(server.url)
            .post('/v1/auth/login')
            .send({ email: 'a\u0000@example.com', password: 'x'.repeat(12) }),
        'email',
      ],
    ])('%s', async (_label, send, field) => {
      const res = await send();
      expect(res.status).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.body.code).toBe('validation_failed');
      expect(res.body.errors).toEqual(
        expect.arrayContaining([
          { field, message: `${field} must not contain a null character (U+0000)` },
        ]),
      );
    });
  });

  describe('deeply nested JSON', () => {
    it.each([
      ['arrays', nested(100_000, 'array')],
      ['objects', nested(50_000, 'object')],
      ['just over the limit', nested(33, 'object')],
    ])('nested %s are refused with 400 before any handler runs', async (_label, body) => {
      const res = await request(server.url)
        .patch(`/v1/contracts/${contractId}`)
        .set(auth())
        .set('Content-Type', 'application/json')
        .send(body);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('json_too_deep');
      expect(res.body.detail).toMatch(/nested deeper than 32 levels/);
    });

    it('nesting within the limit still reaches validation', async () => {
      const res = await request(server.url)
        .patch(`/v1/contracts/${contractId}`)
        .set(auth())
        .set('Content-Type', 'application/json')
        .send(`{"terms":${nested(20, 'object')}}`);
      expect(res.status).toBe(400);
      expect(res.body.code).toBe('validation_failed');
    });

    it('brackets inside strings do not count', async () => {
      const res = await request(server.url)
        .patch(`/v1/contracts/${contractId}`)
        .set(auth())
        .send({ title: `${'['.repeat(100)}Lease "quoted" \\ ${'{'.repeat(100)}` });
      expect(res.status).toBe(200);
    });
  });

  describe('forged or garbled list cursors', () => {
    it.each([
      ['not base64 JSON', '%%%garbage', ALL],
      ['base64 of non-JSON', Buffer.from('hello').toString('base64url'), ALL],
      ['a JSON array', cursor([1, 2]), ALL],
      ['a number for v', cursor({ v: 5, id: UUID }), ALL],
      [
        'an id that is not a UUID',
        cursor({ v: '2026-01-01 00:00:00+00', id: '-'.repeat(36) }),
        ALL,
      ],
      // A title cursor may hold any text: only the date and time sorts can refuse these two.
      ['a date that is not a date', cursor({ v: 'yesterday-ish', id: UUID }), DATED],
      ['an impossible timestamp', cursor({ v: '2026-13-45 99:99:99+00', id: UUID }), DATED],
      ['a null byte in v', cursor({ v: 'a\u0000', id: UUID }), ALL],
      ['a huge cursor', cursor({ v: 'x'.repeat(10_000), id: UUID }), ALL],
    ])('GET /v1/contracts: %s -> 400 naming the cursor', async (_label, c, sorts) => {
      for (const sort of sorts) {
        const res = await request(server.url)
          .get(`/v1/contracts?sort=${sort}&cursor=${encodeURIComponent(c)}`)
          .set(auth());
        expect([sort, res.status]).toEqual([sort, 400]);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['cursor']);
      }
    });

    it.each([
      ['/v1/audit-events', cursor({ v: '2026-99-99T00:00:00.000000Z', id: UUID })],
      ['/v1/alerts', cursor({ v: 'not a time', id: UUID })],
      [
        '/v1/alerts',
        cursor({ v: '2026-01-01 00:00:00+00', id: 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz' }),
      ],
      ['/v1/alerts', '!!!'],
    ])('GET %s with a forged cursor -> 400', async (path, c) => {
      const res = await request(server.url)
        .get(`${path}?cursor=${encodeURIComponent(c)}`)
        .set(auth());
      expect(res.status).toBe(400);
      expect(res.body.errors).toEqual([
        { field: 'cursor', message: 'is not a cursor from this list' },
      ]);
    });

    it('a cursor the API handed out still pages', async () => {
      for (let i = 0; i < 2; i++) {
        await request(server.url)
          .post('/v1/contracts')
          .set(auth())
          .attach('file', Buffer.from(`Agreement ${i}.\n`), `p${i}.txt`);
      }
      for (const sort of ['createdAt', '-title', 'noticeDeadline']) {
        const first = await request(server.url)
          .get(`/v1/contracts?sort=${sort}&limit=1`)
          .set(auth());
        expect(first.body.nextCursor).toEqual(expect.any(String));
        const next = await request(server.url)
          .get(`/v1/contracts?sort=${sort}&limit=1&cursor=${first.body.nextCursor}`)
          .set(auth());
        expect([sort, next.status]).toEqual([sort, 200]);
        expect(next.body.data[0].id).not.toBe(first.body.data[0].id);
      }
    });
  });
});
