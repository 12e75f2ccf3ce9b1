import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { PageQueryDto } from '../../common/dto/page-query.dto';

export class ListAlertsQueryDto extends PageQueryDto {}

export class AlertDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) contractId: string;
  @ApiProperty({
    type: String,
    nullable: true,
    description:
      "The contract's title (its file name when untitled); null once the contract is deleted",
  })
  contractTitle: string | null;
  @ApiPropertyOptional({ format: 'uuid' }) obligationId?: string;
  @ApiProperty({ enum: ['notice', 'renewal', 'expiration', 'obligation'] }) kind: string;
  @ApiProperty({ format: 'date' }) deadline: string;
  @ApiProperty() leadDays: number;
  @ApiProperty({
    enum: ['email', 'webhook', 'escalation'],
    description:
      'escalation: an e-mail to the owners and admins once a notice deadline passed with no decision (leadDays is then the days since the deadline, negative)',
  })
  channel: string;
  @ApiProperty() recipient: string;
  @ApiProperty({ enum: ['pending', 'sent', 'failed', 'canceled'] }) status: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) sentAt: string | null;
  @ApiProperty({
    type: String,
    nullable: true,
    description: 'Why the alert failed or was canceled',
  })
  error: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class AlertListDto {
  @ApiProperty({ type: [AlertDto] }) data: AlertDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor: string | null;
}
