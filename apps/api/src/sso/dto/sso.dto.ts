import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsEmail,
  IsOptional,
  IsString,
  IsUUID,
  IsUrl,
  MaxLength,
  MinLength,
} from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class SaveSsoConnectionDto {
  @ApiProperty({
    example: 'https://login.microsoftonline.com/00000000-0000-0000-0000-000000000000/v2.0',
    description:
      'The OpenID Connect issuer; its /.well-known/openid-configuration is read before saving. Microsoft Entra: https://login.microsoftonline.com/<tenant id>/v2.0; Google: https://accounts.google.com',
  })
  @Transform(trim)
  @IsUrl(
    { require_tld: false, require_protocol: true, protocols: ['https', 'http'] },
    { message: 'issuerUrl must be a URL' },
  )
  @MaxLength(500)
  issuerUrl: string;

  @ApiProperty({ example: '8c0f5d0e-1b7a-4c55-9d7e-3f2f0c7a1b2c' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  clientId: string;

  @ApiPropertyOptional({
    description:
      'Required the first time; leave out to keep the stored one. Stored encrypted and never returned.',
  })
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  clientSecret?: string;

  @ApiProperty({ example: ['example.com'], description: 'The e-mail domains that sign in here' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(253, { each: true })
  domains: string[];

  @ApiProperty({
    description:
      "Password sign-in is refused for the tenant's users of these domains (needs one successful SSO sign-in with these settings first)",
  })
  @IsBoolean()
  required: boolean;
}

export class SsoConnectionDto {
  @ApiProperty({ description: 'Whether single sign-on is set up' }) configured: boolean;
  @ApiProperty({ type: String, nullable: true }) issuerUrl: string | null;
  @ApiProperty({ type: String, nullable: true }) clientId: string | null;
  @ApiProperty({ type: [String] }) domains: string[];
  @ApiProperty() required: boolean;
  @ApiProperty({
    example: 'https://contracts.example.com/v1/auth/sso/callback',
    description: 'Register this redirect URI at the identity provider',
  })
  redirectUri: string;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) lastSignInAt: string | null;
  @ApiProperty({ type: String, nullable: true, format: 'date-time' }) updatedAt: string | null;
}

export class StartSsoQueryDto {
  @ApiPropertyOptional({
    example: 'aino@example.com',
    description: "The person's work e-mail (its domain finds the organisation)",
  })
  @IsOptional()
  @Transform(trim)
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(254)
  email?: string;

  @ApiPropertyOptional({ description: 'Or the organisation (tenant) id' })
  @IsOptional()
  @IsUUID('all', { message: 'tenant must be a tenant id' })
  tenant?: string;
}

export class SsoAuthorizationDto {
  @ApiProperty({ description: "The identity provider's authorization URL to open" })
  authorizationUrl: string;
}
