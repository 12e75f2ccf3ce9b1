import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import {
  UnsafeUrlError,
  assertSafeWebhookUrl,
  isPrivateAddress,
  postWebhook,
  type Resolver,
} from './url-safety';

describe('webhook target safety', () => {
  it.each([
    '127.0.0.1',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '169.254.169.254',
    '100.64.0.1',
    '0.0.0.0',
    '::1',
    '::',
    'fd00::1',
    'fe80::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    // Special-purpose ranges the hand-written list missed (issue 10, item 11).
    '::7f00:1', // IPv4-compatible ::127.0.0.1
    '::127.0.0.1',
    '::ffff:0:7f00:1', // IPv4-translated (RFC 6145)
    '64:ff9b::7f00:1', // NAT64 (RFC 6052)
    '64:ff9b:1::a00:1', // local-use NAT64 (RFC 8215)
    '2002:7f00:1::', // 6to4 of 127.0.0.1
    '2002:c0a8:101::1', // 6to4 of 192.168.1.1
    '2001:0:4136:e378:8000:63bf:3fff:fdd2', // Teredo
    'fec0::1', // site-local
    '2001:db8::1', // documentation
    '2001:2::1', // benchmarking
    '100::1', // discard
    '3fff::1', // documentation (RFC 9637)
    '5f00::1', // segment routing
    '4000::1', // outside 2000::/3
    '192.0.2.2', // TEST-NET-1
    '198.51.100.1', // TEST-NET-2
    '203.0.113.9', // TEST-NET-3
    '198.18.0.1', // benchmarking
    '192.88.99.1', // 6to4 relay anycast
    '255.255.255.255',
    '192.0.0.8',
    'not-an-ip',
  ])('refuses %s', (ip) => expect(isPrivateAddress(ip)).toBe(true));

  it("refuses this host's own addresses", () => {
    const own = Object.values(networkInterfaces())
      .flat()
      .map((i) => i!.address);
    expect(own.length).toBeGreaterThan(0);
    for (const address of own)
      expect([address, isPrivateAddress(address)]).toEqual([address, true]);
  });

  it.each(['93.184.216.34', '8.8.8.8', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'allows public %s',
    (ip) => expect(isPrivateAddress(ip)).toBe(false),
  );

  it('refuses loopback and private literals, localhost, credentials and other schemes unless private targets are allowed', async () => {
    for (const url of [
      'http://127.0.0.1:8080/hook',
      'http://[::1]/hook',
      'https://localhost/x',
      'http://10.0.0.5/x',
      'http://169.254.169.254/latest/meta-data',
      'http://[::7f00:1]/hook',
      'http://[2002:7f00:1::]/hook',
      'http://[fec0::1]/hook',
      'http://192.0.2.2/hook',
      'http://198.51.100.1/hook',
      'http://2130706433/hook', // 127.0.0.1 as one number
      'http://0x7f.1/hook',
    ]) {
      await expect(assertSafeWebhookUrl(url, false)).rejects.toThrow(UnsafeUrlError);
    }
    await expect(assertSafeWebhookUrl('ftp://example.com/x', false)).rejects.toThrow(
      'http or https',
    );
    await expect(assertSafeWebhookUrl('https://user:pw@example.com/x', false)).rejects.toThrow(
      'credentials',
    );
    await expect(assertSafeWebhookUrl('not a url', true)).rejects.toThrow('valid URL');
    await expect(assertSafeWebhookUrl('http://127.0.0.1:8080/hook', true)).resolves.toBeInstanceOf(
      URL,
    );
    await expect(assertSafeWebhookUrl('https://93.184.216.34/hook', false)).resolves.toBeInstanceOf(
      URL,
    );
  });

  it('refuses a host name if any address it resolves to is special-purpose', async () => {
    const resolver: Resolver = (_host, cb) =>
      cb(null, [
        { address: '93.184.216.34', family: 4 },
        { address: '::ffff:10.0.0.1', family: 6 },
      ]);
    await expect(
      assertSafeWebhookUrl('https://hooks.example.com/x', false, resolver),
    ).rejects.toThrow(UnsafeUrlError);
  });
});

describe('postWebhook: the address checked is the address connected to', () => {
  let server: http.Server;
  let port: number;
  const received: { host: string | undefined; body: string }[] = [];

  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        received.push({ host: req.headers.host, body });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
  beforeEach(() => (received.length = 0));

  const send = (url: string, allowPrivate: boolean, resolver?: Resolver, timeoutMs = 2000) =>
    postWebhook(url, {
      headers: { 'content-type': 'application/json' },
      body: '{"a":1}',
      timeoutMs,
      allowPrivate,
      resolver,
    });

  it('connects to the address its own look-up returned (the system DNS never sees the name)', async () => {
    const calls: string[] = [];
    const resolver: Resolver = (host, cb) => {
      calls.push(host);
      cb(null, [{ address: '127.0.0.1', family: 4 }]);
    };
    // Private targets allowed (as in development): the request reaches 127.0.0.1 for a name no DNS knows.
    await expect(
      send(`http://hooks.contract-bank.invalid:${port}/x`, true, resolver),
    ).resolves.toBe(204);
    expect(calls).toEqual(['hooks.contract-bank.invalid']);
    expect(received).toEqual([{ host: `hooks.contract-bank.invalid:${port}`, body: '{"a":1}' }]);
  });

  it('refuses at connect time a name that resolves to loopback, and sends nothing', async () => {
    const resolver: Resolver = (_host, cb) => cb(null, [{ address: '127.0.0.1', family: 4 }]);
    await expect(
      send(`http://rebind.contract-bank.invalid:${port}/x`, false, resolver),
    ).rejects.toThrow(UnsafeUrlError);
    expect(received).toEqual([]);
  });

  it('does not look the name up a second time (a rebinding DNS gets one answer, and it was checked)', async () => {
    // First answer public, every later answer loopback: a check-then-fetch would connect to 127.0.0.1.
    let calls = 0;
    const resolver: Resolver = (_host, cb) => {
      calls++;
      cb(null, [{ address: calls === 1 ? '192.88.98.1' : '127.0.0.1', family: 4 }]);
    };
    // 192.88.98.1 is public but unreachable here: the attempt times out or fails, it never reaches us.
    await expect(
      send(`http://rebind.contract-bank.invalid:${port}/x`, false, resolver, 300),
    ).rejects.toThrow();
    expect(calls).toBe(1);
    expect(received).toEqual([]);
  });

  it('refuses special-purpose IP literals before connecting', async () => {
    for (const url of [
      `http://127.0.0.1:${port}/x`,
      `http://[::7f00:1]:${port}/x`,
      `http://[::ffff:127.0.0.1]:${port}/x`,
    ]) {
      await expect(send(url, false)).rejects.toThrow(UnsafeUrlError);
    }
    expect(received).toEqual([]);
  });

  it('does not follow a redirect', async () => {
    const redirector = http.createServer((_req, res) =>
      res.writeHead(302, { location: `http://127.0.0.1:${port}/x` }).end(),
    );
    await new Promise<void>((resolve) => redirector.listen(0, '127.0.0.1', resolve));
    const rport = (redirector.address() as AddressInfo).port;
    try {
      await expect(send(`http://127.0.0.1:${rport}/`, true)).resolves.toBe(302);
      expect(received).toEqual([]);
    } finally {
      await new Promise<void>((resolve) => redirector.close(() => resolve()));
    }
  });
});
