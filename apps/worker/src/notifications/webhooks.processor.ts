import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InvalidPayloadError, QUEUES, parsePayload } from '@cb/jobs';
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
      case 'webhook.deliver': {
        let payload;
        try {
          payload = parsePayload('webhook.deliver', job.data);
        } catch (err) {
          if (err instanceof InvalidPayloadError)
            throw new UnrecoverableError(`invalid payload: ${err.message}`);
          throw err;
        }
        const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
        const outcome = await this.deliverer.deliver(payload, { finalAttempt });
        if (outcome.result === 'retry') throw new Error(outcome.reason);
        if (outcome.result === 'failed') throw new UnrecoverableError(outcome.reason);
        return outcome;
      }
      case 'webhooks.contracts':
        return this.contractEvents.scan();
      default:
        throw new UnrecoverableError(`No handler for job ${job.name}`);
    }
  }

  /** Every failed attempt is logged (failed tenant jobs are not kept in Redis; see job-options). */
  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, err: Error): void {
    this.logger.warn(
      { job: job?.name, jobId: job?.id, attemptsMade: job?.attemptsMade, err: err.message },
      'Job attempt failed',
    );
  }
}
