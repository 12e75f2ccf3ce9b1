import {
  Body,
  Controller,
  Delete,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Put,
} from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  DecideDeadline,
  EndSnooze,
  SnoozeDeadline,
  UndoDecision,
  type Actor,
} from '@cb/application';
import {
  CurrentActor,
  CurrentTenant,
  RequirePermission,
} from '../common/decorators/auth.decorators';
import { toContractResponse } from '../contracts/contracts.mapper';
import { ContractResponseDto } from '../contracts/dto/contract.dto';
import { DecideDeadlineDto } from './dto/decision.dto';
import { DeadlineSnoozeDto, SnoozeDeadlineDto } from './dto/snooze.dto';

/** A decision on a contract's current notice deadline (docs/api.md, "Acting on a deadline"). */
@ApiTags('contracts')
@ApiBearerAuth()
@Controller('v1/contracts/:id/decision')
export class DecisionsController {
  constructor(
    @Inject(DecideDeadline) private readonly decide: DecideDeadline,
    @Inject(UndoDecision) private readonly undo: UndoDecision,
    @Inject(SnoozeDeadline) private readonly snoozeDeadline: SnoozeDeadline,
    @Inject(EndSnooze) private readonly endSnooze: EndSnooze,
  ) {}

  @Put()
  @RequirePermission('contracts:write')
  @ApiOkResponse({
    type: ContractResponseDto,
    description:
      'The contract with `decision`; 409 when it has no notice deadline (it does not renew, or is an amendment)',
  })
  async put(
    @CurrentTenant() tenantId: string,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) contractId: string,
    @Body() dto: DecideDeadlineDto,
  ) {
    return toContractResponse(await this.decide.execute({ tenantId, actor, contractId, ...dto }));
  }

  @Delete()
  @HttpCode(204)
  @RequirePermission('contracts:write')
  @ApiNoContentResponse({
    description: 'The decision is taken back (none: nothing changes); alerts resume',
  })
  remove(
    @CurrentTenant() tenantId: string,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) contractId: string,
  ) {
    return this.undo.execute({ tenantId, actor, contractId });
  }

  @Post('snooze')
  @HttpCode(200)
  @RequirePermission('contracts:write')
  @ApiOkResponse({
    type: DeadlineSnoozeDto,
    description:
      'Hidden from the worklist until `until`; alerts go on (only a decision stops them). 409 without an undecided notice deadline',
  })
  snooze(
    @CurrentTenant() tenantId: string,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) contractId: string,
    @Body() dto: SnoozeDeadlineDto,
  ): Promise<DeadlineSnoozeDto> {
    return this.snoozeDeadline.execute({ tenantId, actor, contractId, until: dto.until });
  }

  @Delete('snooze')
  @HttpCode(204)
  @RequirePermission('contracts:write')
  @ApiNoContentResponse({ description: 'The snooze ends (none: nothing changes)' })
  unsnooze(
    @CurrentTenant() tenantId: string,
    @CurrentActor() actor: Actor,
    @Param('id', ParseUUIDPipe) contractId: string,
  ) {
    return this.endSnooze.execute({ tenantId, actor, contractId });
  }
}
