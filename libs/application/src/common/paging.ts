import { ValidationError } from '@cb/domain';
import { InvalidCursorError } from '@cb/persistence';

/** Default page size of every list (the API's `limit`, spec: default 25, at most 100). */
export const DEFAULT_PAGE_SIZE = 25;

/** A list read whose cursor the caller made up (or garbled) is a validation error naming `cursor`. */
export async function asPage<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (err) {
    if (err instanceof InvalidCursorError)
      throw new ValidationError('cursor is not valid', [
        { field: 'cursor', message: 'is not a cursor from this list' },
      ]);
    throw err;
  }
}
