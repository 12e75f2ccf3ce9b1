import { ValidationPipe, type ValidationError as ClassValidationError } from '@nestjs/common';
import { ValidationError, type FieldError } from '@cb/domain';
import { Matches, type ValidationOptions } from 'class-validator';

export function flattenValidationErrors(errors: ClassValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flattenValidationErrors(e.children ?? [], field)];
  });
}

/** Whitelisting validation that names every bad field in the problem's `errors`. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = flattenValidationErrors(errors);
      return new ValidationError(
        `The request is invalid: ${fields.map((f) => f.field).join(', ')}`,
        fields,
      );
    },
  });
}

/** A name is one line: a value with a line break in it is refused (the same rule as domain hasLineBreak). */
export const SingleLine = (options: ValidationOptions = {}) =>
  Matches(/^[^\r\n\u2028\u2029]*$/, {
    message: ({ property }) => `${property} must be a single line (no line breaks)`,
    ...options,
  });
