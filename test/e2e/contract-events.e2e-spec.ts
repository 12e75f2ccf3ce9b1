import http from 'node:http';
import type { AddressInfo } from 'node:net';
import request from 'supertest';
import { signUp, waitForParsed, type SignedUp } from '../support/api-client';
import { queryOnce } from '../support/database';
import { startTestServer, type TestServer } from '../support/test-server';

interface ServerSentEvent {
  id?: string;
  event: string;
  data: string;
}

/** A live-status stream (GET /v1/contract-events) read as server-sent events. */
function openStream(url: string, token: string, lastEventId?: string) {
  const events: ServerSentEvent[] = [];
  const waiters: (() => void)[] = [];
  let req: http.ClientRequest;
  const opened = new Promise<number>((resolve, reject) => {
    req = http.get(
      `${url}/v1/contract-events`,
      {
        headers: {
          Authorization: `Bearer ${token}`,
          Accept: 'text/event-stream',
          ...(lastEventId ? { 'Last-Event-ID': lastEventId } : {}),
        },
      },
      (res) => {
        resolve(res.statusCode ?? 0);
        let buffer = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          buffer += chunk;
          let end: number;
          while ((end = buffer.indexOf('\n\n')) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const e: ServerSentEvent = { event: 'message', data: '' };
            for (const line of block.split('\n')) {
              const [field, ...rest] = line.split(':');
              const value = rest.join(':').replace(/^ /, '');
              if (field === 'id') e.id = value;
              else if (field === 'event') e.event = value;
              else if (field === 'data') e.data += value;
            }
            if (block.startsWith(':')) continue; // a comment
            events.push(e);
            waiters.splice(0).forEach((w) => w());
          }
        });
      },
    );
    req.on('error', reject);
  });
  const next = async (match: (e: ServerSentEvent) => boolean, timeoutMs = 60_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = events.find(match);
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(`no matching event; got ${JSON.stringify(events)}`);
      await new Promise<void>((resolve) => {
        waiters.push(resolve);
        setTimeout(resolve, 500);
      });
    }
  };
  return { opened, events, next, close: () => req.destroy() };
}

describe('one event for a finished parse: the outbox feeds webhooks, alerts and the live status', () => {
  let server: TestServer;
  let receiver: http.Server;
  let receiverUrl: string;
  const hooks: { type: string; data: { contractId: string; status: string } }[] = [];

  beforeAll(async () => {
    receiver = http.createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        hooks.push(JSON.parse(body));
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    server = await startTestServer({ env: { WEBHOOK_ALLOW_PRIVATE_URLS: 'true' } });
  }, 60_000);
  afterAll(async () => {
    await server?.close();
    await new Promise<void>((resolve) => receiver.close(() => resolve()));
  });

  const upload = (u: SignedUp, text: string) =>
    request(server.url)
      .post('/v1/contracts')
      .set('Authorization', `Bearer ${u.token}`)
      .attach('file', Buffer.from(text), 'agreement.txt');

  it('a parse streams its outcome to the tenant, once, and to no other tenant; a webhook gets the same event', async () => {
    const a = await signUp(server.url);
    const b = await signUp(server.url);
    const hook = await request(server.url)
      .post('/v1/webhooks')
      .set('Authorization', `Bearer ${a.token}`)
      .send({ url: receiverUrl, events: ['contract.parsed', 'contract.failed'] });
    expect(hook.status).toBe(201);
    const streamA = openStream(server.url, a.token);
    const streamB = openStream(server.url, b.token);
    expect(await streamA.opened).toBe(200);
    expect(await streamB.opened).toBe(200);
    await streamA.next((e) => e.event === 'ready');
    await streamB.next((e) => e.event === 'ready');
    try {
      const up = await upload(
        a,
        'This Agreement between Alpha Oy and Beta AB is governed by Finnish law.\n',
      );
      expect(up.status).toBe(202);
      const event = await streamA.next((e) => e.event === 'contract');
      const data = JSON.parse(event.data) as Record<string, unknown>;
      expect(data).toMatchObject({
        type: 'contract.parsed',
        contractId: up.body.id,
        parseVersion: 1,
      });
      expect(['parsed', 'needs_review']).toContain(data.status);
      expect(event.id).toBe(String(data.id));
      // What the stream said is what the API says.
      const contract = await waitForParsed(server.url, a.token, up.body.id);
      expect(contract.status).toBe(data.status);
      // The webhook consumer got the same event, once.
      const deadline = Date.now() + 30_000;
      while (!hooks.some((h) => h.data.contractId === up.body.id) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 200));
      expect(hooks.filter((h) => h.data.contractId === up.body.id)).toEqual([
        expect.objectContaining({ type: 'contract.parsed' }),
      ]);
      // Written in the parse transaction, one row per parse version, and handed over.
      const rows = await queryOnce<{ parse_version: number; published: boolean }>(
        server.db.url,
        `SELECT parse_version, published_at IS NOT NULL AS published FROM contract_events WHERE contract_id = $1`,
        [up.body.id],
      );
      expect(rows).toEqual([{ parse_version: 1, published: true }]);
      // Tenant B saw nothing of it.
      expect(streamB.events.filter((e) => e.event === 'contract')).toEqual([]);
    } finally {
      streamA.close();
      streamB.close();
    }
  }, 120_000);

  it('a reconnecting client replays what it missed after its Last-Event-ID; a reparse is a new event', async () => {
    const a = await signUp(server.url);
    const up = await upload(a, 'A short agreement.\n');
    await waitForParsed(server.url, a.token, up.body.id);
    const replay = openStream(server.url, a.token, '0');
    try {
      const first = await replay.next((e) => e.event === 'contract');
      expect(JSON.parse(first.data)).toMatchObject({ contractId: up.body.id, parseVersion: 1 });
      const reparse = await request(server.url)
        .post(`/v1/contracts/${up.body.id}/reparse`)
        .set('Authorization', `Bearer ${a.token}`);
      expect(reparse.status).toBe(202);
      const second = await replay.next(
        (e) => e.event === 'contract' && JSON.parse(e.data).parseVersion === 2,
      );
      expect(Number(second.id)).toBeGreaterThan(Number(first.id));
    } finally {
      replay.close();
    }
    const resumed = openStream(server.url, a.token, '0');
    try {
      await resumed.next((e) => e.event === 'ready');
      await resumed.next((e) => e.event === 'contract' && JSON.parse(e.data).parseVersion === 2);
      expect(resumed.events.filter((e) => e.event === 'contract')).toHaveLength(2);
    } finally {
      resumed.close();
    }
  }, 120_000);

  it('needs a token and contracts:read', async () => {
    const anonymous = openStream(server.url, 'nope');
    expect(await anonymous.opened).toBe(401);
    anonymous.close();
  });
});
