import { ApiExtraModels, ApiProperty, ApiPropertyOptional, OmitType } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { TEXT_SETTABLE_FIELDS, type TextSettableField } from '@cb/application';
import { CONTRACT_STATUSES, type ContractStatus } from '@cb/domain';
import { PageQueryDto } from '../../common/dto/page-query.dto';
import { SingleLine } from '../../common/validation';
import { ContractDecisionDto } from '../../decisions/dto/decision.dto';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const OWNER_FILTER =
  /^(me|[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})$/;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** The optional text fields of an upload (multipart fields beside `file`). */
export class UploadContractFieldsDto {
  @IsOptional()
  @IsString()
  @MaxLength(300)
  @SingleLine()
  @Transform(trim)
  title?: string;

  @IsOptional()
  @IsString()
  @MaxLength(300)
  @SingleLine()
  @Transform(trim)
  counterparty?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  @MinLength(1, { each: true })
  @SingleLine({ each: true })
  tags?: string[];

  @IsOptional()
  @IsBoolean()
  allowDuplicate?: boolean;
}

export class UploadContractDto {
  @ApiProperty({
    type: 'string',
    format: 'binary',
    description: 'PDF, DOCX or TXT; judged by its bytes',
  })
  file: unknown;
  @ApiPropertyOptional() title?: string;
  @ApiPropertyOptional() counterparty?: string;
  @ApiPropertyOptional({ description: 'Comma-separated, or the field repeated' }) tags?: string;
  @ApiPropertyOptional({
    enum: ['true', 'false'],
    description:
      'Keep a second contract even when the tenant already holds the same file (else 409 `duplicate`)',
  })
  allowDuplicate?: string;
}

export class ListContractsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({
    description:
      'Full-text search over the title, counterparty and contract text in websearch_to_tsquery syntax ("a phrase", OR, -word), stemmed by each contract\'s language; names (title, counterparty, parties) also match with a typo',
  })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ enum: [...CONTRACT_STATUSES] })
  @IsOptional()
  @IsIn(CONTRACT_STATUSES)
  status?: ContractStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(200)
  counterparty?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MaxLength(50)
  tag?: string;

  @ApiPropertyOptional({
    description:
      'Only the contracts this user owns: a user id, or `me` for the caller ("my contracts"; for an API key, the user who created it)',
    example: 'me',
  })
  @IsOptional()
  @Matches(OWNER_FILTER, { message: 'owner must be a user id or me' })
  owner?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'renewsBefore must be YYYY-MM-DD' })
  renewsBefore?: string;

  @ApiPropertyOptional({ format: 'date' })
  @IsOptional()
  @Matches(ISO_DATE, { message: 'renewsAfter must be YYYY-MM-DD' })
  renewsAfter?: string;

  @ApiPropertyOptional({
    enum: [
      'createdAt',
      '-createdAt',
      'title',
      '-title',
      'noticeDeadline',
      'nextRenewalDate',
      'expirationDate',
    ],
  })
  @IsOptional()
  @IsIn([
    'createdAt',
    '-createdAt',
    'title',
    '-title',
    'noticeDeadline',
    'nextRenewalDate',
    'expirationDate',
  ])
  sort?:
    | 'createdAt'
    | '-createdAt'
    | 'title'
    | '-title'
    | 'noticeDeadline'
    | 'nextRenewalDate'
    | 'expirationDate';

  @ApiPropertyOptional({
    description:
      'Comma-separated parts to include in each contract (a list returns summaries without them): `evidence` (with the candidates), `candidates` (the alternatives a reviewer can pick, with the evidence), `obligations`',
    example: 'candidates',
  })
  @IsOptional()
  @Matches(/^(evidence|obligations|candidates)(,(evidence|obligations|candidates))*$/, {
    message: 'expand must be a comma-separated list of evidence, obligations, candidates',
  })
  expand?: string;
}

