import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { PAID_PLAN_IDS, type PaidPlanId } from '@cb/domain';
import { AllowWithoutSubscription } from '../billing/subscription-gate.guard';
import type { Principal } from '../common/auth/principal';
import {
  Authenticated,
  CurrentPrincipal,
  CurrentTenant,
  RequirePermission,
} from '../common/decorators/auth.decorators';
import { SubscriptionService } from './subscription.service';

class LimitsDto {
  @ApiProperty() contracts: number;
  @ApiProperty() users: number;
}
export class SubscriptionDto {
  @ApiProperty({ enum: ['trial', 'starter', 'business'] }) plan: string;
  @ApiProperty({ enum: ['trialing', 'active', 'past_due', 'canceled', 'expired'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) trialEndsAt: string | null;
  @ApiProperty({ nullable: true, type: String }) currentPeriodEnd: string | null;
  @ApiProperty({ type: LimitsDto }) limits: LimitsDto;
  @ApiProperty({ type: LimitsDto }) usage: LimitsDto;
}

export class ChoosePlanDto {
  @ApiProperty({ enum: PAID_PLAN_IDS, example: 'starter' })
  @IsIn(PAID_PLAN_IDS, { message: `plan must be one of ${PAID_PLAN_IDS.join(', ')}` })
  plan: PaidPlanId;
}

export class ChoosePlanResponseDto extends SubscriptionDto {
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Where to pay, when the provider needs payment first',
  })
  checkoutUrl: string | null;
}

@ApiTags('subscription')
@ApiBearerAuth()
@Controller('v1/subscription')
export class SubscriptionController {
  constructor(@Inject(SubscriptionService) private readonly subscriptions: SubscriptionService) {}

  @Get()
  @Authenticated()
  @ApiOkResponse({ type: SubscriptionDto })
  get(@CurrentTenant() tenantId: string): Promise<SubscriptionDto> {
    return this.subscriptions.view(tenantId);
  }

  @Post()
  @HttpCode(200)
  @RequirePermission('billing:manage')
  @AllowWithoutSubscription()
  @ApiOkResponse({
    type: ChoosePlanResponseDto,
    description: 'The plan is active, or checkoutUrl says where to pay',
  })
  choose(
    @CurrentPrincipal() p: Principal,
    @Body() dto: ChoosePlanDto,
  ): Promise<ChoosePlanResponseDto> {
    return this.subscriptions.choosePlan(p, dto.plan);
  }
}
