import { Inject, Injectable } from '@nestjs/common';
import { ExpandImport } from '@cb/application';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { QUEUES } from '@cb/jobs';
import { QueueProcessor } from '../common/queue-processor';
import { WorkerJobs } from '../common/worker-jobs';

/**
 * Bulk imports, one ZIP at a time per worker (its files' parses run on document-extraction). A worker that
 * dies mid-import loses its lock; another takes the job again and continues with the first undecided file.
 */
@Injectable()
export class ImportsProcessor extends QueueProcessor {
  constructor(
    @Inject(WorkerJobs) jobs: WorkerJobs,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(ExpandImport) expand: ExpandImport,
  ) {
    super(jobs, config, QUEUES.imports, {
      concurrency: 1,
      lockDuration: config.workerLockMs,
      stalledInterval: config.workerStalledIntervalMs,
      maxStalledCount: 10,
    });
    this.handle(
      { 'import.expand': (p) => expand.execute(p) },
      { 'import.expand': (p, reason) => expand.giveUp(p, reason) },
    );
  }
}
