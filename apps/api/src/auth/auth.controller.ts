import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiExtraModels,
  ApiOkResponse,
  ApiTags,
  getSchemaPath,
} from '@nestjs/swagger';
import { APP_CONFIG, type AppConfig } from '@cb/config';
import type { Request, Response } from 'express';
import type { Principal } from '../common/auth/principal';
import { Authenticated, CurrentPrincipal, Public } from '../common/decorators/auth.decorators';
import { AuthService } from './auth.service';
import { MfaChallengeDto, MfaLoginDto } from './dto/account.dto';
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
  @ApiExtraModels(TokenPairDto, MfaChallengeDto)
  @ApiOkResponse({
    description:
      'Signed in (a token pair), or, when the account uses multi-factor authentication, a challenge: send its mfaToken and a code to POST /v1/auth/login/mfa',
    schema: {
      oneOf: [{ $ref: getSchemaPath(TokenPairDto) }, { $ref: getSchemaPath(MfaChallengeDto) }],
    },
  })
  async login(
    @Body() dto: LoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const result = await this.auth.login(dto, clientIp(req));
    if ('mfaRequired' in result) return result;
    return deliverSession(res, this.config, result, dto.refreshTokenInCookie);
  }

  @Public()
  @Post('auth/login/mfa')
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto, description: 'Signed in' })
  async loginWithSecondFactor(
    @Body() dto: MfaLoginDto,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ) {
    const pair = await this.auth.loginWithSecondFactor(dto, clientIp(req));
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
