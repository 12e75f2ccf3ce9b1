import {
  Body,
  Controller,
  Delete,
  Get,
  Headers,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import type { Principal } from '../common/auth/principal';
import {
  CurrentPrincipal,
  CurrentTenant,
  RequirePermission,
} from '../common/decorators/auth.decorators';
import { HandlesOwnIdempotency } from '../idempotency/idempotency.interceptor';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyListDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';

@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('v1/api-keys')
export class ApiKeysController {
  constructor(@Inject(ApiKeysService) private readonly keys: ApiKeysService) {}

  @Post()
  @RequirePermission('apikeys:manage')
  @HandlesOwnIdempotency()
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({
    type: CreatedApiKeyDto,
    description: 'The key is shown only in this response (an idempotent replay answers key: null)',
  })
  async create(
    @CurrentPrincipal() p: Principal,
    @Body() dto: CreateApiKeyDto,
    @Headers('idempotency-key') idempotencyKey: string | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<CreatedApiKeyDto> {
    const { status, replayed, body } = await this.keys.createIdempotent(p, dto, idempotencyKey);
    res.status(status);
    if (replayed) res.setHeader('Idempotent-Replayed', 'true');
    return body;
  }

  @Get()
  @RequirePermission('apikeys:manage')
  @ApiOkResponse({ type: ApiKeyListDto })
  list(@CurrentTenant() tenantId: string): Promise<ApiKeyListDto> {
    return this.keys.list(tenantId);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('apikeys:manage')
  @ApiNoContentResponse({ description: 'Revoked; the key stops working at once' })
  revoke(@CurrentTenant() tenantId: string, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.keys.revoke(tenantId, id);
  }
}
