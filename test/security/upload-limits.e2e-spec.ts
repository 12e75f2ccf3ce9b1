import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { signUp, type SignedUp } from '../support/api-client';
import { startTestServer, type TestServer } from '../support/test-server';

jest.setTimeout(60_000);

const MB = 1024 * 1024;

/**
 * Sends (`method` `pathName`) the headers and the first `sendBytes` of a body that declares `declaredBytes`, then waits: resolves
 * with the status when the server answers before the rest was sent, or null if it is still waiting.
 */
function partialPost(
  url: string,
  [method, pathName]: [string, string],
  headers: Record<string, string>,
  declaredBytes: number,
  firstBytes: Buffer,
  waitMs: number,
): Promise<{ status: number | null; socketClosed: boolean }> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}${pathName}`, {
      method,
      headers: { ...headers, 'Content-Length': String(declaredBytes) },
    });
    let status: number | null = null;
    let socketClosed = false;
    const timer = setTimeout(() => {
      req.destroy();
      resolve({ status, socketClosed });
    }, waitMs);
    req.on('response', (res) => {
      status = res.statusCode ?? null;
      res.resume();
      res.on('end', () => {
        clearTimeout(timer);
        // The server said it will close: the client need not send the rest.
        socketClosed = res.headers.connection === 'close';
        req.destroy();
        resolve({ status, socketClosed });
      });
    });
    req.on('error', (err) => (status === null ? reject(err) : undefined));
    req.write(firstBytes);
  });
}

/** Files in STORAGE_DIR/.tmp, and open descriptors of this process pointing there (the API runs in-process). */
function leftovers(storageDir: string): { files: string[]; fds: string[] } {
  const tmp = path.join(storageDir, '.tmp');
  const files = fs.existsSync(tmp) ? fs.readdirSync(tmp) : [];
  const fds: string[] = [];
  for (const fd of fs.readdirSync('/proc/self/fd')) {
    try {
      const target = fs.readlinkSync(`/proc/self/fd/${fd}`);
      if (target.startsWith(tmp)) fds.push(target);
    } catch {
      // closed meanwhile
    }
  }
  return { files, fds };
}

describe('hardening item 3: bodies over the limit, aborted uploads', () => {
  let server: TestServer;
  let owner: SignedUp;

  beforeAll(async () => {
    server = await startTestServer({ worker: false, env: { MAX_UPLOAD_MB: '2' } });
    owner = await signUp(server.url);
  }, 60_000);
  afterAll(async () => {
    await server?.close();
  }, 60_000);

  const boundary = 'cbboundary1234';
  const head = (name = 'big.pdf') =>
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\n` +
        `Content-Type: application/pdf\r\n\r\n%PDF-1.4\n`,
    );
  const multipart = () => ({
    Authorization: `Bearer ${owner.token}`,
    'Content-Type': `multipart/form-data; boundary=${boundary}`,
  });

  it('an upload declaring more than MAX_UPLOAD_MB gets 413 at once, before its body is sent', async () => {
    const { status, socketClosed } = await partialPost(
      server.url,
      ['POST', '/v1/contracts'],
      multipart(),
      50 * MB,
      head(),
      10_000,
    );
    expect(status).toBe(413);
    expect(socketClosed).toBe(true);
    expect(leftovers(server.config.storageDir).files).toEqual([]);
  });

  it('a JSON body declaring more than the JSON limit gets 413 at once', async () => {
    const { status } = await partialPost(
      server.url,
      ['PATCH', `/v1/contracts/00000000-0000-4000-8000-000000000000`],
      { Authorization: `Bearer ${owner.token}`, 'Content-Type': 'application/json' },
      5 * MB,
      Buffer.from('{"title": "'),
      10_000,
    );
    expect(status).toBe(413);
  });

  it('an upload aborted half-way leaves no file in STORAGE_DIR/.tmp and no open file descriptor', async () => {
    const storageDir = server.config.storageDir;
    const body = Buffer.concat([head('half.pdf'), Buffer.alloc(512 * 1024, 0x20)]);
    const req = http.request(`${server.url}/v1/contracts`, {
      method: 'POST',
      headers: { ...multipart(), 'Content-Length': String(body.length + MB) },
    });
    req.on('error', () => undefined);
    req.write(body);
    // Wait until the server is writing the file into scratch space.
    const started = Date.now();
    while (leftovers(storageDir).files.length === 0 && Date.now() - started < 10_000)
      await new Promise((r) => setTimeout(r, 50));
    expect(leftovers(storageDir).files).toHaveLength(1);
    req.destroy(); // the client goes away in the middle of the file
    const gone = Date.now();
    let left = leftovers(storageDir);
    while ((left.files.length || left.fds.length) && Date.now() - gone < 10_000) {
      await new Promise((r) => setTimeout(r, 100));
      left = leftovers(storageDir);
    }
    expect(left).toEqual({ files: [], fds: [] });
    // And the API serves on.
    const health = await new Promise<number>((resolve) =>
      http.get(`${server.url}/health`, (res) => resolve(res.statusCode ?? 0)),
    );
    expect(health).toBe(200);
  });
});
