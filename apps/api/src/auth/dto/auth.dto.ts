import { ALERT_LANGUAGES, type AlertLanguage } from '@cb/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsEmail,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { OTP_PATTERN } from '../second-factor';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** Web clients: the refresh token as an HttpOnly cookie instead of in the response body. */
export class SessionCookieOption {
  @ApiPropertyOptional({
    description:
      'Set the refresh token as an HttpOnly, SameSite=Strict cookie (`cb_refresh`, path /v1/auth) instead of returning it in the body; for browsers. API clients leave it out and keep the body form.',
    default: false,
  })
  @IsOptional()
  @IsBoolean()
  refreshTokenInCookie?: boolean;
}

export class SignupDto extends SessionCookieOption {
  @ApiProperty({ example: 'Nordic Widgets Oy' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  company: string;

  @ApiProperty({ example: 'Aino Virtanen' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ example: 'aino@example.com' })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ minLength: 10, example: 'correct horse battery' })
  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters' })
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({
    enum: ALERT_LANGUAGES,
    example: 'fi',
    description:
      'The language of the e-mail with the address confirmation link (the web UI sends its own): en, fi or sv. Default en; later e-mails follow the alert settings',
  })
  @IsOptional()
  @IsIn(ALERT_LANGUAGES, { message: `language must be one of ${ALERT_LANGUAGES.join(', ')}` })
  language?: AlertLanguage;
}

export class LoginDto extends SessionCookieOption {
  @ApiProperty({ example: 'aino@example.com' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(254)
  email: string;

  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  password: string;

  @ApiPropertyOptional({
    example: '123456',
    description:
      'With two-factor authentication on: the 6-digit code of the authenticator app, or one of the recovery codes (`ABCDE-12345`, used up). Without it such an account answers 401 `mfa_required`.',
  })
  @IsOptional()
  @IsString()
  @Matches(OTP_PATTERN, { message: 'otp must be a 6-digit code or a recovery code' })
  otp?: string;
}

export class RefreshDto extends SessionCookieOption {
  @ApiPropertyOptional({
    description: 'The refresh token; may be left out when it travels in the `cb_refresh` cookie.',
  })
  @IsOptional()
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  refreshToken?: string;
}

export class LogoutDto {
  @ApiPropertyOptional({
    description:
      "The refresh token to revoke (or the `cb_refresh` cookie); without either, all of the caller's sessions end. The calling access token stops working at once in every case.",
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  refreshToken?: string;
}

export class TokenPairDto {
  @ApiProperty() accessToken: string;
  @ApiPropertyOptional({
    description:
      'Absent when `refreshTokenInCookie` was set: it is in the `cb_refresh` cookie instead.',
  })
  refreshToken?: string;
  @ApiProperty({ description: 'Access token lifetime in seconds', example: 900 }) expiresIn: number;
}

export class TenantRefDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() name: string;
}

export class UserDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: ['owner', 'admin', 'member', 'viewer'] }) role: string;
}

export class SignupResponseDto extends TokenPairDto {
  @ApiProperty({ type: TenantRefDto }) tenant: TenantRefDto;
  @ApiProperty({ type: UserDto }) user: UserDto;
}

export class AccountSecurityDto {
  @ApiProperty({ description: 'This user signs in with a second factor (TOTP)' })
  mfaEnabled: boolean;
  @ApiProperty({ description: 'The tenant requires multi-factor authentication of every member' })
  mfaRequired: boolean;
  @ApiProperty({
    description:
      'The tenant requires it and this user has not turned it on: every other request answers 403 mfa_enrollment_required',
  })
  mfaEnrollmentRequired: boolean;
}

export class MeDto {
  @ApiProperty({ type: UserDto }) user: UserDto;
  @ApiProperty({ type: TenantRefDto }) tenant: TenantRefDto;
  @ApiProperty({
    description:
      'The user confirmed their e-mail address (the sign-up link, an accepted invitation or single sign-on). Alerts go only to confirmed addresses; nothing else waits for it',
  })
  emailVerified: boolean;
  @ApiProperty({ type: AccountSecurityDto }) security: AccountSecurityDto;
}
