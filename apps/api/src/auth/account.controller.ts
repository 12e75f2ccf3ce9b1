import { Body, Controller, Get, HttpCode, Inject, Post, Put, Req } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiTags,
} from '@nestjs/swagger';
import type { Request } from 'express';
import type { Principal } from '../common/auth/principal';
import {
  Authenticated,
  CurrentPrincipal,
  CurrentTenant,
  Public,
  RequirePermission,
} from '../common/decorators/auth.decorators';
import { AccountService } from './account.service';
import { clientIp } from './auth.controller';
import {
  ChangePasswordDto,
  DisableMfaDto,
  EnableMfaDto,
  ForgotPasswordDto,
  ForgotPasswordResponseDto,
  MfaSetupDto,
  MfaStatusDto,
  RecoveryCodesDto,
  ResetPasswordDto,
  SecondFactorDto,
  TenantSecurityDto,
  UpdateTenantSecurityDto,
} from './dto/account.dto';
import { MfaService } from './mfa.service';

/** Passwords (forgotten, changed) and multi-factor authentication: for people signed in, never API keys. */
@ApiTags('accounts')
@Controller('v1')
export class AccountController {
  constructor(
    @Inject(AccountService) private readonly account: AccountService,
    @Inject(MfaService) private readonly mfa: MfaService,
  ) {}

  @Public()
  @Post('auth/password/forgot')
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: ForgotPasswordResponseDto,
    description:
      'The same answer whether or not the address has an account; if it has, a single-use link valid for one hour is e-mailed',
  })
  forgot(@Body() dto: ForgotPasswordDto): ForgotPasswordResponseDto {
    return this.account.forgotPassword(dto.email);
  }

  @Public()
  @Post('auth/password/reset')
  @HttpCode(204)
  @ApiNoContentResponse({
    description:
      'The password is changed and every session of the account has ended; sign in again',
  })
  reset(@Body() dto: ResetPasswordDto): Promise<void> {
    return this.account.resetPassword(dto.token, dto.password);
  }

  @Post('auth/password/change')
  @Authenticated()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse({
    description: "Changed; this session goes on, the account's other sessions end at once",
  })
  change(
    @CurrentPrincipal() p: Principal,
    @Body() dto: ChangePasswordDto,
    @Req() req: Request,
  ): Promise<void> {
    return this.account.changePassword(p, dto.currentPassword, dto.newPassword, clientIp(req));
  }

  @Get('auth/mfa')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOkResponse({ type: MfaStatusDto })
  status(@CurrentPrincipal() p: Principal): Promise<MfaStatusDto> {
    return this.mfa.status(p);
  }

  @Post('auth/mfa/setup')
  @Authenticated()
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOkResponse({
    type: MfaSetupDto,
    description: 'A new TOTP secret, not in force until confirmed with POST /v1/auth/mfa/enable',
  })
  setup(@CurrentPrincipal() p: Principal): Promise<MfaSetupDto> {
    return this.mfa.setup(p);
  }

  @Post('auth/mfa/enable')
  @Authenticated()
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOkResponse({ type: RecoveryCodesDto, description: 'On; the ten recovery codes, shown once' })
  enable(@CurrentPrincipal() p: Principal, @Body() dto: EnableMfaDto): Promise<RecoveryCodesDto> {
    return this.mfa.enable(p, dto.code);
  }

  @Post('auth/mfa/disable')
  @Authenticated()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse({ description: 'Off (refused while the tenant requires it)' })
  disable(@CurrentPrincipal() p: Principal, @Body() dto: DisableMfaDto): Promise<void> {
    return this.mfa.disable(p, dto.password, dto);
  }

  @Post('auth/mfa/recovery-codes')
  @Authenticated()
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOkResponse({
    type: RecoveryCodesDto,
    description: 'Ten new codes; the old ones stop working',
  })
  renewRecoveryCodes(
    @CurrentPrincipal() p: Principal,
    @Body() dto: SecondFactorDto,
  ): Promise<RecoveryCodesDto> {
    return this.mfa.renewRecoveryCodes(p, dto);
  }

  @Get('tenant/security')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOkResponse({ type: TenantSecurityDto })
  tenantSecurity(@CurrentTenant() tenantId: string): Promise<TenantSecurityDto> {
    return this.mfa.tenantSecurity(tenantId);
  }

  @Put('tenant/security')
  @RequirePermission('security:manage')
  @ApiBearerAuth()
  @ApiOkResponse({
    type: TenantSecurityDto,
    description: 'Owner only; requiring MFA needs the owner to use it first',
  })
  setTenantSecurity(
    @CurrentPrincipal() p: Principal,
    @Body() dto: UpdateTenantSecurityDto,
  ): Promise<TenantSecurityDto> {
    return this.mfa.setTenantRequirement(p, dto.requireMfa);
  }
}
