import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { JOB_OPTIONS, QUEUES } from '@cb/jobs';
import type { Queue } from 'bullmq';

/** Registers the alert scan tick at boot (every ALERT_SCAN_INTERVAL_MS; an upsert, so many workers register one). */
@Injectable()
export class AlertScanSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger(AlertScanSchedule.name);

  constructor(
    @InjectQueue(QUEUES.notifications) private readonly queue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.queue.upsertJobScheduler(
        'alerts.scan',
        { every: this.config.alertScanIntervalMs },
        { name: 'alerts.scan', data: {}, opts: JOB_OPTIONS['alerts.scan'] },
      );
    } catch (err) {
      this.logger.error({ err }, 'Could not register the alert scan schedule');
    }
  }
}
