import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { QUEUES, isFinalAttempt, jobPayload, logFailedAttempt, settleOutcome } from '@cb/jobs';
import { UnrecoverableError, type Job } from 'bullmq';
import { ContractEventsHandler } from './contract-events.handler';
import { WebhookDeliverHandler } from './webhook-deliver.handler';

/** Its own queue and concurrency: slow or dead receivers only ever occupy webhook workers. */
@Processor(QUEUES.webhooks, { concurrency: 10 })
export class WebhooksProcessor extends WorkerHost {
  private readonly logger = new Logger(WebhooksProcessor.name);

  constructor(
    private readonly deliverer: WebhookDeliverHandler,
    private readonly contractEvents: ContractEventsHandler,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    switch (job.name) {
      case 'webhook.deliver':
        return settleOutcome(
          await this.deliverer.deliver(jobPayload('webhook.deliver', job.data), {
            finalAttempt: isFinalAttempt(job),
          }),
        );
      case 'webhooks.contracts':
        return this.contractEvents.scan();
      default:
        throw new UnrecoverableError(`No handler for job ${job.name}`);
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, err: Error): void {
    logFailedAttempt(this.logger, job, err);
  }
}
