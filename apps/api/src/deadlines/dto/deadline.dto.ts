import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ListDeadlinesQueryDto {
  @ApiPropertyOptional({
    format: 'date',
    description:
      "Default: today in the tenant's time zone (alert settings); undecided=true: no lower bound",
  })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'from must be YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'Default: from + 365 days (undecided=true: yesterday, so only the passed ones)',
  })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'to must be YYYY-MM-DD' })
  to?: string;

  @ApiPropertyOptional({ enum: ['notice', 'renewal', 'expiration', 'obligation'] })
  @IsOptional()
  @IsIn(['notice', 'renewal', 'expiration', 'obligation'])
  kind?: 'notice' | 'renewal' | 'expiration' | 'obligation';

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description:
      'true: only notice deadlines without a decision (contracts not ending), oldest first: by default the passed ones; a `to` reaches into the future (the worklist). kind does not apply',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  undecided?: 'true' | 'false';

  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description:
      'With undecided=true: false leaves out the deadlines snoozed beyond today (the worklist); default: all',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  snoozed?: 'true' | 'false';
}

export class DeadlineSummaryQueryDto {
  @ApiPropertyOptional({
    minimum: 1,
    maximum: 366,
    default: 90,
    description: 'How many days ahead the upcoming count looks',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(366)
  days?: number;
}

/** GET /v1/deadlines/summary: how many notice deadlines wait for a decision. */
export class DeadlineSummaryDto {
  @ApiProperty({ format: 'date', description: "The tenant's today" }) today: string;
  @ApiProperty({ format: 'date', description: 'today + days: the last day upcoming counts' })
  until: string;
  @ApiProperty({
    description: 'Undecided notice deadlines from today to until (inclusive), snoozed ones too',
  })
  undecidedUpcoming: number;
  @ApiProperty({ description: 'Undecided notice deadlines that have passed' })
  undecidedPassed: number;
  @ApiProperty({ description: 'Of the undecided ones up to until, those snoozed beyond today' })
  snoozed: number;
}

export class DeadlineDto {
  @ApiProperty({ format: 'uuid' }) contractId: string;
  @ApiProperty() contractTitle: string;
  @ApiProperty({ enum: ['notice', 'renewal', 'expiration', 'obligation'] }) kind: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiPropertyOptional({ format: 'uuid' }) obligationId?: string;
  // Extension: undecided=true rows carry what the dashboard's worklist shows.
  @ApiPropertyOptional({ type: String, nullable: true, description: 'undecided=true only' })
  counterparty?: string | null;
  @ApiPropertyOptional({
    type: String,
    format: 'uuid',
    nullable: true,
    description: 'undecided=true only: the contract owner',
  })
  ownerId?: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: "undecided=true only: the contract's language",
  })
  language?: string | null;
  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description:
      'undecided=true only: the renewal this notice deadline stops (once passed: the renewal it could have stopped)',
  })
  renewalDate?: string | null;
  @ApiPropertyOptional({
    type: String,
    nullable: true,
    description: 'undecided=true only: how long that renewal runs (ISO 8601 duration)',
  })
  renewalTerm?: string | null;
  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: 'undecided=true only: the day a snooze on this deadline ends (null: not snoozed)',
  })
  snoozedUntil?: string | null;
}

export class DeadlineListDto {
  @ApiProperty({ type: [DeadlineDto] }) data: DeadlineDto[];
}
