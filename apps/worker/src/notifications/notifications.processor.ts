import { Inject, Injectable } from '@nestjs/common';
import { SendAlert, SendDigest } from '@cb/application';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { QUEUES, settleOutcome } from '@cb/jobs';
import { QueueProcessor } from '../common/queue-processor';
import { WorkerJobs } from '../common/worker-jobs';

/** The `notifications` queue: alert e-mails (in batches, or one by one when retried) and weekly digests. */
@Injectable()
export class NotificationsProcessor extends QueueProcessor {
  constructor(
    @Inject(WorkerJobs) jobs: WorkerJobs,
    @Inject(APP_CONFIG) config: AppConfig,
    @Inject(SendAlert) sendAlert: SendAlert,
    @Inject(SendDigest) sendDigest: SendDigest,
  ) {
    super(jobs, config, QUEUES.notifications, { concurrency: 5 });
    this.handle({
      'alerts.send': (p) => sendAlert.executeBatch(p),
      'alert.send': async (p, ctx) => settleOutcome(await sendAlert.execute(p, ctx)),
      'digest.send': async (p, ctx) => settleOutcome(await sendDigest.execute(p, ctx)),
    });
  }
}
