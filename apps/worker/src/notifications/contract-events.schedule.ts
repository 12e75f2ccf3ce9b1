import { InjectQueue } from '@nestjs/bullmq';
import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { CONTRACT_EVENTS_EVERY_MS, JOB_OPTIONS, QUEUES } from '@cb/jobs';
import type { Queue } from 'bullmq';

/** Registers the contract-events tick on the webhooks queue at boot (an upsert: one schedule for all workers). */
@Injectable()
export class ContractEventsSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger(ContractEventsSchedule.name);

  constructor(@InjectQueue(QUEUES.webhooks) private readonly queue: Queue) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.queue.upsertJobScheduler(
        'webhooks.contracts',
        { every: CONTRACT_EVENTS_EVERY_MS },
        { name: 'webhooks.contracts', data: {}, opts: JOB_OPTIONS['webhooks.contracts'] },
      );
    } catch (err) {
      this.logger.error({ err }, 'Could not register the contract events schedule');
    }
  }
}
