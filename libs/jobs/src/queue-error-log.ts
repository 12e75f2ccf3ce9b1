import { getQueueToken } from '@nestjs/bullmq';
import { Injectable, Logger, type OnModuleInit } from '@nestjs/common';
import { ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import { QUEUES } from './queue-names';

/** While Redis is unreachable, one log line per queue at most this often (ioredis retries every few hundred ms). */
export const QUEUE_ERROR_LOG_EVERY_MS = 30_000;

/**
 * Routes BullMQ's connection errors into the structured log. Without an `error` listener BullMQ prints every
 * failed reconnect to the console, several times a second while Redis is down; here each queue the process
 * has registered logs one warning (with the count since the last) per QUEUE_ERROR_LOG_EVERY_MS.
 */
@Injectable()
export class QueueErrorLog implements OnModuleInit {
  private readonly logger = new Logger('Queues');

  constructor(private readonly moduleRef: ModuleRef) {}

  onModuleInit(): void {
    for (const name of Object.values(QUEUES)) {
      let queue: Queue;
      try {
        queue = this.moduleRef.get<Queue>(getQueueToken(name), { strict: false });
      } catch {
        continue; // not registered in this process
      }
      let last = 0;
      let suppressed = 0;
      queue.on('error', (err: Error) => {
        const now = Date.now();
        if (now - last < QUEUE_ERROR_LOG_EVERY_MS) {
          suppressed++;
          return;
        }
        this.logger.warn(
          { queue: name, err: err.message, repeatsSinceLastLog: suppressed },
          'Queue connection error',
        );
        last = now;
        suppressed = 0;
      });
    }
  }
}
