import type { Logger } from '@nestjs/common';

/** While Redis is unreachable, one log line per queue at most this often (ioredis retries every few hundred ms). */
export const QUEUE_ERROR_LOG_EVERY_MS = 30_000;

/**
 * An `error` listener for a queue or worker that logs one warning (with the count since the last) per
 * QUEUE_ERROR_LOG_EVERY_MS. Without a listener BullMQ prints every failed reconnect to the console, several
 * times a second while Redis is down.
 */
export function throttledQueueErrorLog(logger: Logger, queue: string): (err: Error) => void {
  let last = 0;
  let suppressed = 0;
  return (err: Error) => {
    const now = Date.now();
    if (now - last < QUEUE_ERROR_LOG_EVERY_MS) {
      suppressed++;
      return;
    }
    logger.warn(
      { queue, err: err.message, repeatsSinceLastLog: suppressed },
      'Queue connection error',
    );
    last = now;
    suppressed = 0;
  };
}
