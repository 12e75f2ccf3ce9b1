import { randomUUID } from 'node:crypto';

export interface ProcessGuardLogger {
  error(obj: Record<string, unknown>, msg: string): void;
}

/**
 * Keeps one bad request (or one bad job) from stopping the process for every tenant: an unhandled
 * rejection or an exception thrown from an event handler is logged with an errorId and the process
 * goes on serving. Requests reach the problem filter (500 with an errorId) through their own
 * promise chain; this is the last line for code that escaped it. A supervisor (scripts/start.js)
 * still restarts a process that dies for a reason no handler can catch (out of memory, a signal).
 */
export function installProcessGuards(name: string, logger: ProcessGuardLogger): () => void {
  const onRejection = (reason: unknown) => {
    logger.error(
      { errorId: randomUUID(), err: reason, process: name },
      'Unhandled promise rejection (kept running)',
    );
  };
  const onException = (err: Error) => {
    logger.error(
      { errorId: randomUUID(), err, process: name },
      'Uncaught exception (kept running)',
    );
  };
  process.on('unhandledRejection', onRejection);
  process.on('uncaughtException', onException);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
  };
}
