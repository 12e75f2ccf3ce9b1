import { Body, Controller, Delete, Get, HttpCode, Inject, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { SsoSettings, type Actor } from '@cb/application';
import {
  CurrentActor,
  CurrentTenant,
  RequirePermission,
} from '../common/decorators/auth.decorators';
import { SaveSsoConnectionDto, SsoConnectionDto } from './dto/sso.dto';

/** The tenant's single sign-on connection (owner only: `security:manage`). The client secret is never answered. */
@ApiTags('accounts')
@ApiBearerAuth()
@Controller('v1/sso')
export class SsoController {
  constructor(@Inject(SsoSettings) private readonly settings: SsoSettings) {}

  @Get()
  @RequirePermission('security:manage')
  @ApiOkResponse({ type: SsoConnectionDto })
  get(@CurrentTenant() tenantId: string): Promise<SsoConnectionDto> {
    return this.settings.get(tenantId);
  }

  @Put()
  @RequirePermission('security:manage')
  @ApiOkResponse({
    type: SsoConnectionDto,
    description:
      'Saved after the issuer was discovered; 409 when a domain belongs to another organisation, or when `required` comes before one successful SSO sign-in with these settings',
  })
  save(
    @CurrentTenant() tenantId: string,
    @CurrentActor() actor: Actor,
    @Body() dto: SaveSsoConnectionDto,
  ): Promise<SsoConnectionDto> {
    return this.settings.save(tenantId, actor, dto);
  }

  @Delete()
  @RequirePermission('security:manage')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Single sign-on is off; password sign-in works again' })
  remove(@CurrentTenant() tenantId: string, @CurrentActor() actor: Actor): Promise<void> {
    return this.settings.remove(tenantId, actor);
  }
}
