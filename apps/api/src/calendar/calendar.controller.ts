import { Controller, Delete, Get, HttpCode, Inject, Param, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentTenant, Public, RequirePermission } from '../common/decorators/auth.decorators';
import { CalendarService } from './calendar.service';
import { CalendarFeedDto } from './dto/calendar.dto';

@ApiTags('calendar')
@Controller()
export class CalendarController {
  constructor(@Inject(CalendarService) private readonly calendar: CalendarService) {}

  @Get('v1/calendar')
  @ApiBearerAuth()
  @RequirePermission('deadlines:read')
  @ApiOkResponse({ type: CalendarFeedDto })
  feedUrl(@CurrentTenant() tenantId: string): Promise<CalendarFeedDto> {
    return this.calendar.feedUrl(tenantId);
  }

  @Delete('v1/calendar')
  @HttpCode(204)
  @ApiBearerAuth()
  @RequirePermission('settings:manage')
  @ApiNoContentResponse({
    description: 'The feed URL no longer works; the next GET /v1/calendar makes a new one',
  })
  async revoke(@CurrentTenant() tenantId: string): Promise<void> {
    await this.calendar.revoke(tenantId);
  }

  /** The feed itself: the secret token in the URL is the only credential. */
  @Get('calendar/:file')
  @Public()
  @ApiProduces('text/calendar')
  @ApiOkResponse({ description: 'iCalendar (RFC 5545) feed' })
  async ics(
    @Param('file') file: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const body = await this.calendar.ics(file.replace(/\.ics$/, ''));
    res.type('text/calendar; charset=utf-8').setHeader('Cache-Control', 'private, max-age=300');
    return body;
  }
}
