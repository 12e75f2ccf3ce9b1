import { Controller, Headers, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiHeader, ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import { Public } from '../common/decorators/auth.decorators';
import { StripeWebhookService } from './stripe-webhook.service';

class WebhookAckDto {
  @ApiProperty() received: boolean;
  @ApiProperty({
    description:
      'false when the event was a repeat, not relevant, or did not fit the current state',
  })
  applied: boolean;
}

@ApiTags('subscription')
@Controller('v1/billing')
export class StripeWebhookController {
  constructor(@Inject(StripeWebhookService) private readonly webhooks: StripeWebhookService) {}

  @Public()
  @Post('webhook')
  @HttpCode(200)
  @ApiHeader({ name: 'Stripe-Signature', required: true })
  @ApiOkResponse({ type: WebhookAckDto })
  handle(
    @Req() req: Request & { rawBody?: Buffer },
    @Headers('stripe-signature') signature?: string,
  ): Promise<WebhookAckDto> {
    return this.webhooks.handle(req.rawBody, signature);
  }
}
