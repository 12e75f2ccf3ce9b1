import { Module, type DynamicModule } from '@nestjs/common';
import { ApplicationModule } from '@cb/application';
import { AppConfigModule, type AppConfig } from '@cb/config';
import { LoggerModule } from 'nestjs-pino';
import { AlertsProcessor } from './alerts/alerts.processor';
import { WorkerJobs } from './common/worker-jobs';
import { ContractEventsProcessor } from './contract-events/contract-events.processor';
import { DocumentExtractionProcessor } from './document-extraction/document-extraction.processor';
import { ParserSandboxLifecycle } from './document-extraction/parser-sandbox.lifecycle';
import { ImportsProcessor } from './imports/imports.processor';
import { MaintenanceProcessor } from './maintenance/maintenance.processor';
import { NotificationsProcessor } from './notifications/notifications.processor';
import { WorkerSchedule } from './scheduler/worker.schedule';
import { WebhooksProcessor } from './webhooks/webhooks.processor';

export interface WorkerOptions {
  /** Register the repeatable schedules (off in tests that drive use cases directly). */
  schedules?: boolean;
}

/** The worker: one processor per queue over the application layer's use cases, and the schedules. */
@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, options: WorkerOptions = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: { name: 'worker', level: config.logLevel } }),
        ApplicationModule,
      ],
      providers: [
        WorkerJobs,
        DocumentExtractionProcessor,
        ParserSandboxLifecycle,
        MaintenanceProcessor,
        ContractEventsProcessor,
        AlertsProcessor,
        NotificationsProcessor,
        WebhooksProcessor,
        ImportsProcessor,
        ...(options.schedules === false ? [] : [WorkerSchedule]),
      ],
    };
  }
}
