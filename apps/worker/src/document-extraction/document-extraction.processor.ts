import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InvalidPayloadError, parsePayload, QUEUES } from '@cb/jobs';
import { UnrecoverableError, type Job } from 'bullmq';
import { ContractParseHandler } from './contract-parse.handler';

/** One WorkerHost per queue; every job name must have a handler. */
@Processor(QUEUES.documentExtraction, { concurrency: 2, lockDuration: 120_000, maxStalledCount: 2 })
export class DocumentExtractionProcessor extends WorkerHost {
  private readonly logger = new Logger(DocumentExtractionProcessor.name);

  constructor(private readonly parse: ContractParseHandler) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    try {
      switch (job.name) {
        case 'contract.parse':
          return await this.parse.handle(parsePayload('contract.parse', job.data));
        default:
          throw new UnrecoverableError(`No handler for job ${job.name}`);
      }
    } catch (err) {
      if (err instanceof InvalidPayloadError) throw new UnrecoverableError(`Invalid payload: ${err.message}`);
      throw err;
    }
  }

  @OnWorkerEvent('failed')
  async onFailed(job: Job | undefined, err: Error): Promise<void> {
    if (!job || job.name !== 'contract.parse') return;
    const final = err instanceof UnrecoverableError || job.attemptsMade >= (job.opts.attempts ?? 1);
    this.logger.warn({ jobId: job.id, attempt: job.attemptsMade, final, err: err.message }, 'Parse attempt failed');
    if (!final) return;
    try {
      await this.parse.giveUp(parsePayload('contract.parse', job.data), err.message);
    } catch (e) {
      this.logger.error({ err: e, jobId: job.id }, 'Could not mark the contract failed; the sweeper will');
    }
  }
}
