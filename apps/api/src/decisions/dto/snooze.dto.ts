import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDateString, IsOptional, Matches, ValidateIf } from 'class-validator';
import { SNOOZE_DEFAULT_DAYS, SNOOZE_MAX_DAYS } from '@cb/domain';

/** POST /v1/contracts/:id/decision/snooze: hide the current notice deadline from the worklist until a day. */
export class SnoozeDeadlineDto {
  @ApiPropertyOptional({
    type: String,
    format: 'date',
    nullable: true,
    description: `The day the deadline is back on the worklist: after today, at most ${SNOOZE_MAX_DAYS} days ahead. Default: today + ${SNOOZE_DEFAULT_DAYS} days (the tenant's calendar)`,
  })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'until must be YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: 'until must be a real date' })
  until?: string | null;
}

export class DeadlineSnoozeDto {
  @ApiProperty({ format: 'uuid' }) contractId: string;
  @ApiProperty({ format: 'date', description: 'The notice deadline snoozed' }) deadline: string;
  @ApiProperty({ format: 'date', description: 'Hidden from the worklist until this day' })
  until: string;
}