/** "Set as notice period": text selected in the document, read as a field's value. */
export class SetTermFromTextDto {
  @ApiProperty({
    enum: [...TEXT_SETTABLE_FIELDS],
    description: 'The term field to set',
  })
  @IsIn(TEXT_SETTABLE_FIELDS)
  field: TextSettableField;

  @ApiProperty({
    description:
      "The selected text, read with the contract language's rules (day-first dates in Finnish and Swedish, durations in words)",
    example: 'viimeistään kolme (3) kuukautta ennen',
  })
  @IsString()
  @MinLength(1)
  @MaxLength(2000)
  text: string;

  @ApiPropertyOptional({ description: 'The page the text was selected on (1-based)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  page?: number;
}

export class UpdateContractDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(300)
  @SingleLine()
  @Transform(trim)
  title?: string;

  @ApiPropertyOptional({ nullable: true, type: String })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  @SingleLine()
  @Transform(trim)
  counterparty?: string | null;

  @ApiPropertyOptional({ type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(50, { each: true })
  @MinLength(1, { each: true })
  tags?: string[];

  @ApiPropertyOptional({
    description:
      'Corrections by a person, field by field (see TERMS.md); null means "the contract does not say"',
    example: { noticePeriod: 'P60D', autoRenewal: true },
    additionalProperties: true,
  })
  @IsOptional()
  @IsObject()
  terms?: Record<string, unknown>;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'uuid',
    description:
      'The master agreement this contract amends (same tenant, no cycles); null makes it standalone',
  })
  @IsOptional()
  @IsUUID()
  parentId?: string | null;

  @ApiPropertyOptional({
    nullable: true,
    type: String,
    format: 'uuid',
    description:
      'The user responsible for the contract (a user of this team; its alerts go to them too); null for none',
  })
  @IsOptional()
  @IsUUID()
  ownerId?: string | null;
}

class MoneyDto {
  @ApiProperty({ example: 48000 }) amount: number;
  @ApiProperty({ example: 'EUR' }) currency: string;
}
class PartyDto {
  @ApiProperty() name: string;
  @ApiProperty({ nullable: true, type: String }) role: string | null;
}
class EvidenceDto {
  @ApiProperty() page: number;
  @ApiProperty() start: number;
  @ApiProperty() end: number;
  @ApiProperty() text: string;
}
class TermsDto {
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty({ type: [PartyDto] }) parties: PartyDto[];
  @ApiProperty({ nullable: true, type: String, format: 'date' }) agreementDate: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) effectiveDate: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) expirationDate: string | null;
  @ApiProperty({ nullable: true, type: Boolean }) perpetual: boolean | null;
  @ApiProperty({ nullable: true, type: String, example: 'P3Y' }) initialTerm: string | null;
  @ApiProperty({ nullable: true, type: Boolean }) autoRenewal: boolean | null;
  @ApiProperty({ nullable: true, type: String, example: 'P1Y' }) renewalTerm: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'P90D' }) noticePeriod: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'Delaware' }) governingLaw: string | null;
  @ApiProperty({ nullable: true, type: Boolean }) terminationForConvenience: boolean | null;
  @ApiProperty({ nullable: true, type: MoneyDto }) contractValue: MoneyDto | null;
  @ApiProperty({ nullable: true, type: String, example: 'net 30' }) paymentTerms: string | null;
}
class FileDto {
  @ApiProperty() name: string;
  @ApiProperty() size: number;
  @ApiProperty() sha256: string;
  @ApiProperty() mediaType: string;
  @ApiProperty({ nullable: true, type: Number }) pages: number | null;
}
class ContractDeadlinesDto {
  @ApiProperty({ nullable: true, type: String, format: 'date' }) noticeDeadline: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) nextRenewalDate: string | null;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) expirationDate: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description:
      'The renewal that noticeDeadline stops: nextRenewalDate, or a later renewal when notice for the next one can no longer be given in time',
  })
  noticeRenewalDate: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'date',
    description:
      'Notice of termination was sent (decision terminate with noticeSentOn): the contract ends on this day, the end of its current term, and does not renew',
  })
  endingOn: string | null;
}
class ObligationDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) party: string | null;
  @ApiProperty({
    enum: ['payment', 'delivery', 'reporting', 'insurance', 'audit', 'confidentiality', 'other'],
  })
  kind: string;
  @ApiProperty() text: string;
  @ApiProperty({ nullable: true, type: String, format: 'date' }) dueDate: string | null;
  @ApiProperty({ nullable: true, type: String, example: 'P3M' }) recurrence: string | null;
  @ApiProperty() status: string;
  @ApiProperty({ type: [EvidenceDto] }) evidence: EvidenceDto[];
}
class ReviewReasonDto {
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'The term concerned, or null for the document as a whole',
    example: 'noticePeriod',
  })
  field: string | null;
  @ApiProperty({
    description:
      'low_confidence, no_notice_deadline, unsupported_language, ocr_text (read from a scanned page), no_parties',
    example: 'low_confidence',
  })
  code: string;
  @ApiProperty() message: string;
}
class CandidateDto {
  @ApiProperty({
    description: "A value of the field's type (see TermsDto)",
    oneOf: [
      { type: 'string' },
      { type: 'number' },
      { type: 'boolean' },
      { type: 'object', additionalProperties: true },
      { type: 'array', items: {} },
    ],
  })
  value: unknown;
  @ApiProperty({ description: 'Calibrated probability that the value is right', example: 0.62 })
  confidence: number;
  @ApiProperty({ type: [EvidenceDto] }) evidence: EvidenceDto[];
}
class ContractErrorDto {
  @ApiProperty() code: string;
  @ApiProperty() message: string;
}

