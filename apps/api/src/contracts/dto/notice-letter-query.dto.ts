import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import {
  LETTER_FORMATS,
  LETTER_LANGUAGES,
  NOTICE_LETTER_KINDS,
  type LetterFormat,
  type LetterLanguage,
  type NoticeLetterKind,
} from '@cb/letters';

/** GET /v1/contracts/:id/notice-letter: the file format, the letter's language and (optionally) its kind. */
export class NoticeLetterQueryDto {
  @ApiPropertyOptional({ enum: [...LETTER_FORMATS], default: 'pdf' })
  @IsOptional()
  @IsIn(LETTER_FORMATS)
  format?: LetterFormat;

  @ApiPropertyOptional({
    enum: [...LETTER_LANGUAGES],
    description: "Default: the contract's language when it is en, fi or sv, else en",
  })
  @IsOptional()
  @IsIn(LETTER_LANGUAGES)
  language?: LetterLanguage;

  @ApiPropertyOptional({
    enum: [...NOTICE_LETTER_KINDS],
    description: 'Default: `non-renewal` for an auto-renewing contract, else `termination`',
  })
  @IsOptional()
  @IsIn(NOTICE_LETTER_KINDS)
  kind?: NoticeLetterKind;
}
