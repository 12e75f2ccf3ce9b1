import request from 'supertest';
import { signUp, type SignedUp } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';

jest.setTimeout(60_000);

describe('hardening item 10: names in uploads', () => {
  let server: TestServer;
  let owner: SignedUp;

  beforeAll(async () => {
    server = await startTestServer({ worker: false });
    owner = await signUp(server.url);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  }, 60_000);

  const upload = () =>
    request(server.url).post('/v1/contracts').set('Authorization', `Bearer ${owner.token}`);

  it.each(['ünïcödé 合同.pdf', 'Vuokrasopimus – Åbo Öy.txt', 'Hyresavtal för lokal i Malmö.txt'])(
    'keeps the Unicode file name %s intact, in the contract and in the download',
    async (name) => {
      const res = await upload().attach('file', Buffer.from(`A short agreement: ${name}.\n`), name);
      expect(res.status).toBe(202);
      expect(res.body.file.name).toBe(name);
      const got = await request(server.url)
        .get(`/v1/contracts/${res.body.id}`)
        .set('Authorization', `Bearer ${owner.token}`);
      expect(got.body.file.name).toBe(name);
      const file = await request(server.url)
        .get(`/v1/contracts/${res.body.id}/file`)
        .set('Authorization', `Bearer ${owner.token}`);
      // The bytes are text whatever the name says: handed out as a download (item 4), name intact.
      expect(file.headers['content-disposition']).toBe(
        `attachment; filename*=UTF-8''${encodeURIComponent(name)}`,
      );
    },
  );

  it.each([
    ['title', 'Lease\nwith a second line'],
    ['title', 'Lease\rInjected: header'],
    ['counterparty', 'Acme Oy\nEvil Ltd'],
  ])('refuses a line break in the %s with a 400 naming it', async (field, value) => {
    const res = await upload()
      .field(field, value)
      .attach('file', Buffer.from('An agreement.\n'), 'a.txt');
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual([field]);
  });

  it('refuses a line break in the file name (RFC 5987 encoded) with a 400 naming the file', async () => {
    const boundary = 'cbnames';
    const body = Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename*=UTF-8''two%0Alines.txt\r\n` +
        `Content-Type: text/plain\r\n\r\nAn agreement.\n\r\n--${boundary}--\r\n`,
    );
    const res = await upload()
      .set('Content-Type', `multipart/form-data; boundary=${boundary}`)
      .send(body);
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual([
      { field: 'file', message: 'the file name must be a single line (no line breaks)' },
    ]);
  });

  it('refuses a line break in a corrected title or counterparty, and keeps one-line names', async () => {
    const up = await upload().attach('file', Buffer.from('Agreement to rename.\n'), 'r.txt');
    const patch = (body: object) =>
      request(server.url)
        .patch(`/v1/contracts/${up.body.id}`)
        .set('Authorization', `Bearer ${owner.token}`)
        .send(body);
    const bad = await patch({ title: 'a\nb', counterparty: 'c\r\nd' });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e: { field: string }) => e.field).sort()).toEqual([
      'counterparty',
      'title',
    ]);
    const good = await patch({ title: 'Vuokrasopimus – ünï 合同' });
    expect(good.status).toBe(200);
    expect(good.body.title).toBe('Vuokrasopimus – ünï 合同');
  });
});
