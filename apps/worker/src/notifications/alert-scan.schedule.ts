import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { JOB_OPTIONS, QUEUES } from '@cb/jobs';
import type { Queue } from 'bullmq';

/**
 * Registers the alert scan tick at boot on the `alerts` queue (every ALERT_SCAN_INTERVAL_MS; an upsert, so many
 * workers register one). Releases up to 2026-11 ran the tick on the `notifications` queue: that scheduler is
 * removed, so an upgraded deployment does not scan twice.
 */
@Injectable()
export class AlertScanSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger(AlertScanSchedule.name);

  constructor(
    @InjectQueue(QUEUES.alerts) private readonly queue: Queue,
    @InjectQueue(QUEUES.notifications) private readonly legacyQueue: Queue,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      await this.queue.upsertJobScheduler(
        'alerts.scan',
        { every: this.config.alertScanIntervalMs },
        { name: 'alerts.scan', data: {}, opts: JOB_OPTIONS['alerts.scan'] },
      );
      await this.legacyQueue.removeJobScheduler('alerts.scan');
    } catch (err) {
      this.logger.error({ err }, 'Could not register the alert scan schedule');
    }
  }
}
