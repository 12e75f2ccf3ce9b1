import { Inject, Injectable } from '@nestjs/common';
import {
  CheckTrials,
  RefreshCommonSearchWords,
  RefreshPassedDeadlines,
  SweepImports,
  SweepStuckContracts,
} from '@cb/application';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { QUEUES } from '@cb/jobs';
import { QueueProcessor } from '../common/queue-processor';
import { WorkerJobs } from '../common/worker-jobs';

/** The maintenance ticks, one at a time: stuck contracts, passed deadlines, trials, lost imports, search words. */
@Injectable()
export class MaintenanceProcessor extends QueueProcessor {
  constructor(
    @Inject(WorkerJobs) jobs: WorkerJobs,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(SweepStuckContracts) sweep: SweepStuckContracts,
    @Inject(RefreshPassedDeadlines) refresh: RefreshPassedDeadlines,
    @Inject(CheckTrials) checkTrials: CheckTrials,
    @Inject(SweepImports) sweepImports: SweepImports,
    @Inject(RefreshCommonSearchWords) commonWords: RefreshCommonSearchWords,
  ) {
    super(jobs, config, QUEUES.maintenance, { concurrency: 1 });
    this.handle({
      'contracts.sweep': () => sweep.execute(),
      'deadlines.refresh': () => refresh.execute(),
      'subscriptions.check': () => checkTrials.execute(),
      'imports.sweep': () => sweepImports.execute(),
      'search.common-words': () => commonWords.execute(),
    });
  }
}
