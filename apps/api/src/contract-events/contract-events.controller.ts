import { Controller, Headers, Inject, Sse, type MessageEvent } from '@nestjs/common';
import { ApiBearerAuth, ApiHeader, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { CurrentTenant, RequirePermission } from '../common/decorators/auth.decorators';
import { ContractEventStream } from './contract-event-stream.service';
import { ContractEventDto } from './dto/contract-event.dto';

@ApiTags('contracts')
@ApiBearerAuth()
@Controller('v1/contract-events')
export class ContractEventsController {
  constructor(@Inject(ContractEventStream) private readonly live: ContractEventStream) {}

  @Sse()
  @RequirePermission('contracts:read')
  @ApiProduces('text/event-stream')
  @ApiHeader({ name: 'last-event-id', required: false, description: 'Resume after this event id' })
  @ApiOkResponse({
    type: ContractEventDto,
    description:
      'Server-sent events: `ready` once connected, a `contract` event (data: ContractEventDto, id: its id) ' +
      'for every parse that finishes, and a `ping` now and then',
  })
  stream(
    @CurrentTenant() tenantId: string,
    @Headers('last-event-id') lastEventId?: string,
  ): Observable<MessageEvent> {
    const after = lastEventId && /^\d{1,15}$/.test(lastEventId) ? Number(lastEventId) : null;
    return this.live.stream(tenantId, after);
  }
}
