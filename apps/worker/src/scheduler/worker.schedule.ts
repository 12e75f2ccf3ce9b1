import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import { JobPublisher, RETIRED_SCHEDULES, SCHEDULES, type JobName } from '@cb/jobs';

/**
 * Registers the repeatable jobs at boot (SCHEDULES; an upsert by name, so many workers register one each) and
 * removes the schedulers of earlier releases (RETIRED_SCHEDULES), so an upgraded deployment runs each tick once.
 */
@Injectable()
export class WorkerSchedule implements OnApplicationBootstrap {
  private readonly logger = new Logger(WorkerSchedule.name);

  constructor(
    @Inject(JobPublisher) private readonly jobs: JobPublisher,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    try {
      for (const [name, every] of Object.entries(SCHEDULES) as [JobName, number | string][])
        await this.jobs.schedule(
          name,
          typeof every === 'number' ? every : this.config.alertScanIntervalMs,
        );
      for (const retired of RETIRED_SCHEDULES)
        await this.jobs.unschedule(retired.queue, retired.id);
    } catch (err) {
      this.logger.error({ err }, 'Could not register the job schedules');
    }
  }
}
