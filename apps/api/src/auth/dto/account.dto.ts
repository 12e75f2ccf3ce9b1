import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { SessionCookieOption } from './auth.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class ForgotPasswordDto {
  @ApiProperty({ example: 'aino@example.com' })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(254)
  email: string;
}

export class ForgotPasswordResponseDto {
  @ApiProperty({
    example: 'If an account uses this address, a link to reset its password is on its way.',
  })
  message: string;
}

export class ResetPasswordDto {
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

/** A TOTP code or, instead, one of the recovery codes. */
export class SecondFactorDto {
  @ApiPropertyOptional({
    example: '123456',
    description: 'The 6-digit code of the authenticator app',
  })
  @IsOptional()
  @IsString()
  @Matches(/^\s*\d{3}\s?\d{3}\s*$/, { message: 'code must be 6 digits' })
  code?: string;

  @ApiPropertyOptional({ example: 'ABCDE-12345', description: 'A one-time recovery code instead' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  recoveryCode?: string;
}

export class MfaLoginDto extends SessionCookieOption {
  @ApiProperty({ description: 'The mfaToken from POST /v1/auth/login (valid 5 minutes)' })
  @IsString()
  @MinLength(10)
  @MaxLength(2000)
  mfaToken: string;

  @ApiPropertyOptional({ example: '123456' })
  @IsOptional()
  @IsString()
  @Matches(/^\s*\d{3}\s?\d{3}\s*$/, { message: 'code must be 6 digits' })
  code?: string;

  @ApiPropertyOptional({ example: 'ABCDE-12345' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  recoveryCode?: string;
}

export class MfaChallengeDto {
  @ApiProperty({ enum: [true], description: 'The password was right; a second factor is needed' })
  mfaRequired: true;
  @ApiProperty({ description: 'Send it to POST /v1/auth/login/mfa with the code' })
  mfaToken: string;
  @ApiProperty({ example: 300, description: 'Seconds the mfaToken is valid' })
  expiresIn: number;
}

export class MfaStatusDto {
  @ApiProperty() enabled: boolean;
  @ApiProperty({ nullable: true, type: String }) enabledAt: string | null;
  @ApiProperty({ description: 'Unused recovery codes' }) recoveryCodesLeft: number;
  @ApiProperty({ description: 'The tenant requires multi-factor authentication' })
  requiredByTenant: boolean;
}

export class MfaSetupDto {
  @ApiProperty({ description: 'The TOTP secret (base32), for typing into an app by hand' })
  secret: string;
  @ApiProperty({
    example: 'otpauth://totp/Contract%20Bank:aino%40example.com?secret=...&issuer=Contract%20Bank',
    description: 'The otpauth:// URI to show as a QR code',
  })
  otpauthUri: string;
}

export class EnableMfaDto {
  @ApiProperty({ example: '123456', description: 'A current code from the app, proving the setup' })
  @IsString()
  @Matches(/^\s*\d{3}\s?\d{3}\s*$/, { message: 'code must be 6 digits' })
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

export class DisableMfaDto extends SecondFactorDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;
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
