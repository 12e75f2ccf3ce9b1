import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { QUEUES } from '@cb/jobs';
import { ParseQueueService } from './parse-queue.service';

@Module({
  imports: [BullModule.registerQueue({ name: QUEUES.documentExtraction })],
  providers: [ParseQueueService],
  exports: [ParseQueueService],
})
export class QueueModule {}
