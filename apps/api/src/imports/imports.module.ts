import { Module } from '@nestjs/common';
import { ApplicationModule } from '@cb/application';
import { ImportsController } from './imports.controller';

@Module({
  imports: [ApplicationModule],
  controllers: [ImportsController],
})
export class ImportsModule {}
