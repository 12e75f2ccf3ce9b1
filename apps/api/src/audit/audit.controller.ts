import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ValidationError } from '@cb/domain';
import { AuditEventsRepository, InvalidCursorError, type AuditEventEntity } from '@cb/persistence';
import { CurrentTenant, RequirePermission } from '../common/decorators/auth.decorators';
import {
  AuditEventListDto,
  ListAuditEventsQueryDto,
  type AuditEventDto,
} from './dto/audit-event.dto';

export function toAuditEventDto(e: AuditEventEntity): AuditEventDto {
  return {
    id: e.id,
    action: e.action,
    actor: { type: e.actorType, id: e.actorId },
    targetType: e.targetType,
    targetId: e.targetId,
    contractId: e.contractId,
    data: e.data,
    createdAt: new Date(e.createdAt).toISOString(),
  };
}

@ApiTags('audit')
@ApiBearerAuth()
@Controller('v1/audit-events')
export class AuditController {
  constructor(@Inject(AuditEventsRepository) private readonly events: AuditEventsRepository) {}

  @Get()
  @RequirePermission('audit:read')
  @ApiOkResponse({ type: AuditEventListDto })
  async list(
    @CurrentTenant() tenantId: string,
    @Query() q: ListAuditEventsQueryDto,
  ): Promise<AuditEventListDto> {
    const page = await this.events
      .list(tenantId, { limit: q.limit ?? 25, cursor: q.cursor, contractId: q.contractId })
      .catch((err: unknown) => {
        if (err instanceof InvalidCursorError) {
          throw new ValidationError('cursor is not valid', [
            { field: 'cursor', message: 'is not a cursor from this list' },
          ]);
        }
        throw err;
      });
    return { data: page.rows.map(toAuditEventDto), nextCursor: page.nextCursor };
  }
}
