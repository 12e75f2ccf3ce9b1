import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QUEUES, QueueErrorLog } from '@cb/jobs';
import { ParseQueueService } from './parse-queue.service';

@Module({
  imports: [BullModule.registerQueue({ name: QUEUES.documentExtraction })],
  providers: [ParseQueueService, QueueErrorLog],
  exports: [ParseQueueService],
})
export class QueueModule {}
