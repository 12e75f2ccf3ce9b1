import { Processor, WorkerHost } from '@nestjs/bullmq';
import { QUEUES } from '@cb/jobs';
import { UnrecoverableError, type Job } from 'bullmq';
import { ContractSweepHandler } from './contract-sweep.handler';
import { DeadlineRefreshHandler } from './deadline-refresh.handler';
import { SubscriptionCheckHandler } from './subscription-check.handler';

@Processor(QUEUES.maintenance, { concurrency: 1 })
export class MaintenanceProcessor extends WorkerHost {
  constructor(
    private readonly sweeper: ContractSweepHandler,
    private readonly deadlines: DeadlineRefreshHandler,
    private readonly subscriptions: SubscriptionCheckHandler,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case 'contracts.sweep':
        return this.sweeper.sweep();
      case 'deadlines.refresh':
        return this.deadlines.refresh();
      case 'subscriptions.check':
        return this.subscriptions.check();
      default:
        throw new UnrecoverableError(`No handler for job ${job.name}`);
    }
  }
}
