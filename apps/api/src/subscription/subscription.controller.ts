import { Controller, Get, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { effectiveStatus, isPlanId, NotFoundError, planLimits, type Subscription } from '@cb/domain';
import { ContractsRepository, SubscriptionsRepository, TenantDb, UsersRepository } from '@cb/persistence';
import { CurrentTenant } from '../common/decorators/auth.decorators';

class LimitsDto {
  @ApiProperty() contracts: number;
  @ApiProperty() users: number;
}
export class SubscriptionDto {
  @ApiProperty({ enum: ['trial', 'starter', 'business'] }) plan: string;
  @ApiProperty({ enum: ['trialing', 'active', 'past_due', 'canceled', 'expired'] }) status: string;
  @ApiProperty({ nullable: true }) trialEndsAt: string | null;
  @ApiProperty({ nullable: true }) currentPeriodEnd: string | null;
  @ApiProperty({ type: LimitsDto }) limits: LimitsDto;
  @ApiProperty({ type: LimitsDto }) usage: LimitsDto;
}

@ApiTags('subscription')
@ApiBearerAuth()
@Controller('v1/subscription')
export class SubscriptionController {
  constructor(
    @Inject(TenantDb) private readonly db: TenantDb,
    @Inject(SubscriptionsRepository) private readonly subscriptions: SubscriptionsRepository,
    @Inject(ContractsRepository) private readonly contracts: ContractsRepository,
    @Inject(UsersRepository) private readonly users: UsersRepository,
  ) {}

  @Get()
  @ApiOkResponse({ type: SubscriptionDto })
  get(@CurrentTenant() tenantId: string): Promise<SubscriptionDto> {
    return this.db.run(tenantId, async () => {
      const row = await this.subscriptions.get(tenantId);
      if (!row || !isPlanId(row.plan)) throw new NotFoundError('Subscription');
      const sub = row as unknown as Subscription;
      const [contracts, users] = await Promise.all([this.contracts.count(tenantId), this.users.count(tenantId)]);
      return {
        plan: row.plan,
        status: effectiveStatus(sub, new Date()),
        trialEndsAt: row.trialEndsAt?.toISOString() ?? null,
        currentPeriodEnd: row.currentPeriodEnd?.toISOString() ?? null,
        limits: { ...planLimits(row.plan) },
        usage: { contracts, users },
      };
    });
  }
}
