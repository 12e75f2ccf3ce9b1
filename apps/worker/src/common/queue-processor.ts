import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import type { AppConfig } from '@cb/config';
import {
  redisConnectionOptions,
  throttledQueueErrorLog,
  type FinalFailureHandlers,
  type JobHandlers,
  type QueueName,
} from '@cb/jobs';
import { Worker, type WorkerOptions } from 'bullmq';
import type { WorkerJobs } from './worker-jobs';

/**
 * One BullMQ worker per queue. A processor names its queue and its worker options and registers one handler
 * per job (each a one-line call of a use case); the dispatch, the payload validation and the failure log are
 * the registry's. Workers start after the handler map was checked, and drain their jobs at shutdown.
 */
export abstract class QueueProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(this.constructor.name);
  private worker: Worker | null = null;

  protected constructor(
    private readonly jobs: WorkerJobs,
    private readonly config: AppConfig,
    private readonly queue: QueueName,
    private readonly options: Partial<WorkerOptions> = {},
  ) {}

  protected handle(handlers: JobHandlers, onFinalFailure?: FinalFailureHandlers): void {
    this.jobs.register(this.queue, handlers, onFinalFailure);
  }

  onApplicationBootstrap(): void {
    this.worker = new Worker(this.queue, (job) => this.jobs.dispatch(this.queue, job), {
      connection: redisConnectionOptions(this.config.redisUrl),
      prefix: this.config.queuePrefix,
      ...this.options,
    });
    this.worker.on('failed', (job, err) => void this.jobs.failed(job, err));
    this.worker.on('error', throttledQueueErrorLog(this.logger, this.queue));
  }

  /** Graceful drain: waits for the jobs in progress before the process exits. */
  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }
}
