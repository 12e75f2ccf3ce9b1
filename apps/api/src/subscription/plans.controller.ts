import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { ListPlans } from '@cb/application';
import { BILLING_INTERVALS } from '@cb/domain';
import { Public } from '../common/decorators/auth.decorators';

export class BillingAmountDto {
  @ApiProperty({ example: 49, description: 'Major units as a decimal number' }) amount: number;
  @ApiProperty({ enum: ['EUR'] }) currency: 'EUR';
}
class PlanPriceDto {
  @ApiProperty({ enum: BILLING_INTERVALS }) interval: 'month' | 'year';
  @ApiProperty({ type: BillingAmountDto }) amount: BillingAmountDto;
}
export class PlanLimitsDto {
  @ApiProperty({ nullable: true, type: Number, description: 'null: unlimited' })
  contracts: number | null;
  @ApiProperty({ nullable: true, type: Number, description: 'null: unlimited' })
  users: number | null;
}
class PlanDescriptionDto {
  @ApiProperty() en: string;
  @ApiProperty() fi: string;
  @ApiProperty() sv: string;
}
class PlanDto {
  @ApiProperty({ example: 'starter' }) id: string;
  @ApiProperty({ example: 'Starter' }) name: string;
  @ApiProperty({ type: PlanDescriptionDto }) description: PlanDescriptionDto;
  @ApiProperty({ type: PlanLimitsDto }) limits: PlanLimitsDto;
  @ApiProperty({ type: [PlanPriceDto] }) prices: PlanPriceDto[];
}
class VatDto {
  @ApiProperty({ description: 'Whether the amounts include VAT' }) included: boolean;
  @ApiProperty({ example: 25.5 }) ratePercent: number;
  @ApiProperty({ example: 'FI' }) sellerCountry: string;
  @ApiProperty({
    description: 'Businesses with a VAT id of another EU member state pay no VAT (reverse charge)',
  })
  reverseChargeInEu: boolean;
}
class TrialDto {
  @ApiProperty() days: number;
  @ApiProperty({ type: PlanLimitsDto }) limits: PlanLimitsDto;
}
export class PlanListDto {
  @ApiProperty({ type: [PlanDto] }) data: PlanDto[];
  @ApiProperty({ type: VatDto }) vat: VatDto;
  @ApiProperty({ type: TrialDto }) trial: TrialDto;
}

@ApiTags('subscription')
@Controller('v1/plans')
export class PlansController {
  constructor(@Inject(ListPlans) private readonly listPlans: ListPlans) {}

  /** The price list, public: the pricing page and partners read it without signing in. */
  @Get()
  @Public()
  @ApiOkResponse({ type: PlanListDto })
  list(): PlanListDto {
    return this.listPlans.execute();
  }
}
