// Evenly paced fixed-rate load: one request every 1000/rate ms, each on a kept-alive connection of a pool,
// latency counted from the moment the request was due (so a server that falls behind shows it, coordinated
// omission corrected), for bench/api.mjs.
//
// Why not autocannon's `overallRate`: it gives each connection a quota per second, and every connection sends
// its quota back to back at the start of each second (node_modules/autocannon/lib/httpClient.js, `rateInterval`
// and `reqsMadeThisSecond`), so "200 rps" arrives as one burst of 200 requests each second. A burst of 200
// requests of 1.4 ms each queues the last for 280 ms: the p99 measures the burst, not the server at that rate.
// The figures are for evenly paced requests.
import fs from 'node:fs';
import http from 'node:http';

/**
 * BENCH_TRACE=<file>: each answered request's path, the rate, its due time (Unix ms) and its latency
 * (ms), appended as CSV: whether slow requests are spread over the run (queueing) or bunched (a stall).
 */
const TRACE = process.env.BENCH_TRACE;

/**
 * Sends `rate` requests a second for `duration` seconds; `next(i)` gives the i-th request's path and headers.
 * Resolves to autocannon's result shape (the fields bench/api.mjs reads): requests.average and total,
 * latency.p50/p90/p99/max (ms), errors, timeouts, non2xx; and errorCodes, how many of the errors had each code.
 */
export function pacedLoad({ port, rate, duration, next, connections = 100, timeoutMs = 10_000 }) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const interval = 1000 / rate;
  const total = Math.round(rate * duration);
  const latencies = [];
  const trace = TRACE ? [] : null;
  let errors = 0;
  let timeouts = 0;
  let non2xx = 0;
  const errorCodes = {};
  let done = 0;
  const start = performance.now();

  return new Promise((resolve) => {
    let finished = false;
    // Like autocannon, the run ends at its duration (plus the timeout for the last requests): what has not
    // been answered by then counts as timed out, however long the server's queue is.
    const stop = setTimeout(
      () => {
        timeouts += total - done;
        finish();
      },
      duration * 1000 + timeoutMs,
    );
    const finish = () => {
      if (finished) return;
      finished = true;
      clearTimeout(stop);
      agent.destroy();
      if (trace) fs.appendFileSync(TRACE, `${trace.join('\n')}\n`);
      latencies.sort((a, b) => a - b);
      const at = (q) =>
        latencies.length
          ? latencies[Math.min(latencies.length - 1, Math.ceil(q * latencies.length) - 1)]
          : 0;
      resolve({
        requests: { average: latencies.length / duration, total: latencies.length },
        latency: { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1) },
        errors,
        timeouts,
        non2xx,
        errorCodes,
      });
    };
    const send = (i) => {
      const due = start + i * interval;
      const { path, headers } = next(i);
      const req = http.get(
        { host: '127.0.0.1', port, path, headers, agent, timeout: timeoutMs },
        (res) => {
          res.resume();
          res.on('end', () => {
            const latency = Math.round(performance.now() - due);
            latencies.push(latency);
            trace?.push(`${path},${rate},${Math.round(performance.timeOrigin + due)},${latency}`);
            if (res.statusCode < 200 || res.statusCode >= 300) non2xx++;
            if (++done === total) finish();
          });
        },
      );
      req.on('timeout', () =>
        req.destroy(Object.assign(new Error('timeout'), { code: 'TIMEOUT' })),
      );
      req.on('error', (e) => {
        if (finished) return;
        if (e.code === 'TIMEOUT') timeouts++;
        else {
          errors++;
          const code = e.code ?? e.message;
          errorCodes[code] = (errorCodes[code] ?? 0) + 1;
        }
        if (++done === total) finish();
      });
    };
    // A timer tick can be late: each tick sends every request that has fallen due since the last one.
    let sent = 0;
    const tick = () => {
      const due = Math.min(total, Math.floor((performance.now() - start) / interval) + 1);
      while (sent < due) send(sent++);
      if (sent < total && !finished)
        setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
    };
    tick();
  });
}
