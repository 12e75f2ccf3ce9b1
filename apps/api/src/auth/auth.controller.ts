import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import type { Request, Response } from 'express';
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
import { DomainError, DomainErrorCode } from '@cb/domain';
import { clearSessionCookie, deliverSession, refreshTokenFromCookie } from './session-cookie';

@ApiTags('accounts')
@Controller('v1')
export class AuthController {
  constructor(
    @Inject(AuthService) private readonly auth: AuthService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  @Public()
  @Post('signup')
  @ApiCreatedResponse({
    type: SignupResponseDto,
    description: 'The company is created and its trial starts',
  })
  async signup(@Body() dto: SignupDto, @Res({ passthrough: true }) res: Response) {
    return deliverSession(res, this.config, await this.auth.signup(dto), dto.refreshTokenInCookie);
  }

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  @ApiOkResponse({
    type: TokenPairDto,
    description:
      'Signed in. An account with two-factor authentication answers 401 with `code: "mfa_required"` until `otp` is sent with the e-mail and password',
  })
  async login(
    @Body() dto: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const pair = await this.auth.login(dto, clientIp(req));
    return deliverSession(res, this.config, pair, dto.refreshTokenInCookie);
  }

  @Public()
  @Post('auth/refresh')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto })
  async refresh(
    @Body() dto: RefreshDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const fromCookie = refreshTokenFromCookie(req);
    const token = dto.refreshToken ?? fromCookie;
    if (!token)
      throw new DomainError(DomainErrorCode.Unauthenticated, 'The refresh token is not valid');
    try {
      const pair = await this.auth.refresh(token);
      // A token that came in the cookie goes back in the cookie.
      return deliverSession(
        res,
        this.config,
        pair,
        dto.refreshTokenInCookie ?? (!dto.refreshToken && Boolean(fromCookie)),
      );
    } catch (err) {
      if (!dto.refreshToken && fromCookie) clearSessionCookie(res, this.config);
      throw err;
    }
  }

  @Post('auth/logout')
  @Authenticated()
  @HttpCode(204)
  @ApiBearerAuth()
  async logout(
    @CurrentPrincipal() p: Principal,
    @Body() dto: LogoutDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<void> {
    await this.auth.logout(p, dto.refreshToken ?? refreshTokenFromCookie(req));
    clearSessionCookie(res, this.config);
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
