import { Module } from '@nestjs/common';
import { PersistenceModule } from '@cb/persistence';
import { BillingModule } from '../billing/billing.module';
import { SubscriptionController } from './subscription.controller';
import { SubscriptionService } from './subscription.service';

@Module({
  imports: [PersistenceModule, BillingModule],
  controllers: [SubscriptionController],
  providers: [SubscriptionService],
})
export class SubscriptionModule {}
