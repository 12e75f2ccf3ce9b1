import { Inject, Injectable } from '@nestjs/common';
import { GiveUpParse, ParseContract } from '@cb/application';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { QUEUES } from '@cb/jobs';
import { QueueProcessor } from '../common/queue-processor';
import { WorkerJobs } from '../common/worker-jobs';

/**
 * Parsing. Concurrency, the job lock and the stalled-job check come from configuration: when a worker dies
 * mid-job, its lock expires and another worker takes the job again. After the last attempt the contract is
 * given up (failed), never left in `processing`.
 */
@Injectable()
export class DocumentExtractionProcessor extends QueueProcessor {
  constructor(
    @Inject(WorkerJobs) jobs: WorkerJobs,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(ParseContract) parse: ParseContract,
    @Inject(GiveUpParse) giveUp: GiveUpParse,
  ) {
    super(jobs, config, QUEUES.documentExtraction, {
      concurrency: config.workerConcurrency,
      lockDuration: config.workerLockMs,
      stalledInterval: config.workerStalledIntervalMs,
      maxStalledCount: 2,
    });
    this.handle(
      { 'contract.parse': (p) => parse.execute(p) },
      { 'contract.parse': (p, reason) => giveUp.execute(p, reason) },
    );
  }
}
