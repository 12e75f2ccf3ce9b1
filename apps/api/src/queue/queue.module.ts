import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AlertsRefreshQueue, QUEUES, QueueErrorLog } from '@cb/jobs';
import { ParseQueueService } from './parse-queue.service';

@Module({
  imports: [BullModule.registerQueue({ name: QUEUES.documentExtraction }, { name: QUEUES.alerts })],
  providers: [ParseQueueService, AlertsRefreshQueue, QueueErrorLog],
  exports: [ParseQueueService, AlertsRefreshQueue],
})
export class QueueModule {}
