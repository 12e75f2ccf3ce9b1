import { isValidIsoDate, isValidIsoDuration, ValidationError, type FieldError } from '@cb/domain';
import { renderDocxLetter } from './docx-letter.renderer';
import { composeNoticeLetter } from './notice-letter';
import {
  LETTER_FORMATS,
  LETTER_LANGUAGES,
  NOTICE_LETTER_KINDS,
  type LetterFormat,
  type NoticeLetterInput,
  type NoticeLetterOptions,
} from './notice-letter.types';
import { renderPdfLetter } from './pdf-letter.renderer';

/** The media type of each format, for the response's Content-Type. */
export const LETTER_MEDIA_TYPES: Record<LetterFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/**
 * Renders a notice letter (non-renewal or termination) as a PDF or a DOCX in English, Finnish or Swedish.
 * Pure: no I/O but reading the embedded font from node_modules. Missing optional values print as marked
 * blanks ("[address]", "[osoite]", "[adress]"). Throws a ValidationError (code `validation_failed`) for an
 * unknown kind, format or language, a malformed date or duration, or a sender without a name.
 */
export async function renderNoticeLetter(
  input: NoticeLetterInput,
  options: NoticeLetterOptions,
): Promise<Buffer> {
  validate(input, options);
  const content = composeNoticeLetter(input, options.language);
  switch (options.format) {
    case 'pdf':
      return renderPdfLetter(content);
    case 'docx':
      return renderDocxLetter(content);
  }
}

function validate(input: NoticeLetterInput, options: NoticeLetterOptions): void {
  const errors: FieldError[] = [];
  const oneOf = (field: string, value: unknown, allowed: readonly string[]) => {
    if (typeof value !== 'string' || !allowed.includes(value)) {
      errors.push({ field, message: `must be one of ${allowed.join(', ')}` });
    }
  };
  oneOf('format', options?.format, LETTER_FORMATS);
  oneOf('language', options?.language, LETTER_LANGUAGES);
  oneOf('kind', input?.kind, NOTICE_LETTER_KINDS);
  if (typeof input?.sender?.name !== 'string' || !input.sender.name.trim()) {
    errors.push({ field: 'sender.name', message: 'is required' });
  }
  if (!isValidIsoDate(input?.letterDate)) {
    errors.push({ field: 'letterDate', message: 'must be YYYY-MM-DD' });
  }
  const optionalDates = {
    'contract.date': input?.contract?.date,
    noticeDeadline: input?.noticeDeadline,
    endDate: input?.endDate,
  };
  for (const [field, value] of Object.entries(optionalDates)) {
    if (value != null && !isValidIsoDate(value)) {
      errors.push({ field, message: 'must be YYYY-MM-DD' });
    }
  }
  if (input?.noticePeriod != null && !isValidIsoDuration(input.noticePeriod)) {
    errors.push({ field: 'noticePeriod', message: 'must be an ISO 8601 duration such as P90D' });
  }
  if (errors.length) throw new ValidationError('invalid notice letter', errors);
}
