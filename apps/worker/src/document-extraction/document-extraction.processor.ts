import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { jobPayload, parsePayload, QUEUES, redisConnectionOptions } from '@cb/jobs';
import { UnrecoverableError, Worker, type Job } from 'bullmq';
import { ContractParseHandler } from './contract-parse.handler';

/**
 * The document-extraction queue's worker. It is built here rather than through @Processor so that
 * concurrency, the job lock and the stalled-job check come from configuration: when a worker dies
 * mid-job, its lock expires and another worker takes the job again.
 */
@Injectable()
export class DocumentExtractionProcessor implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DocumentExtractionProcessor.name);
  private worker: Worker | null = null;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(ContractParseHandler) private readonly parse: ContractParseHandler,
  ) {}

  onApplicationBootstrap(): void {
    this.worker = new Worker(QUEUES.documentExtraction, (job) => this.process(job), {
      connection: redisConnectionOptions(this.config.redisUrl),
      prefix: this.config.queuePrefix,
      concurrency: this.config.workerConcurrency,
      lockDuration: this.config.workerLockMs,
      stalledInterval: this.config.workerStalledIntervalMs,
      maxStalledCount: 2,
    });
    this.worker.on('failed', (job, err) => void this.onFailed(job, err));
    this.worker.on('error', (err) => this.logger.error({ err }, 'Worker error'));
  }

  /** Graceful drain: waits for the jobs in progress before the process exits. */
  async onApplicationShutdown(): Promise<void> {
    await this.worker?.close();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case 'contract.parse':
        return this.parse.handle(jobPayload('contract.parse', job.data));
      default:
        throw new UnrecoverableError(`No handler for job ${job.name}`);
    }
  }

  async onFailed(job: Job | undefined, err: Error): Promise<void> {
    if (!job || job.name !== 'contract.parse') return;
    const final = err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    this.logger.warn(
      { jobId: job.id, attempt: job.attemptsMade, final, err: err.message },
      'Parse attempt failed',
    );
    if (!final) return;
    try {
      await this.parse.giveUp(parsePayload('contract.parse', job.data), err.message);
    } catch (e) {
      this.logger.error(
        { err: e, jobId: job.id },
        'Could not mark the contract failed; the sweeper will',
      );
    }
  }
}
