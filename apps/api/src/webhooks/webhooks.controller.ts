import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import { CurrentTenant, RequirePermission } from '../common/decorators/auth.decorators';
import { CreatedWebhookDto, CreateWebhookDto, WebhookListDto } from './dto/webhook.dto';
import { WebhooksService } from './webhooks.service';

@ApiTags('webhooks')
@ApiBearerAuth()
@Controller('v1/webhooks')
export class WebhooksController {
  constructor(@Inject(WebhooksService) private readonly webhooks: WebhooksService) {}

  @Post()
  @RequirePermission('webhooks:manage')
  @ApiCreatedResponse({ type: CreatedWebhookDto })
  create(
    @CurrentTenant() tenantId: string,
    @Body() body: CreateWebhookDto,
  ): Promise<CreatedWebhookDto> {
    return this.webhooks.create(tenantId, body);
  }

  @Get()
  @RequirePermission('webhooks:manage')
  @ApiOkResponse({ type: WebhookListDto })
  list(@CurrentTenant() tenantId: string): Promise<WebhookListDto> {
    return this.webhooks.list(tenantId);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('webhooks:manage')
  @ApiNoContentResponse()
  async remove(
    @CurrentTenant() tenantId: string,
    @Param('id', ParseUUIDPipe) id: string,
  ): Promise<void> {
    await this.webhooks.remove(tenantId, id);
  }
}
