import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

class ContractEventErrorDto {
  @ApiProperty() code: string;
  @ApiProperty() message: string;
}

/** One finished parse, as the live status streams it (the `data` of each `contract` server-sent event). */
export class ContractEventDto {
  @ApiProperty({
    description: 'Increasing per tenant; send the last one seen as Last-Event-ID to resume',
  })
  id: number;
  @ApiProperty({ enum: ['contract.parsed', 'contract.failed'] }) type: string;
  @ApiProperty({ format: 'uuid' }) contractId: string;
  @ApiProperty({ enum: ['parsed', 'needs_review', 'failed'] }) status: string;
  @ApiProperty() parseVersion: number;
  @ApiProperty() title: string;
  @ApiPropertyOptional({ type: ContractEventErrorDto }) error?: ContractEventErrorDto;
  @ApiProperty() createdAt: string;
}
