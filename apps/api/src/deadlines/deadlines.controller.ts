import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { ListDeadlines, SummarizeUndecided } from '@cb/application';
import { CurrentTenant, RequirePermission } from '../common/decorators/auth.decorators';
import {
  DeadlineListDto,
  DeadlineSummaryDto,
  DeadlineSummaryQueryDto,
  ListDeadlinesQueryDto,
} from './dto/deadline.dto';
import { toDeadlineDto } from './deadlines.mapper';

@ApiTags('deadlines')
@ApiBearerAuth()
@Controller('v1/deadlines')
export class DeadlinesController {
  constructor(
    @Inject(ListDeadlines) private readonly listDeadlines: ListDeadlines,
    @Inject(SummarizeUndecided) private readonly summarize: SummarizeUndecided,
  ) {}

  @Get()
  @RequirePermission('deadlines:read')
  @ApiOkResponse({ type: DeadlineListDto })
  async list(@CurrentTenant() tenantId: string, @Query() q: ListDeadlinesQueryDto) {
    const rows = await this.listDeadlines.execute({
      tenantId,
      ...q,
      undecided: q.undecided === 'true',
      snoozed: q.snoozed === undefined ? undefined : q.snoozed === 'true',
    });
    return { data: rows.map(toDeadlineDto) };
  }

  @Get('summary')
  @RequirePermission('deadlines:read')
  @ApiOkResponse({ type: DeadlineSummaryDto })
  async summary(
    @CurrentTenant() tenantId: string,
    @Query() q: DeadlineSummaryQueryDto,
  ): Promise<DeadlineSummaryDto> {
    const s = await this.summarize.execute({ tenantId, days: q.days });
    return {
      today: s.today,
      until: s.until,
      undecidedUpcoming: s.upcoming,
      undecidedPassed: s.passed,
      snoozed: s.snoozed,
    };
  }
}
