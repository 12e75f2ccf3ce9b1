import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ListAuditEvents } from '@cb/application';
import { CurrentTenant, RequirePermission } from '../common/decorators/auth.decorators';
import { toAuditEventDto } from './audit.mapper';
import { AuditEventListDto, ListAuditEventsQueryDto } from './dto/audit-event.dto';

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit-events')
export class AuditController {
  constructor(@Inject(ListAuditEvents) private readonly listEvents: ListAuditEvents) {}

  @Get()
  @RequirePermission('audit:read')
  @ApiOkResponse({ type: AuditEventListDto })
  async list(
    @CurrentTenant() tenantId: string,
    @Query() q: ListAuditEventsQueryDto,
  ): Promise<AuditEventListDto> {
    const page = await this.listEvents.execute({ tenantId, ...q });
    return { data: page.rows.map(toAuditEventDto), nextCursor: page.nextCursor };
  }
}
