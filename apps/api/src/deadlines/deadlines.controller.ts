import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { addDays, isValidIsoDate, todayInTimeZone, ValidationError } from '@cb/domain';
import { DeadlinesRepository } from '@cb/persistence';
import { CurrentTenant, RequirePermission } from '../common/decorators/auth.decorators';
import { DeadlineListDto, ListDeadlinesQueryDto } from './dto/deadline.dto';

@ApiTags('deadlines')
@ApiBearerAuth()
@Controller('v1/deadlines')
export class DeadlinesController {
  constructor(@Inject(DeadlinesRepository) private readonly deadlines: DeadlinesRepository) {}

  @Get()
  @RequirePermission('deadlines:read')
  @ApiOkResponse({ type: DeadlineListDto })
  async list(@CurrentTenant() tenantId: string, @Query() q: ListDeadlinesQueryDto) {
    const from = q.from ?? todayInTimeZone('UTC', new Date());
    const to = q.to ?? addDays(from, 365);
    if (!isValidIsoDate(from) || !isValidIsoDate(to) || to < from) {
      throw new ValidationError('from and to must be valid dates with from <= to', [
        { field: 'to', message: 'must be on or after from' },
      ]);
    }
    const rows = await this.deadlines.listBetween(tenantId, from, to, q.kind);
    return {
      data: rows.map(({ obligationId, ...r }) => (obligationId ? { ...r, obligationId } : r)),
    };
  }
}
