import { Module } from '@nestjs/common';
import { QueueModule } from '../queue/queue.module';
import { ContractsController } from './contracts.controller';
import { ContractsService } from './contracts.service';

@Module({
  imports: [QueueModule],
  controllers: [ContractsController],
  providers: [ContractsService],
})
export class ContractsModule {}
