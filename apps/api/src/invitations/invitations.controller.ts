import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Post,
  Res,
} from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import type { Response } from 'express';
import { deliverSession } from '../auth/session-cookie';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Principal } from '../common/auth/principal';
import {
  CurrentPrincipal,
  CurrentTenant,
  Public,
  RequirePermission,
} from '../common/decorators/auth.decorators';
import {
  AcceptedInvitationDto,
  AcceptInvitationDto,
  CreateInvitationDto,
  InvitationDto,
  InvitationListDto,
} from './dto/invitation.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('team')
@Controller('v1/invitations')
export class InvitationsController {
  constructor(
    @Inject(InvitationsService) private readonly invitations: InvitationsService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Post()
  @ApiBearerAuth()
  @RequirePermission('users:manage')
  @ApiCreatedResponse({
    type: InvitationDto,
    description: 'The invitation link is e-mailed (or logged without SMTP)',
  })
  create(
    @CurrentPrincipal() p: Principal,
    @Body() dto: CreateInvitationDto,
  ): Promise<InvitationDto> {
    return this.invitations.create(p, dto);
  }

  @Get()
  @ApiBearerAuth()
  @RequirePermission('users:manage')
  @ApiOkResponse({
    type: InvitationListDto,
    description: 'Pending invitations (not accepted, withdrawn or expired), newest first',
  })
  list(@CurrentTenant() tenantId: string): Promise<InvitationListDto> {
    return this.invitations.listPending(tenantId);
  }

  @Delete(':id')
  @HttpCode(204)
  @ApiBearerAuth()
  @RequirePermission('users:manage')
  @ApiNoContentResponse({
    description: 'Withdrawn: the link stops working at once (409 if already accepted)',
  })
  revoke(@CurrentTenant() tenantId: string, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.invitations.revoke(tenantId, id);
  }

  @Public()
  @Post('accept')
  @ApiCreatedResponse({
    type: AcceptedInvitationDto,
    description: 'The account is created and signed in',
  })
  async accept(
    @Body() dto: AcceptInvitationDto,
    @Res({ passthrough: true }) res: Response,
  ): Promise<AcceptedInvitationDto> {
    const joined = await this.invitations.accept(dto);
    return deliverSession(res, this.config, joined, dto.refreshTokenInCookie);
  }
}
