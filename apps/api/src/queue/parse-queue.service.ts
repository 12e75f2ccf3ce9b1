import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger } from '@nestjs/common';
import { JOB_OPTIONS, QUEUES, enqueueWithin, parseJobId, type JobPayloads } from '@cb/jobs';
import type { Queue } from 'bullmq';

const ENQUEUE_TIMEOUT_MS = 3000;

/**
 * Enqueues parse jobs after the contract is committed. If Redis is unreachable the upload still
 * succeeds: the contract stays `processing` and the worker's sweeper enqueues it once Redis is back.
 */
@Injectable()
export class ParseQueueService {
  private readonly logger = new Logger(ParseQueueService.name);

  constructor(@InjectQueue(QUEUES.documentExtraction) private readonly queue: Queue) {}

  async enqueue(payload: JobPayloads['contract.parse']): Promise<boolean> {
    try {
      await enqueueWithin(
        this.queue.add('contract.parse', payload, {
          ...JOB_OPTIONS['contract.parse'],
          jobId: parseJobId(payload),
        }),
        ENQUEUE_TIMEOUT_MS,
      );
      return true;
    } catch (err) {
      this.logger.warn(
        { err, contractId: payload.contractId },
        'Could not enqueue the parse job; the sweeper will retry',
      );
      return false;
    }
  }
}
