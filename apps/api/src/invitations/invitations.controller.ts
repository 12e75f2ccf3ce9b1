import { Body, Controller, Inject, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../common/auth/principal';
import { CurrentPrincipal, Public, RequirePermission } from '../common/decorators/auth.decorators';
import {
  AcceptedInvitationDto,
  AcceptInvitationDto,
  CreateInvitationDto,
  InvitationDto,
} from './dto/invitation.dto';
import { InvitationsService } from './invitations.service';

@ApiTags('team')
@Controller('v1/invitations')
export class InvitationsController {
  constructor(@Inject(InvitationsService) private readonly invitations: InvitationsService) {}

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

  @Public()
  @Post('accept')
  @ApiCreatedResponse({
    type: AcceptedInvitationDto,
    description: 'The account is created and signed in',
  })
  accept(@Body() dto: AcceptInvitationDto): Promise<AcceptedInvitationDto> {
    return this.invitations.accept(dto);
  }
}
