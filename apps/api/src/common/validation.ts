import { ValidationPipe, type ValidationError as ClassValidationError } from '@nestjs/common';
import { ValidationError, type FieldError } from '@cb/domain';

function flatten(errors: ClassValidationError[], prefix = ''): FieldError[] {
  return errors.flatMap((e) => {
    const field = prefix ? `${prefix}.${e.property}` : e.property;
    const own = Object.values(e.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...flatten(e.children ?? [], field)];
  });
}

/** Whitelisting validation that names every bad field in the problem's `errors`. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => {
      const fields = flatten(errors);
      return new ValidationError(
        `The request is invalid: ${fields.map((f) => f.field).join(', ')}`,
        fields,
      );
    },
  });
}
