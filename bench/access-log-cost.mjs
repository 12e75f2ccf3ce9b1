// `node bench/access-log-cost.mjs`: the CPU cost of one access-log line of the API (pino-http, as configured in
// apps/api/src/api.module.ts: request id, method, redacted URL, status, response time), in process, against
// LOG_LEVEL=warn, where the line is not written. The output goes to /dev/null through pino's own destination,
// as in production (to stdout, read by the platform's log collector). Needs `npm run build` (the real config).
import http from 'node:http';
import net from 'node:net';
import { performance } from 'node:perf_hooks';
import path from 'node:path';
import pino from 'pino';
import pinoHttp from 'pino-http';

const N = Number(process.env.N ?? 100_000);
const { redactPath } = await import(path.resolve('dist/apps/api/src/common/log-redaction.js'));

function logger(level, lean) {
  return pinoHttp({
    logger: pino({ level }, pino.destination({ dest: '/dev/null', sync: false })),
    genReqId: () => '5b8f1f2e-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["idempotency-key"]'],
    serializers: {
      req: (req) => ({ id: req.id, method: req.method, url: redactPath(req.url) }),
      ...(lean ? { res: (res) => ({ statusCode: res.statusCode }) } : {}),
    },
  });
}

function fakeExchange() {
  const req = new http.IncomingMessage(new net.Socket());
  req.method = 'GET';
  req.url = '/v1/contracts/0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d?expand=evidence';
  req.headers = {
    authorization: 'Bearer x.y.z',
    accept: 'application/json',
    'user-agent': 'bench',
  };
  const res = new http.ServerResponse(req);
  res.statusCode = 200;
  for (const [k, v] of Object.entries({
    'content-type': 'application/json; charset=utf-8',
    'content-length': '5120',
    'x-request-id': '5b8f1f2e-3c4d-4e5f-8a9b-0c1d2e3f4a5b',
    etag: 'W/"1400-abc"',
    'strict-transport-security': 'max-age=31536000',
    'x-content-type-options': 'nosniff',
  }))
    res.setHeader(k, v);
  return { req, res };
}

function measure(level, lean) {
  const log = logger(level, lean);
  const exchanges = Array.from({ length: N }, fakeExchange);
  const cpu = process.cpuUsage();
  const t = performance.now();
  for (const { req, res } of exchanges) {
    log(req, res);
    res.emit('finish');
  }
  const used = process.cpuUsage(cpu);
  return {
    config: `${level}${level === 'info' ? (lean ? ', lean res' : ', all res headers') : ''}`,
    'µs CPU per request': Number(((used.user + used.system) / N).toFixed(1)),
    'µs wall per request': Number((((performance.now() - t) * 1000) / N).toFixed(1)),
  };
}

// Once each to warm up, then measured.
for (const [level, lean] of [
  ['warn', true],
  ['info', false],
  ['info', true],
])
  measure(level, lean);
console.table([measure('warn', true), measure('info', false), measure('info', true)]);
