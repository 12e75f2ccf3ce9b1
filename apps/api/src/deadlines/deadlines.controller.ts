import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ListDeadlines } from '@cb/application';
import { CurrentTenant, RequirePermission } from '../common/decorators/auth.decorators';
import { DeadlineListDto, ListDeadlinesQueryDto } from './dto/deadline.dto';
import { toDeadlineDto } from './deadlines.mapper';

@ApiTags('deadlines')
@ApiBearerAuth()
@Controller('v1/deadlines')
export class DeadlinesController {
  constructor(@Inject(ListDeadlines) private readonly listDeadlines: ListDeadlines) {}

  @Get()
  @RequirePermission('deadlines:read')
  @ApiOkResponse({ type: DeadlineListDto })
  async list(@CurrentTenant() tenantId: string, @Query() q: ListDeadlinesQueryDto) {
    const rows = await this.listDeadlines.execute({
      tenantId,
      ...q,
      undecided: q.undecided === 'true',
    });
    return { data: rows.map(toDeadlineDto) };
  }
}
