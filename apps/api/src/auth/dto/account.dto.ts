import { ApiProperty } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsEmail, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { OTP_PATTERN, TOTP_CODE_PATTERN } from '../second-factor';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class PasswordResetRequestDto {
  @ApiProperty({ example: 'aino@example.com' })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(254)
  email: string;
}

export class PasswordResetRequestedDto {
  @ApiProperty({
    example: 'If an account uses this address, a link to reset its password is on its way.',
  })
  message: string;
}

export class PasswordResetConfirmDto {
  @ApiProperty({ description: 'The token from the reset link (`cbp_...`)' })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  token: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters' })
  @MaxLength(200)
  password: string;
}

export class VerifyEmailDto {
  @ApiProperty({ description: 'The token from the confirmation link (`cbv_...`)' })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  token: string;
}

export class ChangePasswordDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  currentPassword: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MinLength(10, { message: 'newPassword must be at least 10 characters' })
  @MaxLength(200)
  newPassword: string;
}

/** A second factor: a TOTP code or, instead, one of the recovery codes (used up). */
export class MfaCodeDto {
  @ApiProperty({
    example: '123456',
    description:
      'The 6-digit code of the authenticator app, or one of the recovery codes (`ABCDE-12345`)',
  })
  @IsString()
  @Matches(OTP_PATTERN, { message: 'code must be a 6-digit code or a recovery code' })
  code: string;
}

export class MfaStatusDto {
  @ApiProperty() enabled: boolean;
  @ApiProperty({ nullable: true, type: String }) enabledAt: string | null;
  @ApiProperty({ description: 'Unused recovery codes' }) recoveryCodesLeft: number;
  @ApiProperty({ description: 'The tenant requires multi-factor authentication' })
  requiredByTenant: boolean;
}

export class MfaEnrolmentDto {
  @ApiProperty({ description: 'The TOTP secret (base32), for typing into an app by hand' })
  secret: string;
  @ApiProperty({
    example: 'otpauth://totp/Contract%20Bank:aino%40example.com?secret=...&issuer=Contract%20Bank',
    description: 'The otpauth:// URI to show as a QR code',
  })
  otpauthUrl: string;
}

export class ConfirmMfaDto {
  @ApiProperty({ example: '123456', description: 'A current code from the app, proving the setup' })
  @IsString()
  @Matches(TOTP_CODE_PATTERN, { message: 'code must be 6 digits' })
  code: string;
}

export class RecoveryCodesDto {
  @ApiProperty({
    type: [String],
    example: ['ABCDE-12345'],
    description: 'Ten one-time codes, shown only now (stored hashed)',
  })
  recoveryCodes: string[];
}

export class TenantSecurityDto {
  @ApiProperty({ description: 'Every member must use multi-factor authentication' })
  requireMfa: boolean;
}

export class UpdateTenantSecurityDto {
  @ApiProperty()
  @IsBoolean()
  requireMfa: boolean;
}
