import { randomUUID } from 'node:crypto';

export interface ProcessGuardLogger {
  error(obj: Record<string, unknown>, msg: string): void;
  warn?(obj: Record<string, unknown>, msg: string): void;
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
  const offSupervisor = stopWithSupervisor(name, logger);
  return () => {
    process.off('unhandledRejection', onRejection);
    process.off('uncaughtException', onException);
    offSupervisor();
  };
}

/** The part of a process that stopWithSupervisor uses (the real `process` in production). */
export interface SupervisedProcess {
  readonly pid: number;
  readonly connected?: boolean;
  readonly channel?: { unref(): void };
  once(event: 'disconnect', listener: () => void): unknown;
  off(event: 'disconnect', listener: () => void): unknown;
  kill(pid: number, signal: NodeJS.Signals): unknown;
}

/**
 * A process started by the supervisor (scripts/supervisor.js) holds an IPC channel to it. When the
 * channel closes the supervisor is gone (killed, or its terminal or output pipe closed), and the
 * process stops cleanly with SIGTERM (Nest's shutdown hooks) instead of running on unsupervised,
 * holding the port, with nobody to restart or stop it. Without a channel (started on its own, or by
 * a platform's process manager) nothing changes.
 */
export function stopWithSupervisor(
  name: string,
  logger: ProcessGuardLogger,
  proc: SupervisedProcess = process as SupervisedProcess,
): () => void {
  if (!proc.connected) return () => undefined;
  // The channel alone must not keep the process alive once its own work has ended.
  proc.channel?.unref();
  const onDisconnect = () => {
    (logger.warn ?? logger.error).call(
      logger,
      { process: name },
      'The supervisor is gone (its IPC channel closed); stopping',
    );
    proc.kill(proc.pid, 'SIGTERM');
  };
  proc.once('disconnect', onDisconnect);
  return () => proc.off('disconnect', onDisconnect);
}
