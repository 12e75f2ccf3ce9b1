import { Module } from '@nestjs/common';
import { ApplicationModule } from '@cb/application';
import { PersistenceModule } from '@cb/persistence';
import { BillingModule } from '../billing/billing.module';
import { PlansController } from './plans.controller';
import { SubscriptionController } from './subscription.controller';
import { SubscriptionService } from './subscription.service';

@Module({
  imports: [PersistenceModule, ApplicationModule, BillingModule],
  controllers: [PlansController, SubscriptionController],
  providers: [SubscriptionService],
})
export class SubscriptionModule {}
