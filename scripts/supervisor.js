// Runs child processes and keeps them running: a child that exits on its own is restarted after a
// growing delay (1 s, 2 s, 4 s ... up to 30 s; back to 1 s once it has stayed up for a minute), and
// one child dying never stops the others. SIGINT/SIGTERM stop them all and then the supervisor.
// Lines are JSON, like the product's own logs, so that `npm start` keeps one log format on stdout.
const { spawn } = require('node:child_process');

function logLine(level, msg, extra = {}, write = (line) => process.stdout.write(line)) {
  const levels = { info: 30, warn: 40, error: 50 };
  write(
    JSON.stringify({ level: levels[level], time: Date.now(), name: 'supervisor', msg, ...extra }) +
      '\n',
  );
}

/**
 * @param {{ name: string, command: string, args: string[], cwd?: string, env?: object,
 *           stdio?: import('node:child_process').StdioOptions }[]} specs (stdio: default inherit)
 * @param {{ initialDelayMs?: number, maxDelayMs?: number, stableAfterMs?: number, log?: Function,
 *           exitProcess?: boolean }} [options]
 */
function supervise(specs, options = {}) {
  const initialDelayMs = options.initialDelayMs ?? 1000;
  const maxDelayMs = options.maxDelayMs ?? 30_000;
  const stableAfterMs = options.stableAfterMs ?? 60_000;
  const log = options.log ?? logLine;
  let stopping = false;
  const state = specs.map((spec) => ({
    spec,
    child: null,
    delay: initialDelayMs,
    timer: null,
    restarts: 0,
  }));

  function start(s) {
    const startedAt = Date.now();
    // Each child also gets an IPC channel: when the supervisor dies (killed, or its output pipe closed),
    // the channel closes and the child stops itself (installProcessGuards in libs/config).
    const stdio = s.spec.stdio ?? 'inherit';
    const child = spawn(s.spec.command, s.spec.args, {
      cwd: s.spec.cwd,
      env: s.spec.env ?? process.env,
      stdio: [...(Array.isArray(stdio) ? stdio : [stdio, stdio, stdio]).slice(0, 3), 'ipc'],
    });
    s.child = child;
    child.on('exit', (code, signal) => {
      s.child = null;
      if (stopping) return;
      if (Date.now() - startedAt >= stableAfterMs) s.delay = initialDelayMs;
      const delay = s.delay;
      s.delay = Math.min(s.delay * 2, maxDelayMs);
      s.restarts += 1;
      log(
        'error',
        `${s.spec.name} exited (${signal ?? `code ${code}`}); restarting in ${delay} ms`,
        {
          child: s.spec.name,
          code,
          signal,
          restartInMs: delay,
          restarts: s.restarts,
        },
      );
      s.timer = setTimeout(() => {
        s.timer = null;
        if (!stopping) start(s);
      }, delay);
    });
  }

  for (const s of state) start(s);

  /** Stops every child (SIGTERM, then SIGKILL after graceMs) and resolves when all have exited. */
  function stop(graceMs = 10_000) {
    stopping = true;
    return Promise.all(
      state.map((s) => {
        if (s.timer) clearTimeout(s.timer);
        const child = s.child;
        if (!child) return Promise.resolve();
        return new Promise((resolve) => {
          const kill = setTimeout(() => child.kill('SIGKILL'), graceMs);
          child.once('exit', () => {
            clearTimeout(kill);
            resolve();
          });
          child.kill('SIGTERM');
        });
      }),
    );
  }

  return {
    stop,
    pids: () => state.map((s) => s.child?.pid ?? null),
    restarts: () => state.map((s) => s.restarts),
  };
}

module.exports = { supervise, logLine };
