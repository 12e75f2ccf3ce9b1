import { Body, Controller, Get, HttpCode, Inject, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { Principal } from '../common/auth/principal';
import { Authenticated, CurrentPrincipal, Public } from '../common/decorators/auth.decorators';
import { AuthService } from './auth.service';
import {
  LoginDto,
  LogoutDto,
  MeDto,
  RefreshDto,
  SignupDto,
  SignupResponseDto,
  TokenPairDto,
} from './dto/auth.dto';

@ApiTags('accounts')
@Controller('v1')
export class AuthController {
  constructor(@Inject(AuthService) private readonly auth: AuthService) {}

  @Public()
  @Post('signup')
  @ApiCreatedResponse({
    type: SignupResponseDto,
    description: 'The company is created and its trial starts',
  })
  signup(@Body() dto: SignupDto) {
    return this.auth.signup(dto);
  }

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto })
  login(@Body() dto: LoginDto, @Req() req: Request) {
    return this.auth.login(dto, clientIp(req));
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto })
  refresh(@Body() dto: RefreshDto) {
    return this.auth.refresh(dto.refreshToken);
  }

  @Post('auth/logout')
  @Authenticated()
  @HttpCode(204)
  @ApiBearerAuth()
  logout(@CurrentPrincipal() p: Principal, @Body() dto: LogoutDto) {
    return this.auth.logout(p.tenantId, p.userId, dto.refreshToken);
  }

  @Get('me')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeDto })
  me(@CurrentPrincipal() p: Principal) {
    return this.auth.me(p.tenantId, p.userId);
  }
}

/** The client's address as Express computes it (X-Forwarded-For only under TRUST_PROXY). */
export function clientIp(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}
