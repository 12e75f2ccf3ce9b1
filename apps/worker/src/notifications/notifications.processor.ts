import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { InvalidPayloadError, QUEUES, parsePayload } from '@cb/jobs';
import { UnrecoverableError, type Job } from 'bullmq';
import { AlertSendHandler } from './alert-send.handler';
import { DigestHandler } from './digest.handler';

/** The `notifications` queue: alert e-mails (in batches, or one by one when retried) and weekly digests. */
@Processor(QUEUES.notifications, { concurrency: 5 })
export class NotificationsProcessor extends WorkerHost {
  private readonly logger = new Logger(NotificationsProcessor.name);

  constructor(
    private readonly sender: AlertSendHandler,
    private readonly digests: DigestHandler,
  ) {
    super();
  }

  async process(job: Job): Promise<unknown> {
    try {
      switch (job.name) {
        case 'alerts.send':
          return await this.sender.sendBatch(parsePayload('alerts.send', job.data));
        case 'alert.send': {
          const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
          const outcome = await this.sender.send(parsePayload('alert.send', job.data), {
            finalAttempt,
          });
          if (outcome.result === 'retry') throw new Error(outcome.reason);
          // Recorded on the alert row already; no point retrying.
          if (outcome.result === 'failed') throw new UnrecoverableError(outcome.reason);
          return outcome;
        }
        case 'digest.send': {
          const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
          const outcome = await this.digests.send(parsePayload('digest.send', job.data), {
            finalAttempt,
          });
          if (outcome.result === 'retry') throw new Error(outcome.reason);
          if (outcome.result === 'failed') throw new UnrecoverableError(outcome.reason);
          return outcome;
        }
        default:
          throw new UnrecoverableError(`No handler for job ${job.name}`);
      }
    } catch (err) {
      if (err instanceof InvalidPayloadError)
        throw new UnrecoverableError(`invalid payload: ${err.message}`);
      throw err;
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
