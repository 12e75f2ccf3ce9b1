/** A list cursor that was not made by this API (garbled, forged or for another sort): answered 400. */
export class InvalidCursorError extends Error {}

/** What SQL type a cursor's sort value is cast to; the value is checked to be one before any SQL sees it. */
export type CursorValueKind = 'timestamptz' | 'date' | 'text';

const MAX_CURSOR_CHARS = 2048;
const MAX_VALUE_CHARS = 1024;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// As PostgreSQL prints timestamptz::text (ISO DateStyle), or as an ISO string with Z (the audit log's cursor).
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(\.\d{1,6})?(Z|[+-](\d{2})(:?\d{2})?)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isCalendarDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return (
    y >= 1 && date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d
  );
}

function isValue(v: string, kind: CursorValueKind): boolean {
  if (v.length > MAX_VALUE_CHARS || v.includes('\u0000')) return false;
  if (kind === 'text') return true;
  if (kind === 'date') {
    if (v === 'infinity') return true;
    const m = DATE.exec(v);
    return !!m && isCalendarDate(+m[1], +m[2], +m[3]);
  }
  const m = TIMESTAMP.exec(v);
  return (
    !!m &&
    isCalendarDate(+m[1], +m[2], +m[3]) &&
    +m[4] <= 23 &&
    +m[5] <= 59 &&
    +m[6] <= 59 &&
    (m[9] === undefined || +m[9] <= 15)
  );
}

export function encodeCursor(v: string, id: string): string {
  return Buffer.from(JSON.stringify({ v, id })).toString('base64url');
}

/**
 * The sort value and row id of a cursor encodeCursor made; throws InvalidCursorError for anything else: not
 * base64url JSON, an id that is not a UUID, or a value that is not a `kind` PostgreSQL would accept. Forged
 * cursors thus end as 400, never as a failed cast (500) in the query.
 */
export function decodeCursor(cursor: string, kind: CursorValueKind): { v: string; id: string } {
  if (cursor.length <= MAX_CURSOR_CHARS && /^[A-Za-z0-9_-]+={0,2}$/.test(cursor)) {
    try {
      const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
      if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
        const { v, id } = parsed as { v?: unknown; id?: unknown };
        if (typeof v === 'string' && typeof id === 'string' && UUID.test(id) && isValue(v, kind)) {
          return { v, id };
        }
      }
    } catch {
      // fall through
    }
  }
  throw new InvalidCursorError('cursor is not valid');
}
