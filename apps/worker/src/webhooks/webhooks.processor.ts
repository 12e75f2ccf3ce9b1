import { Inject, Injectable } from '@nestjs/common';
import { DeliverWebhook, RecoverWebhookDeliveries } from '@cb/application';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { QUEUES, settleOutcome } from '@cb/jobs';
import { QueueProcessor } from '../common/queue-processor';
import { WorkerJobs } from '../common/worker-jobs';

/** Its own queue and concurrency: slow or dead receivers only ever occupy webhook workers. */
@Injectable()
export class WebhooksProcessor extends QueueProcessor {
  constructor(
    @Inject(WorkerJobs) jobs: WorkerJobs,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(DeliverWebhook) deliver: DeliverWebhook,
    @Inject(RecoverWebhookDeliveries) recover: RecoverWebhookDeliveries,
  ) {
    super(jobs, config, QUEUES.webhooks, { concurrency: 10 });
    this.handle({
      'webhook.deliver': async (p, ctx) => settleOutcome(await deliver.execute(p, ctx)),
      'webhooks.recover': () => recover.execute(),
    });
  }
}
