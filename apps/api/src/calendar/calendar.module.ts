import { Module } from '@nestjs/common';
import { ApplicationModule } from '@cb/application';
import { CalendarController } from './calendar.controller';
import { CalendarService } from './calendar.service';

@Module({
  imports: [ApplicationModule],
  controllers: [CalendarController],
  providers: [CalendarService],
})
export class CalendarModule {}
