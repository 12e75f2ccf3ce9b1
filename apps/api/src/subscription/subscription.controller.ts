import { Body, Controller, Get, HttpCode, Inject, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  ChangeCancellation,
  ChoosePlan,
  GetSubscription,
  ListInvoices,
  QuotePlan,
} from '@cb/application';
import { AllowWithoutSubscription } from '../billing/subscription-gate.guard';
import { actorOf, type Principal } from '../common/auth/principal';
import {
  Authenticated,
  CurrentPrincipal,
  CurrentTenant,
  RequirePermission,
} from '../common/decorators/auth.decorators';
import {
  ChoosePlanDto,
  ChoosePlanResponseDto,
  InvoiceListDto,
  PlanQuoteDto,
  QuoteQueryDto,
  SubscriptionDto,
} from './subscription.dto';

@ApiTags('subscription')
@ApiBearerAuth()
@Controller('v1/subscription')
export class SubscriptionController {
  constructor(
    @Inject(GetSubscription) private readonly getSubscription: GetSubscription,
    @Inject(QuotePlan) private readonly quotePlan: QuotePlan,
    @Inject(ChoosePlan) private readonly choosePlan: ChoosePlan,
    @Inject(ChangeCancellation) private readonly cancellation: ChangeCancellation,
    @Inject(ListInvoices) private readonly listInvoices: ListInvoices,
  ) {}

  /** Invoices and receipts: the manual provider's own, and Stripe's for the tenant's customer. */
  @Get('invoices')
  @RequirePermission('billing:manage')
  @ApiOkResponse({ type: InvoiceListDto })
  invoices(@CurrentTenant() tenantId: string): Promise<InvoiceListDto> {
    return this.listInvoices.execute(tenantId);
  }

  /** Cancel at the period end: everything works until then; 409 when there is nothing to cancel. */
  @Post('cancel')
  @HttpCode(200)
  @RequirePermission('billing:manage')
  @AllowWithoutSubscription()
  @ApiOkResponse({ type: SubscriptionDto })
  async cancel(@CurrentPrincipal() p: Principal): Promise<SubscriptionDto> {
    await this.cancellation.execute({ tenantId: p.tenantId, actor: actorOf(p), cancel: true });
    return this.getSubscription.execute(p.tenantId);
  }

  /** Take a cancellation back before the period ends (409 after it: choose a plan instead). */
  @Post('reactivate')
  @HttpCode(200)
  @RequirePermission('billing:manage')
  @AllowWithoutSubscription()
  @ApiOkResponse({ type: SubscriptionDto })
  async reactivate(@CurrentPrincipal() p: Principal): Promise<SubscriptionDto> {
    await this.cancellation.execute({ tenantId: p.tenantId, actor: actorOf(p), cancel: false });
    return this.getSubscription.execute(p.tenantId);
  }

  @Get()
  @Authenticated()
  @ApiOkResponse({ type: SubscriptionDto })
  get(@CurrentTenant() tenantId: string): Promise<SubscriptionDto> {
    return this.getSubscription.execute(tenantId);
  }

  /** What choosing this plan will do (price with VAT, proration of a change), before confirming. */
  @Get('quote')
  @RequirePermission('billing:manage')
  @ApiOkResponse({ type: PlanQuoteDto })
  quote(@CurrentTenant() tenantId: string, @Query() q: QuoteQueryDto): Promise<PlanQuoteDto> {
    return this.quotePlan.execute({ tenantId, ...q });
  }

  @Post()
  @HttpCode(200)
  @RequirePermission('billing:manage')
  @AllowWithoutSubscription()
  @ApiOkResponse({
    type: ChoosePlanResponseDto,
    description:
      'Stripe: checkoutUrl to pay; manual: the pending order. The status changes only once paid or activated.',
  })
  async choose(
    @CurrentPrincipal() p: Principal,
    @Body() dto: ChoosePlanDto,
  ): Promise<ChoosePlanResponseDto> {
    const result = await this.choosePlan.execute({
      tenantId: p.tenantId,
      actor: actorOf(p),
      userId: p.userId ?? null,
      ...dto,
    });
    return {
      ...(await this.getSubscription.execute(p.tenantId)),
      checkoutUrl: result.checkoutUrl,
      order: result.order,
      quote: result.quote,
    };
  }
}
