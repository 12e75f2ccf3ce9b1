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
  ApiHeader,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Principal } from '../common/auth/principal';
import {
  CurrentPrincipal,
  CurrentTenant,
  RequirePermission,
} from '../common/decorators/auth.decorators';
import { IdempotentReplay } from '../idempotency/idempotency.interceptor';
import { ApiKeysService } from './api-keys.service';
import { ApiKeyListDto, CreateApiKeyDto, CreatedApiKeyDto } from './dto/api-key.dto';

@ApiTags('api-keys')
@ApiBearerAuth()
@Controller('v1/api-keys')
export class ApiKeysController {
  constructor(@Inject(ApiKeysService) private readonly keys: ApiKeysService) {}

  @Post()
  @RequirePermission('apikeys:manage')
  // The secret is shown once: a replay (and what is stored for it) carries `key: null`.
  @IdempotentReplay((body: CreatedApiKeyDto) => ({ ...body, key: null }))
  @ApiHeader({ name: 'Idempotency-Key', required: false })
  @ApiCreatedResponse({
    type: CreatedApiKeyDto,
    description: 'The key is shown only in this response (an idempotent replay answers key: null)',
  })
  create(
    @CurrentPrincipal() p: Principal,
    @Body() dto: CreateApiKeyDto,
  ): Promise<CreatedApiKeyDto> {
    return this.keys.create(p, dto);
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
