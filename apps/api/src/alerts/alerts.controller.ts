import { Body, Controller, Get, Inject, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentTenant, RequirePermission } from '../common/decorators/auth.decorators';
import { AlertsService } from './alerts.service';
import { AlertListDto, ListAlertsQueryDto } from './dto/alert.dto';
import { AlertSettingsResponseDto, UpdateAlertSettingsDto } from './dto/alert-settings.dto';

@ApiTags('alerts')
@ApiBearerAuth()
@Controller('v1')
export class AlertsController {
  constructor(@Inject(AlertsService) private readonly alerts: AlertsService) {}

  @Get('alert-settings')
  @RequirePermission('deadlines:read')
  @ApiOkResponse({ type: AlertSettingsResponseDto })
  getSettings(@CurrentTenant() tenantId: string): Promise<AlertSettingsResponseDto> {
    return this.alerts.getSettings(tenantId);
  }

  @Put('alert-settings')
  @RequirePermission('settings:manage')
  @ApiOkResponse({ type: AlertSettingsResponseDto })
  putSettings(
    @CurrentTenant() tenantId: string,
    @Body() body: UpdateAlertSettingsDto,
  ): Promise<AlertSettingsResponseDto> {
    return this.alerts.putSettings(tenantId, body);
  }

  @Get('alerts')
  @RequirePermission('deadlines:read')
  @ApiOkResponse({ type: AlertListDto, description: 'The alert log, newest first' })
  list(@CurrentTenant() tenantId: string, @Query() q: ListAlertsQueryDto): Promise<AlertListDto> {
    return this.alerts.list(tenantId, q.limit ?? 25, q.cursor);
  }
}
