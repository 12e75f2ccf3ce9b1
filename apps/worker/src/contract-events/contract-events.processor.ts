import { Inject, Injectable } from '@nestjs/common';
import { PublishContractEvent, SweepContractEvents } from '@cb/application';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { QUEUES } from '@cb/jobs';
import { QueueProcessor } from '../common/queue-processor';
import { WorkerJobs } from '../common/worker-jobs';

/** Finished parses (the contract_events outbox) handed to webhooks, alerts and the live status. */
@Injectable()
export class ContractEventsProcessor extends QueueProcessor {
  constructor(
    @Inject(WorkerJobs) jobs: WorkerJobs,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(PublishContractEvent) publish: PublishContractEvent,
    @Inject(SweepContractEvents) sweep: SweepContractEvents,
  ) {
    super(jobs, config, QUEUES.contractEvents, { concurrency: 5 });
    this.handle({
      'contract-event.publish': (p) => publish.execute(p),
      'contract-events.sweep': () => sweep.execute(),
    });
  }
}
