import { decodeCursor, encodeCursor, InvalidCursorError } from './list-cursor';

const UUID = '8a0c2f5e-3d4b-4c1a-9e2f-0b1c2d3e4f50';
const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('decodeCursor: only cursors this API made reach SQL', () => {
  it.each([
    ['timestamptz', '2026-12-02 07:01:02.123456+00'],
    ['timestamptz', '2026-12-02 09:01:02.1+02:00'],
    ['timestamptz', '2026-12-02T07:01:02.123456Z'],
    ['date', '2024-02-29'],
    ['date', 'infinity'],
    ['text', 'vuokrasopimus – åbo öy'],
  ] as const)('round-trips a %s value %s', (kind, v) => {
    expect(decodeCursor(encodeCursor(v, UUID), kind)).toEqual({ v, id: UUID });
  });

  it.each([
    ['timestamptz', '2026-02-30 00:00:00+00'],
    ['timestamptz', '2026-12-02 24:00:00+00'],
    ['timestamptz', 'now'],
    ['date', '2025-02-29'],
    ['date', '2026-1-1'],
    ['text', 'a\u0000b'],
    ['text', 'x'.repeat(1025)],
  ] as const)('refuses a %s value %j', (kind, v) => {
    expect(() => decodeCursor(encodeCursor(v, UUID), kind)).toThrow(InvalidCursorError);
  });

  it.each([
    ['garbage', '%%%'],
    ['not JSON', Buffer.from('hello').toString('base64url')],
    ['an array', raw(['a', UUID])],
    ['a non-UUID id', raw({ v: 'a', id: '-'.repeat(36) })],
    ['a missing id', raw({ v: 'a' })],
    ['too long', raw({ v: 'a'.repeat(3000), id: UUID })],
  ])('refuses %s', (_label, cursor) => {
    expect(() => decodeCursor(cursor, 'text')).toThrow(InvalidCursorError);
  });
});
