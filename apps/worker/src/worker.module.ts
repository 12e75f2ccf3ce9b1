import { BullModule } from '@nestjs/bullmq';
import { Module, type DynamicModule } from '@nestjs/common';
import { AppConfigModule, type AppConfig } from '@cb/config';
import { QUEUES, QueueErrorLog, redisConnectionOptions } from '@cb/jobs';
import { PersistenceModule } from '@cb/persistence';
import { StorageModule } from '@cb/storage';
import { LoggerModule } from 'nestjs-pino';
import { ContractParseHandler } from './document-extraction/contract-parse.handler';
import { DocumentExtractionProcessor } from './document-extraction/document-extraction.processor';
import { ContractSweepHandler } from './maintenance/contract-sweep.handler';
import { DeadlineRefreshHandler } from './maintenance/deadline-refresh.handler';
import { SubscriptionCheckHandler } from './maintenance/subscription-check.handler';
import { MaintenanceProcessor } from './maintenance/maintenance.processor';
import { MaintenanceSchedule } from './maintenance/maintenance.schedule';
import { NotificationsWorkerModule } from './notifications/notifications.module';

export interface WorkerOptions {
  /** Register the repeatable schedules (off in tests that drive handlers directly). */
  schedules?: boolean;
}

@Module({})
export class WorkerModule {
  static forRoot(config: AppConfig, options: WorkerOptions = {}): DynamicModule {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRoot({ pinoHttp: { name: 'worker', level: config.logLevel } }),
        PersistenceModule,
        StorageModule,
        BullModule.forRoot({
          connection: redisConnectionOptions(config.redisUrl),
          prefix: config.queuePrefix,
        }),
        BullModule.registerQueue({ name: QUEUES.documentExtraction }, { name: QUEUES.maintenance }),
        NotificationsWorkerModule.forRoot(options),
      ],
      providers: [
        ContractParseHandler,
        DocumentExtractionProcessor,
        ContractSweepHandler,
        DeadlineRefreshHandler,
        SubscriptionCheckHandler,
        MaintenanceProcessor,
        QueueErrorLog,
        ...(options.schedules === false ? [] : [MaintenanceSchedule]),
      ],
    };
  }
}
