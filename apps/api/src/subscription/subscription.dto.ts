import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsObject,
  IsOptional,
  IsString,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { BILLING_INTERVALS } from '@cb/domain';
import { BillingAmountDto, PlanLimitsDto } from './plans.controller';

class UsageDto {
  @ApiProperty() contracts: number;
  @ApiProperty() users: number;
}
export class AmountsDto {
  @ApiProperty({ type: BillingAmountDto }) net: BillingAmountDto;
  @ApiProperty({ type: BillingAmountDto }) vat: BillingAmountDto;
  @ApiProperty({ type: BillingAmountDto }) total: BillingAmountDto;
  @ApiProperty({ example: 25.5 }) vatRatePercent: number;
  @ApiProperty({ description: 'No VAT charged: an EU business outside the seller country' })
  reverseCharge: boolean;
}
export class BillingContactDto {
  @ApiProperty({ example: 'Laura Laskuttaja' })
  @IsString()
  @MaxLength(200)
  name: string;
  @ApiProperty({ example: 'invoices@alpha.fi' })
  @IsString()
  @MaxLength(320)
  email: string;
}
export class BillingOrderDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['pending', 'activated', 'withdrawn'] }) status: string;
  @ApiProperty() plan: string;
  @ApiProperty() planName: string;
  @ApiProperty({ enum: BILLING_INTERVALS }) interval: string;
  @ApiProperty() company: string;
  @ApiProperty({ type: BillingContactDto }) billingContact: BillingContactDto;
  @ApiProperty({ nullable: true, type: String, example: 'FI12345678' }) vatId: string | null;
  @ApiProperty({ type: AmountsDto, description: 'The first invoice, or the prorated change' })
  dueNow: AmountsDto;
  @ApiProperty({ type: BillingAmountDto, nullable: true, description: 'Each later period' })
  recurringTotal: BillingAmountDto | null;
  @ApiProperty() createdAt: string;
}
export class SubscriptionDto {
  @ApiProperty({ description: 'A plan id of GET /v1/plans, or `trial`', example: 'starter' })
  plan: string;
  @ApiProperty({ example: 'Starter' }) planName: string;
  @ApiProperty({ enum: ['trialing', 'active', 'past_due', 'canceled', 'expired'] }) status: string;
  @ApiProperty({ enum: BILLING_INTERVALS, nullable: true }) interval: string | null;
  @ApiProperty({ type: BillingOrderDto, nullable: true }) pendingOrder: BillingOrderDto | null;
  @ApiProperty({ nullable: true, type: String }) trialEndsAt: string | null;
  @ApiProperty({ nullable: true, type: String }) currentPeriodEnd: string | null;
  @ApiProperty({ type: PlanLimitsDto }) limits: PlanLimitsDto;
  @ApiProperty({ type: UsageDto }) usage: UsageDto;
}

export class QuoteQueryDto {
  @ApiProperty({ description: 'A plan id of GET /v1/plans', example: 'starter' })
  @IsString({ message: 'plan must be a plan id of GET /v1/plans' })
  plan: string;

  @ApiProperty({ enum: BILLING_INTERVALS, required: false, default: 'month' })
  @IsOptional()
  @IsIn(BILLING_INTERVALS, { message: `interval must be one of ${BILLING_INTERVALS.join(', ')}` })
  interval?: (typeof BILLING_INTERVALS)[number];

  @ApiProperty({ required: false, example: 'FI12345678', description: 'VAT decides on VAT' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  vatId?: string;
}

export class ChoosePlanDto extends QuoteQueryDto {
  @ApiProperty({
    type: BillingContactDto,
    required: false,
    description: 'Manual billing: who receives the invoices (required there)',
  })
  @IsOptional()
  @IsObject()
  @ValidateNested()
  @Type(() => BillingContactDto)
  billingContact?: BillingContactDto;

  @ApiProperty({
    required: false,
    description:
      'true: the customer confirms the order or the change as quoted (required, except for Stripe Checkout)',
  })
  @IsOptional()
  @IsBoolean()
  confirm?: boolean;
}

class ProrationDto {
  @ApiProperty({ type: BillingAmountDto }) credit: BillingAmountDto;
  @ApiProperty({ type: BillingAmountDto }) charge: BillingAmountDto;
  @ApiProperty({ example: 0.5 }) unusedFraction: number;
}
export class PlanQuoteDto {
  @ApiProperty({ enum: ['subscribe', 'change'] }) kind: string;
  @ApiProperty({ enum: ['manual', 'stripe'] }) provider: string;
  @ApiProperty() company: string;
  @ApiProperty() plan: string;
  @ApiProperty() planName: string;
  @ApiProperty({ enum: BILLING_INTERVALS }) interval: string;
  @ApiProperty({ type: BillingAmountDto, description: 'The catalogue price per interval' })
  price: BillingAmountDto;
  @ApiProperty({ type: AmountsDto, description: 'Each period, with VAT for this buyer' })
  recurring: AmountsDto;
  @ApiProperty({ type: ProrationDto, nullable: true }) proration: ProrationDto | null;
  @ApiProperty({ type: AmountsDto, description: 'Invoiced at once' }) dueNow: AmountsDto;
  @ApiProperty({ type: BillingAmountDto, description: 'Credited to the next invoice (downgrade)' })
  credit: BillingAmountDto;
  @ApiProperty() periodEnd: string;
  @ApiProperty({ nullable: true, type: String }) vatId: string | null;
}

export class ChoosePlanResponseDto extends SubscriptionDto {
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'Stripe: where to pay; the plan applies once Stripe reports the payment',
  })
  checkoutUrl: string | null;
  @ApiProperty({
    type: BillingOrderDto,
    nullable: true,
    description: 'Manual billing: the order an operator activates',
  })
  order: BillingOrderDto | null;
  @ApiProperty({ type: PlanQuoteDto }) quote: PlanQuoteDto;
}

export class InvoiceDto {
  @ApiProperty() id: string;
  @ApiProperty({ nullable: true, type: String, example: 'CB-2026-000001' }) number: string | null;
  @ApiProperty({
    enum: ['draft', 'open', 'paid', 'void', 'uncollectible'],
    description: '`paid`: a receipt',
  })
  status: string;
  @ApiProperty({ nullable: true, type: String }) description: string | null;
  @ApiProperty({ enum: ['manual', 'stripe'] }) source: string;
  @ApiProperty() issuedAt: string;
  @ApiProperty({ nullable: true, type: String }) dueAt: string | null;
  @ApiProperty({ nullable: true, type: String }) paidAt: string | null;
  @ApiProperty({ nullable: true, type: String }) periodStart: string | null;
  @ApiProperty({ nullable: true, type: String }) periodEnd: string | null;
  @ApiProperty({ type: BillingAmountDto, nullable: true }) net: BillingAmountDto | null;
  @ApiProperty({ type: BillingAmountDto }) vat: BillingAmountDto;
  @ApiProperty({ type: BillingAmountDto }) total: BillingAmountDto;
  @ApiProperty({ nullable: true, type: Number }) vatRatePercent: number | null;
  @ApiProperty() reverseCharge: boolean;
  @ApiProperty({ nullable: true, type: String, description: "Stripe's invoice page" })
  hostedUrl: string | null;
  @ApiProperty({ nullable: true, type: String }) pdfUrl: string | null;
}
export class InvoiceListDto {
  @ApiProperty({ type: [InvoiceDto] }) data: InvoiceDto[];
}
