import { ALERT_LANGUAGES, type AlertLanguage } from '@cb/domain';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsEmail,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';

export class UpdateAlertSettingsDto {
  @ApiPropertyOptional({
    type: [Number],
    example: [90, 30, 7],
    description: 'Days before a deadline; 1 to 10 values from 1 to 365. Default [90, 30, 7].',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsInt({ each: true })
  leadDays?: number[];

  @ApiPropertyOptional({
    type: [String],
    example: ['legal@example.com'],
    description: 'E-mail recipients; empty or absent: the owners and admins.',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsEmail({}, { each: true })
  @MaxLength(254, { each: true })
  recipients?: string[];

  @ApiPropertyOptional({
    example: 'Europe/Helsinki',
    description: 'IANA time zone in which "today" is reckoned. Default Europe/Helsinki.',
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  timezone?: string;

  @ApiPropertyOptional({
    enum: ALERT_LANGUAGES,
    example: 'fi',
    description: 'Language of alert and digest e-mails: en, fi or sv. Default en.',
  })
  @IsOptional()
  @IsIn(ALERT_LANGUAGES, { message: `language must be one of ${ALERT_LANGUAGES.join(', ')}` })
  language?: AlertLanguage;
}

export class AlertSettingsResponseDto {
  @ApiProperty({ type: [Number], example: [90, 30, 7] }) leadDays: number[];
  @ApiProperty({
    type: [String],
    description:
      'Who receives alerts: the configured list, or the owners and admins when none is configured.',
  })
  recipients: string[];
  @ApiProperty({
    description:
      'true when no recipients are configured and the owners and admins receive the alerts',
  })
  recipientsAreDefault: boolean;
  @ApiProperty({ example: 'Europe/Helsinki' }) timezone: string;
  @ApiProperty({
    enum: ALERT_LANGUAGES,
    example: 'en',
    description: 'Language of alert and digest e-mails',
  })
  language: AlertLanguage;
}
