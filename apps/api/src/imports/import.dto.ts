import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class StartImportDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'A ZIP of PDF, DOCX and TXT files; folders become tags',
  })
  file: unknown;
  @ApiPropertyOptional({
    type: 'string',
    format: 'binary',
    description:
      'CSV (`;` or `,`, UTF-8 with or without BOM): a `file` column with the path inside the ZIP, and any of title, counterparty, tags (separated by `;`), ownerEmail, parentFile and term fields (effectiveDate, expirationDate, noticePeriod, ...); dates ISO or day first',
  })
  metadata?: unknown;
}

class ImportItemDto {
  @ApiProperty({ example: 'Suppliers/acme-supply.pdf' }) path: string;
  @ApiProperty({ enum: ['created', 'duplicate', 'failed'] }) outcome: string;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The contract made (created) or the one already holding the same file (duplicate)',
  })
  contractId: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    enum: ['processing', 'parsed', 'needs_review', 'failed'],
    description:
      "The contract's status (a created file counts as processed once it has left processing)",
  })
  contractStatus: string | null;
  @ApiProperty({ nullable: true, type: String, description: 'Why it failed, or a note' })
  message: string | null;
}

class ImportErrorDto {
  @ApiProperty({ example: 'zip_invalid' }) code: string;
  @ApiProperty() message: string;
}

export class ImportDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({
    enum: ['running', 'done'],
    description: 'done once every file has its outcome and every contract it made has been parsed',
  })
  status: string;
  @ApiProperty({ description: 'Files in the ZIP (0 until the worker has read its directory)' })
  total: number;
  @ApiProperty() processed: number;
  @ApiProperty() created: number;
  @ApiProperty() duplicates: number;
  @ApiProperty() failed: number;
  @ApiProperty({ example: 'archive.zip' }) fileName: string;
  @ApiProperty({
    nullable: true,
    type: ImportErrorDto,
    description: 'The whole ZIP was refused (not readable, too many files, too large unpacked)',
  })
  error: ImportErrorDto | null;
  @ApiProperty() createdAt: string;
  @ApiPropertyOptional({
    type: [ImportItemDto],
    description: 'Each file that has its outcome, in ZIP order (GET one import)',
  })
  items?: ImportItemDto[];
}

export class ImportListDto {
  @ApiProperty({ type: [ImportDto] }) data: ImportDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}
