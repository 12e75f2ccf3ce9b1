import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import type { Queue } from 'bullmq';
import { enqueueWithin } from './enqueue-within';
import { JOB_OPTIONS } from './job-options';
import type { JobPayloads } from './job-payloads';
import { QUEUES } from './queue-names';

const ENQUEUE_TIMEOUT_MS = 2000;

/**
 * Asks for a one-tenant alert scan after its deadlines changed. Never fails the caller: if Redis is
 * unreachable the change is already committed, and the next scheduled scan finds what is due.
 */
@Injectable()
export class AlertsRefreshQueue {
  private readonly logger = new Logger(AlertsRefreshQueue.name);

  constructor(@InjectQueue(QUEUES.alerts) private readonly queue: Queue) {}

  async request(tenantId: string): Promise<void> {
    const data: JobPayloads['alerts.refresh'] = { tenantId };
    try {
      await enqueueWithin(
        this.queue.add('alerts.refresh', data, JOB_OPTIONS['alerts.refresh']),
        ENQUEUE_TIMEOUT_MS,
      );
    } catch (err) {
      this.logger.warn(
        { err, tenantId },
        'Could not request an alert refresh; the next scan will find due alerts',
      );
    }
  }
}
