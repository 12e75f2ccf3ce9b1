import { Module } from '@nestjs/common';
import { ApplicationModule } from '@cb/application';
import { ContractEventStream } from './contract-event-stream.service';
import { ContractEventsController } from './contract-events.controller';

@Module({
  imports: [ApplicationModule],
  controllers: [ContractEventsController],
  providers: [ContractEventStream],
})
export class ContractEventsModule {}
