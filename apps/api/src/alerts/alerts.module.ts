import { Module } from '@nestjs/common';
import { PersistenceModule } from '@cb/persistence';
import { AlertsController } from './alerts.controller';
import { AlertsService } from './alerts.service';

@Module({
  imports: [PersistenceModule],
  controllers: [AlertsController],
  providers: [AlertsService],
})
export class AlertsModule {}
