import { Body, Controller, Delete, Get, HttpCode, Inject, Post, Put, Req } from '@nestjs/common';
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
import { AllowWithoutSubscription } from '../billing/subscription-gate.guard';
import { AccountService } from './account.service';
import { clientIp } from './auth.controller';
import {
  ChangePasswordDto,
  ConfirmMfaDto,
  MfaCodeDto,
  MfaEnrolmentDto,
  MfaStatusDto,
  PasswordResetConfirmDto,
  PasswordResetRequestDto,
  PasswordResetRequestedDto,
  RecoveryCodesDto,
  TenantSecurityDto,
  UpdateTenantSecurityDto,
  VerifyEmailDto,
} from './dto/account.dto';
import { EmailVerificationService } from './email-verification.service';
import { MfaService } from './mfa.service';

/**
 * Passwords (forgotten, changed) and multi-factor authentication, at the paths of the API contract
 * (API.md, "Account security"): for people signed in, never API keys.
 */
@ApiTags('accounts')
@Controller('v1')
export class AccountController {
  constructor(
    @Inject(AccountService) private readonly account: AccountService,
    @Inject(MfaService) private readonly mfa: MfaService,
    @Inject(EmailVerificationService) private readonly verification: EmailVerificationService,
  ) {}

  @Public()
  @Post('auth/verify-email')
  @HttpCode(204)
  @ApiNoContentResponse({
    description:
      'The address of the link is confirmed (alerts go to it from now on). An unknown, used or expired token answers 400 `verification_token_invalid` naming `token`',
  })
  verifyEmail(@Body() dto: VerifyEmailDto): Promise<void> {
    return this.verification.verify(dto.token);
  }

  @Post('me/verify-email')
  @AllowWithoutSubscription()
  @Authenticated()
  @HttpCode(202)
  @ApiBearerAuth()
  @ApiAcceptedResponse({
    description:
      'A new confirmation link (valid 48 hours; older links stop working) is e-mailed. 409 `invalid_state` when the address is already confirmed; 429 beyond 5 links an hour',
  })
  resendVerification(@CurrentPrincipal() p: Principal): Promise<void> {
    return this.verification.resend(p);
  }

  @Public()
  @Post('auth/password-reset')
  @HttpCode(202)
  @ApiAcceptedResponse({
    type: PasswordResetRequestedDto,
    description:
      'The same answer whether or not the address has an account; if it has, a single-use link valid for one hour is e-mailed',
  })
  requestPasswordReset(@Body() dto: PasswordResetRequestDto): PasswordResetRequestedDto {
    return this.account.requestPasswordReset(dto.email);
  }

  @Public()
  @Post('auth/password-reset/confirm')
  @HttpCode(204)
  @ApiNoContentResponse({
    description:
      'The password is changed and every session of the account has ended; sign in again. An unknown, used or expired token answers 400 naming `token`',
  })
  confirmPasswordReset(@Body() dto: PasswordResetConfirmDto): Promise<void> {
    return this.account.confirmPasswordReset(dto.token, dto.password);
  }

  @Post('me/password')
  @AllowWithoutSubscription()
  @Authenticated()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse({
    description: "Changed; this session goes on, the account's other sessions end at once",
  })
  changePassword(
    @CurrentPrincipal() p: Principal,
    @Body() dto: ChangePasswordDto,
    @Req() req: Request,
  ): Promise<void> {
    return this.account.changePassword(p, dto.currentPassword, dto.newPassword, clientIp(req));
  }

  @Get('me/mfa')
  @Authenticated()
  @ApiBearerAuth()
  @ApiOkResponse({ type: MfaStatusDto })
  mfaStatus(@CurrentPrincipal() p: Principal): Promise<MfaStatusDto> {
    return this.mfa.status(p);
  }

  @Post('me/mfa')
  @AllowWithoutSubscription()
  @Authenticated()
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOkResponse({
    type: MfaEnrolmentDto,
    description: 'A new TOTP secret, not in force until confirmed with POST /v1/me/mfa/confirm',
  })
  enrolMfa(@CurrentPrincipal() p: Principal): Promise<MfaEnrolmentDto> {
    return this.mfa.enrol(p);
  }

  @Post('me/mfa/confirm')
  @AllowWithoutSubscription()
  @Authenticated()
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOkResponse({ type: RecoveryCodesDto, description: 'On; the ten recovery codes, shown once' })
  confirmMfa(
    @CurrentPrincipal() p: Principal,
    @Body() dto: ConfirmMfaDto,
  ): Promise<RecoveryCodesDto> {
    return this.mfa.confirm(p, dto.code);
  }

  @Delete('me/mfa')
  @AllowWithoutSubscription()
  @Authenticated()
  @HttpCode(204)
  @ApiBearerAuth()
  @ApiNoContentResponse({
    description:
      'Off, with a current code or a recovery code (refused with 409 while the tenant requires it)',
  })
  disableMfa(@CurrentPrincipal() p: Principal, @Body() dto: MfaCodeDto): Promise<void> {
    return this.mfa.disable(p, dto.code);
  }

  @Post('me/mfa/recovery-codes')
  @AllowWithoutSubscription()
  @Authenticated()
  @HttpCode(200)
  @ApiBearerAuth()
  @ApiOkResponse({
    type: RecoveryCodesDto,
    description: 'Ten new codes, with a current code or a recovery code; the old ones stop working',
  })
  renewRecoveryCodes(
    @CurrentPrincipal() p: Principal,
    @Body() dto: MfaCodeDto,
  ): Promise<RecoveryCodesDto> {
    return this.mfa.renewRecoveryCodes(p, dto.code);
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
