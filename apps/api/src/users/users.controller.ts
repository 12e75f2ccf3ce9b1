import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Inject,
  Param,
  ParseUUIDPipe,
  Patch,
} from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Principal } from '../common/auth/principal';
import {
  CurrentPrincipal,
  CurrentTenant,
  RequirePermission,
} from '../common/decorators/auth.decorators';
import { ChangeRoleDto, TeamMemberDto, TeamMemberListDto } from './dto/user.dto';
import { UsersService } from './users.service';

@ApiTags('team')
@ApiBearerAuth()
@Controller('v1/users')
export class UsersController {
  constructor(@Inject(UsersService) private readonly users: UsersService) {}

  @Get()
  @RequirePermission('users:manage')
  @ApiOkResponse({ type: TeamMemberListDto })
  list(@CurrentTenant() tenantId: string): Promise<TeamMemberListDto> {
    return this.users.list(tenantId);
  }

  @Patch(':id')
  @RequirePermission('users:manage')
  @ApiOkResponse({ type: TeamMemberDto })
  changeRole(
    @CurrentPrincipal() p: Principal,
    @Param('id', ParseUUIDPipe) id: string,
    @Body() dto: ChangeRoleDto,
  ): Promise<TeamMemberDto> {
    return this.users.changeRole(p, id, dto.role);
  }

  @Delete(':id')
  @HttpCode(204)
  @RequirePermission('users:manage')
  @ApiNoContentResponse({ description: 'Removed; their sessions end at once' })
  remove(@CurrentPrincipal() p: Principal, @Param('id', ParseUUIDPipe) id: string): Promise<void> {
    return this.users.remove(p, id);
  }
}
