import { Module } from '@nestjs/common';
import { ApplicationModule } from '@cb/application';
import { BillingModule } from '../billing/billing.module';
import { PlansController } from './plans.controller';
import { SubscriptionController } from './subscription.controller';

@Module({
  imports: [ApplicationModule, BillingModule],
  controllers: [PlansController, SubscriptionController],
})
export class SubscriptionModule {}
