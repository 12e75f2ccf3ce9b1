import { Module } from '@nestjs/common';
import { ApplicationModule } from '@cb/application';
import { InboxController } from './inbox.controller';

@Module({
  imports: [ApplicationModule],
  controllers: [InboxController],
})
export class InboxModule {}
