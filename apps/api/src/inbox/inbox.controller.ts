import { Controller, Delete, Get, HttpCode, Inject } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { GetInbox, RotateInbox, type Actor } from '@cb/application';
import {
  CurrentActor,
  CurrentTenant,
  RequirePermission,
} from '../common/decorators/auth.decorators';
import { InboxDto } from './inbox.dto';

@ApiTags('inbox')
@ApiBearerAuth()
@Controller('v1/inbox')
export class InboxController {
  constructor(
    @Inject(GetInbox) private readonly getInbox: GetInbox,
    @Inject(RotateInbox) private readonly rotateInbox: RotateInbox,
  ) {}

  @Get()
  @RequirePermission('contracts:write')
  @ApiOkResponse({
    type: InboxDto,
    description: 'The secret address; PDF, DOCX and TXT attachments from users become contracts',
  })
  get(@CurrentTenant() tenantId: string): Promise<InboxDto> {
    return this.getInbox.execute(tenantId);
  }

  @Delete()
  @HttpCode(204)
  @RequirePermission('settings:manage')
  @ApiNoContentResponse({
    description: 'The address stops working at once; the next GET /v1/inbox gives a new one',
  })
  async rotate(@CurrentTenant() tenantId: string, @CurrentActor() actor: Actor): Promise<void> {
    await this.rotateInbox.execute(tenantId, actor);
  }
}
