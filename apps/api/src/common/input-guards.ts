import type { FieldError } from '@cb/domain';
import type { NextFunction, Request, Response } from 'express';
import { problem, sendProblem } from './problem';

/** Deepest nesting of arrays and objects a JSON body may have; no endpoint needs more than a handful. */
export const MAX_JSON_DEPTH = 32;

const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Whether raw JSON bytes nest arrays and objects deeper than `max`, by one pass over the bytes before they
 * are parsed (brackets inside strings do not count). A body nested 100,000 deep is refused in a millisecond
 * instead of reaching validation code that recurses over it.
 */
export function jsonNestsDeeperThan(body: Buffer, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i++) {
    const byte = body[i];
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) depth--;
  }
  return false;
}

/** Thrown from the JSON parser's verify hook; the body-error handler answers it with 400 json_too_deep. */
export class JsonTooDeepError extends Error {
  readonly type = 'json.too.deep';
  readonly status = 400;
  constructor() {
    super(`The JSON body is nested deeper than ${MAX_JSON_DEPTH} levels`);
  }
}

const NUL = '\u0000';

/** How a field whose name holds a NUL is named in the problem (the character itself shown as \u0000). */
const printable = (name: string) => name.split(NUL).join('\\u0000');

/**
 * The fields (dotted paths, array items by index) of a parsed body or query whose value, or whose own name,
 * contains U+0000. PostgreSQL cannot store that character in text, so it is refused at the door.
 */
export function nullCharacterFields(value: unknown, path = ''): string[] {
  if (typeof value === 'string') return value.includes(NUL) ? [path] : [];
  if (Array.isArray(value))
    return value.flatMap((item, i) => nullCharacterFields(item, join(path, String(i))));
  if (value && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) =>
      key.includes(NUL) ? [join(path, printable(key))] : nullCharacterFields(item, join(path, key)),
    );
  }
  return [];
}

function join(path: string, key: string): string {
  return path ? `${path}.${key}` : key;
}

/** The field errors for values that contain U+0000, in the shape of every other validation error. */
export function nullCharacterErrors(fields: string[]): FieldError[] {
  return fields.map((field) => ({
    field,
    message: `${field} must not contain a null character (U+0000)`,
  }));
}

/** Refuses a request whose query or JSON body holds U+0000 anywhere: 400 validation_failed naming the fields. */
export function rejectNullCharacters(req: Request, res: Response, next: NextFunction): void {
  const fields = [...nullCharacterFields(req.query), ...nullCharacterFields(req.body as unknown)];
  if (fields.length === 0) return next();
  const detail = `The request is invalid: ${fields.join(', ')}`;
  sendProblem(
    res,
    problem(400, 'validation_failed', detail, req.path, nullCharacterErrors(fields)),
  );
}