const TERM_VALUE = [
  { type: 'string' },
  { type: 'boolean' },
  { $ref: '#/components/schemas/MoneyDto' },
];

class AmendmentChangeDto {
  @ApiProperty({ example: 'expirationDate' }) field: string;
  @ApiProperty({
    description:
      'The value in force before this amendment (a term value: date, duration, boolean, money)',
    nullable: true,
    oneOf: TERM_VALUE,
  })
  from: unknown;
  @ApiProperty({ description: 'The value from this amendment on', oneOf: TERM_VALUE }) to: unknown;
  @ApiProperty({ type: [EvidenceDto], description: 'The sentence of the amendment it came from' })
  evidence: EvidenceDto[];
}

class AmendmentDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    description: 'When it takes effect: its effectiveDate, else its agreementDate',
  })
  effectiveDate: string | null;
  @ApiPropertyOptional({
    description: 'False while it takes effect only after the current term (GET one contract only)',
  })
  inForce?: boolean;
  @ApiPropertyOptional({
    type: [AmendmentChangeDto],
    description: 'The terms it changes in its master (GET one contract only)',
  })
  changes?: AmendmentChangeDto[];
}

class ParentSuggestionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty({ description: 'The sentence in which the document calls itself an amendment' })
  sentence: string;
}

