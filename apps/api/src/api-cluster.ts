import cluster, { type Worker } from 'node:cluster';
import type { Logger } from 'pino';

/** A worker that ran this long before it died is restarted at once again (its crash was not a boot loop). */
const STABLE_AFTER_MS = 30_000;
const FIRST_RESTART_DELAY_MS = 500;
const MAX_RESTART_DELAY_MS = 30_000;
/** How long the workers get to finish their requests after SIGTERM before they are killed. */
const STOP_TIMEOUT_MS = 20_000;

/**
 * How long to wait before restarting a worker that died after `crashes` short runs in a row (0: it had run
 * STABLE_AFTER_MS, so at once): 500 ms, 1 s, 2 s ... up to 30 s.
 */
export function restartDelayMs(crashes: number): number {
  if (crashes <= 0) return 0;
  return Math.min(MAX_RESTART_DELAY_MS, FIRST_RESTART_DELAY_MS * 2 ** (crashes - 1));
}

export interface ApiClusterOptions {
  workers: number;
  logger: Logger;
  /** Called when every worker has exited after a stop signal (default: exit 0). */
  onStopped?: () => void;
}

/**
 * The primary of `API_WORKERS` > 1: forks that many API processes, which share the port (node's cluster module
 * hands each connection to one of them in turn), restarts one that dies with an exponential backoff (500 ms
 * doubling to 30 s, reset once it has stayed up 30 s), and on SIGTERM or SIGINT passes the signal on, waits for
 * every worker to finish its requests and exit (each closes through Nest's shutdown hooks), then exits.
 */
export function runApiCluster({ workers, logger, onStopped }: ApiClusterOptions): void {
  let stopping = false;
  const live = new Set<Worker>();
  const restarts = new Set<NodeJS.Timeout>();

  const fork = (slot: number, failures: number): void => {
    const startedAt = Date.now();
    const worker = cluster.fork();
    live.add(worker);
    worker.once('exit', (code, signal) => {
      live.delete(worker);
      if (stopping) {
        if (live.size === 0) finish();
        return;
      }
      const crashes = Date.now() - startedAt >= STABLE_AFTER_MS ? 0 : failures + 1;
      const delay = restartDelayMs(crashes);
      logger.error(
        { worker: worker.id, workerPid: worker.process.pid, code, signal, restartInMs: delay },
        'API worker exited; restarting it',
      );
      const timer = setTimeout(() => {
        restarts.delete(timer);
        if (!stopping) fork(slot, crashes);
      }, delay);
      restarts.add(timer);
    });
  };

  const finish = (): void => {
    logger.info('all API workers stopped');
    (onStopped ?? (() => process.exit(0)))();
  };

  const stop = (signal: NodeJS.Signals): void => {
    if (stopping) return;
    stopping = true;
    for (const timer of restarts) clearTimeout(timer);
    logger.info({ signal, workers: live.size }, 'stopping the API workers');
    if (live.size === 0) {
      finish();
      return;
    }
    for (const worker of live) worker.process.kill(signal);
    setTimeout(() => {
      for (const worker of live) {
        logger.error(
          { worker: worker.id, workerPid: worker.process.pid },
          'API worker did not stop; killing it',
        );
        worker.process.kill('SIGKILL');
      }
    }, STOP_TIMEOUT_MS).unref();
  };

  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  logger.info({ workers }, 'starting the API workers');
  for (let slot = 0; slot < workers; slot++) fork(slot, 0);
}
