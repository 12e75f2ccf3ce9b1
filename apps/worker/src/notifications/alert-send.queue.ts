import { InjectQueue } from '@nestjs/bullmq';
import { Injectable } from '@nestjs/common';
import {
  JOB_OPTIONS,
  MAX_ALERT_BATCH,
  QUEUES,
  alertSendJobId,
  alertsSendJobId,
  type JobPayloads,
} from '@cb/jobs';
import type { Queue } from 'bullmq';

/** The first retry of an alert that failed inside a batch waits as long as alert.send's first backoff step. */
export const ALERT_RETRY_DELAY_MS = 5000;

/**
 * Enqueues alert sends on the `notifications` queue. New alerts go out in batches (one job per tenant run
 * and MAX_ALERT_BATCH alerts, instead of one job per alert: at a million deadlines the per-alert jobs were a
 * quarter of the scan). Retries and recovered alerts get one job each, with a deterministic id, so a re-add
 * while one is queued or backing off is a no-op.
 */
@Injectable()
export class AlertSendQueue {
  constructor(@InjectQueue(QUEUES.notifications) private readonly queue: Queue) {}

  async enqueueBatches(tenantId: string, alertIds: string[]): Promise<void> {
    if (alertIds.length === 0) return;
    const jobs = [];
    for (let i = 0; i < alertIds.length; i += MAX_ALERT_BATCH) {
      const data: JobPayloads['alerts.send'] = {
        tenantId,
        alertIds: alertIds.slice(i, i + MAX_ALERT_BATCH),
      };
      jobs.push({
        name: 'alerts.send',
        data,
        opts: { ...JOB_OPTIONS['alerts.send'], jobId: alertsSendJobId(data) },
      });
    }
    await this.queue.addBulk(jobs);
  }

  async enqueueSingles(tenantId: string, alertIds: string[], delayMs = 0): Promise<void> {
    if (alertIds.length === 0) return;
    await this.queue.addBulk(
      alertIds.map((alertId) => {
        const data: JobPayloads['alert.send'] = { tenantId, alertId };
        return {
          name: 'alert.send',
          data,
          opts: { ...JOB_OPTIONS['alert.send'], delay: delayMs, jobId: alertSendJobId(data) },
        };
      }),
    );
  }
}