@ApiExtraModels(CandidateDto)
export class ContractResponseDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ nullable: true, type: String }) title: string | null;
  @ApiProperty({ enum: [...CONTRACT_STATUSES] }) status: string;
  @ApiProperty({ nullable: true, type: ContractErrorDto }) error: ContractErrorDto | null;
  @ApiProperty({ nullable: true, type: String }) counterparty: string | null;
  @ApiProperty({ type: [String] }) tags: string[];
  @ApiProperty() createdAt: string;
  @ApiProperty() updatedAt: string;
  @ApiProperty({ type: FileDto }) file: FileDto;
  @ApiProperty({ type: TermsDto }) terms: TermsDto;
  @ApiProperty({
    description: 'Per term field: the spans of text that support it',
    additionalProperties: { type: 'array', items: { $ref: '#/components/schemas/EvidenceDto' } },
  })
  evidence: Record<string, EvidenceDto[]>;
  @ApiProperty({
    description: 'Per term field: "extracted" or "user"',
    additionalProperties: { type: 'string', enum: ['extracted', 'user'] },
  })
  termSources: Record<string, string>;
  @ApiProperty({ type: ContractDeadlinesDto }) deadlines: ContractDeadlinesDto;
  @ApiProperty({
    type: ContractDecisionDto,
    nullable: true,
    description:
      "The decision on the current term's notice deadline (or the termination that ends the contract); null when none",
  })
  decision: ContractDecisionDto | null;
  @ApiProperty({ type: [ObligationDto] }) obligations: ObligationDto[];
  @ApiProperty({
    nullable: true,
    type: String,
    description:
      'Detected language: en, fi, sv, or the code of a language the engine does not read',
    example: 'fi',
  })
  language: string | null;
  @ApiProperty({
    description:
      'Per extracted term field: the calibrated probability that the value is right (fields set by a person are not listed)',
    additionalProperties: { type: 'number' },
  })
  confidence: Record<string, number>;
  @ApiProperty({
    type: [ReviewReasonDto],
    description: 'Why the contract needs review (empty unless status is needs_review)',
  })
  reviewReasons: ReviewReasonDto[];
  @ApiPropertyOptional({
    description:
      'Per term field: the values a reviewer can pick, most probable first, each with its sentence (in lists only with expand=candidates or expand=evidence)',
    additionalProperties: { type: 'array', items: { $ref: '#/components/schemas/CandidateDto' } },
  })
  candidates?: Record<string, CandidateDto[]>;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The master agreement this contract amends',
  })
  parentId: string | null;
  @ApiProperty({
    nullable: true,
    type: String,
    format: 'uuid',
    description: 'The user responsible for the contract (its alerts go to them too), or null',
  })
  ownerId: string | null;
  @ApiProperty({
    type: [AmendmentDto],
    description: 'Its amendments; `deadlines` follow the terms in force',
  })
  amendments: AmendmentDto[];
  @ApiPropertyOptional({
    type: TermsDto,
    nullable: true,
    description:
      "A master's terms overridden by its amendments from their effective dates (GET one contract only)",
  })
  termsInForce?: TermsDto | null;
  @ApiPropertyOptional({
    type: ParentSuggestionDto,
    nullable: true,
    description:
      'The master this document seems to amend (it calls itself an amendment to an agreement with the same parties and title); PATCH parentId to link it',
  })
  parentSuggestion?: ParentSuggestionDto | null;
}

/** A contract in a list: everything but its evidence, candidates and obligations (unless `expand` asks for them). */
export class ContractSummaryDto extends OmitType(ContractResponseDto, [
  'evidence',
  'obligations',
  'candidates',
  'termsInForce',
  'parentSuggestion',
] as const) {
  @ApiPropertyOptional({
    description: 'Per term field: the spans of text that support it (only with expand=evidence)',
    additionalProperties: { type: 'array', items: { $ref: '#/components/schemas/EvidenceDto' } },
  })
  evidence?: Record<string, EvidenceDto[]>;
  @ApiPropertyOptional({
    type: [ObligationDto],
    description: 'Its obligations (only with expand=obligations)',
  })
  obligations?: ObligationDto[];
  @ApiPropertyOptional({
    description:
      'Per term field: the values a reviewer can pick (only with expand=candidates or expand=evidence)',
    additionalProperties: { type: 'array', items: { $ref: '#/components/schemas/CandidateDto' } },
  })
  candidates?: Record<string, CandidateDto[]>;
  @ApiPropertyOptional({
    nullable: true,
    type: String,
    description:
      'With `q`: the text around the match, the matched words wrapped in `**` (null when only the title, counterparty or a party matched)',
  })
  snippet?: string | null;
  @ApiPropertyOptional({
    description:
      'With `q`: how well the contract matches (ts_rank; higher is better), for this page only',
  })
  rank?: number;
}

export class ContractListResponseDto {
  @ApiProperty({ type: [ContractSummaryDto] }) data: ContractSummaryDto[];
  @ApiProperty({ nullable: true, type: String }) nextCursor: string | null;
}

export { CandidateDto, EvidenceDto, ReviewReasonDto };
