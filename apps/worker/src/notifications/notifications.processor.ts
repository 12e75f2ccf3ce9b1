import { OnWorkerEvent, Processor, WorkerHost } from '@nestjs/bullmq';
import { Logger } from '@nestjs/common';
import { QUEUES, isFinalAttempt, jobPayload, logFailedAttempt, settleOutcome } from '@cb/jobs';
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
    switch (job.name) {
      case 'alerts.send':
        return this.sender.sendBatch(jobPayload('alerts.send', job.data));
      case 'alert.send':
        return settleOutcome(
          await this.sender.send(jobPayload('alert.send', job.data), {
            finalAttempt: isFinalAttempt(job),
          }),
        );
      case 'digest.send':
        return settleOutcome(
          await this.digests.send(jobPayload('digest.send', job.data), {
            finalAttempt: isFinalAttempt(job),
          }),
        );
      default:
        throw new UnrecoverableError(`No handler for job ${job.name}`);
    }
  }

  @OnWorkerEvent('failed')
  onFailed(job: Job | undefined, err: Error): void {
    logFailedAttempt(this.logger, job, err);
  }
}
