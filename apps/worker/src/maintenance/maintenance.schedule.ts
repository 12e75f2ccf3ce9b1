import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import {
  DEADLINE_REFRESH_EVERY_MS,
  JOB_OPTIONS,
  QUEUES,
  SUBSCRIPTION_CHECK_EVERY_MS,
  SWEEP_EVERY_MS,
} from '@cb/jobs';
import type { Queue } from 'bullmq';

/** Registers the repeatable maintenance jobs at boot (idempotent across workers: upsert by id). */
@Injectable()
export class MaintenanceSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger(MaintenanceSchedule.name);

  constructor(@InjectQueue(QUEUES.maintenance) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.queue.upsertJobScheduler(
        'contracts.sweep',
        { every: SWEEP_EVERY_MS },
        { name: 'contracts.sweep', data: {}, opts: JOB_OPTIONS['contracts.sweep'] },
      );
      await this.queue.upsertJobScheduler(
        'deadlines.refresh',
        { every: DEADLINE_REFRESH_EVERY_MS },
        { name: 'deadlines.refresh', data: {}, opts: JOB_OPTIONS['deadlines.refresh'] },
      );
      await this.queue.upsertJobScheduler(
        'subscriptions.check',
        { every: SUBSCRIPTION_CHECK_EVERY_MS },
        { name: 'subscriptions.check', data: {}, opts: JOB_OPTIONS['subscriptions.check'] },
      );
    } catch (err) {
      this.logger.error({ err }, 'Could not register the sweep schedule');
    }
  }
}
