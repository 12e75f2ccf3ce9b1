import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsEmail, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '@cb/domain';
import { SessionCookieOption, TenantRefDto, UserDto } from '../../auth/dto/auth.dto';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateInvitationDto {
  @ApiProperty({ example: 'colleague@example.com' })
  @Transform(trim)
  @IsEmail({}, { message: 'email must be a valid e-mail address' })
  @MaxLength(254)
  email: string;

  @ApiProperty({ enum: ROLES, example: 'member' })
  @IsIn(ROLES, { message: `role must be one of ${ROLES.join(', ')}` })
  role: Role;
}

export class InvitationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() email: string;
  @ApiProperty({ enum: ROLES }) role: string;
  @ApiProperty() expiresAt: string;
  @ApiProperty() createdAt: string;
}

export class InvitationListDto {
  @ApiProperty({ type: [InvitationDto] }) data: InvitationDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export class AcceptInvitationDto extends SessionCookieOption {
  @ApiProperty({ description: 'The token from the invitation link' })
  @IsString()
  @MinLength(10)
  @MaxLength(200)
  token: string;

  @ApiProperty({ example: 'Mikko Virtanen' })
  @Transform(trim)
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name: string;

  @ApiProperty({ minLength: 10 })
  @IsString()
  @MinLength(10, { message: 'password must be at least 10 characters' })
  @MaxLength(200)
  password: string;
}

export class AcceptedInvitationDto {
  @ApiProperty({ type: TenantRefDto }) tenant: TenantRefDto;
  @ApiProperty({ type: UserDto }) user: UserDto;
  @ApiProperty() accessToken: string;
  @ApiPropertyOptional({
    description:
      'Absent when `refreshTokenInCookie` was set: it is in the `cb_refresh` cookie instead.',
  })
  refreshToken?: string;
  @ApiProperty() expiresIn: number;
}
