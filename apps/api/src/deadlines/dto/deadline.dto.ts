import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ListDeadlinesQueryDto {
  @ApiPropertyOptional({
    format: 'date',
    description: "Default: today in the tenant's time zone (alert settings)",
  })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'from must be YYYY-MM-DD' })
  from?: string;

  @ApiPropertyOptional({ format: 'date', description: 'Default: from + 365 days' })
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
      'true: only notice deadlines that passed without a decision (contracts not ending), oldest first; from, to and kind do not apply',
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  undecided?: 'true' | 'false';
}

export class DeadlineDto {
  @ApiProperty({ format: 'uuid' }) contractId: string;
  @ApiProperty() contractTitle: string;
  @ApiProperty({ enum: ['notice', 'renewal', 'expiration', 'obligation'] }) kind: string;
  @ApiProperty({ format: 'date' }) date: string;
  @ApiPropertyOptional({ format: 'uuid' }) obligationId?: string;
}

export class DeadlineListDto {
  @ApiProperty({ type: [DeadlineDto] }) data: DeadlineDto[];
}
