import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsDateString,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateIf,
} from 'class-validator';
import { DECISION_KINDS, DECISION_NOTE_MAX_LENGTH, type DecisionKind } from '@cb/domain';

/** PUT /v1/contracts/:id/decision: the decision on the contract's current notice deadline. */
export class DecideDeadlineDto {
  @ApiProperty({ enum: DECISION_KINDS })
  @IsIn(DECISION_KINDS)
  decision: DecisionKind;

  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description:
      "The day notice was sent, not after today (the tenant's calendar). terminate with noticeSentOn ends the contract at the end of the current term",
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'noticeSentOn must be YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: 'noticeSentOn must be a real date' })
  noticeSentOn?: string | null;

  @ApiPropertyOptional({ type: String, nullable: true, maxLength: DECISION_NOTE_MAX_LENGTH })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(DECISION_NOTE_MAX_LENGTH)
  note?: string | null;
}

export class DecidedByDto {
  @ApiProperty({ enum: ['user', 'apiKey', 'operator', 'system'] }) type: string;
  @ApiProperty({ nullable: true, type: String, format: 'uuid' }) id: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: "The user's name (null for an API key)",
  })
  name: string | null;
}

export class ContractDecisionDto {
  @ApiProperty({ enum: DECISION_KINDS }) decision: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) noticeSentOn: string | null;
  @ApiProperty({ nullable: true, type: String }) note: string | null;
  @ApiProperty({ type: DecidedByDto }) decidedBy: DecidedByDto;
  @ApiProperty({ format: 'date-time' }) decidedAt: string;
  @ApiProperty({ format: 'date', description: 'The notice deadline this decision answers' })
  deadline: string;
}
