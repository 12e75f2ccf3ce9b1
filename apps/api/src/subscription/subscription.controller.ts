import { Body, Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString } from 'class-validator';
import { BILLING_INTERVALS } from '@cb/domain';
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
  @ApiProperty({ nullable: true, type: Number, description: 'null: unlimited' })
  contracts: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'null: unlimited' })
  users: number | null;
}
class UsageDto {
  @ApiProperty() contracts: number;
  @ApiProperty() users: number;
}
export class SubscriptionDto {
  @ApiProperty({ description: 'A plan id of GET /v1/plans, or `trial`', example: 'starter' })
  plan: string;
  @ApiProperty({ example: 'Starter' }) planName: string;
  @ApiProperty({ enum: ['trialing', 'active', 'past_due', 'canceled', 'expired'] }) status: string;
  @ApiProperty({ nullable: true, type: String }) trialEndsAt: string | null;
  @ApiProperty({ nullable: true, type: String }) currentPeriodEnd: string | null;
  @ApiProperty({ type: LimitsDto }) limits: LimitsDto;
  @ApiProperty({ type: UsageDto }) usage: UsageDto;
}

export class ChoosePlanDto {
  @ApiProperty({ description: 'A plan id of GET /v1/plans', example: 'starter' })
  @IsString({ message: 'plan must be a plan id of GET /v1/plans' })
  plan: string;

  @ApiProperty({ enum: BILLING_INTERVALS, required: false, default: 'month' })
  @IsOptional()
  @IsIn(BILLING_INTERVALS, { message: `interval must be one of ${BILLING_INTERVALS.join(', ')}` })
  interval?: (typeof BILLING_INTERVALS)[number];
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
    return this.subscriptions.choosePlan(p, dto.plan, dto.interval);
  }
}
