import { jsonNestsDeeperThan, nullCharacterFields } from './input-guards';

describe('jsonNestsDeeperThan', () => {
  const deep = (n: number) => Buffer.from('['.repeat(n) + ']'.repeat(n));
  it('counts arrays and objects, not brackets inside strings or escaped quotes', () => {
    expect(jsonNestsDeeperThan(deep(32), 32)).toBe(false);
    expect(jsonNestsDeeperThan(deep(33), 32)).toBe(true);
    expect(jsonNestsDeeperThan(Buffer.from(JSON.stringify({ a: '[[[[{{{{ \\" [[[[' })), 2)).toBe(
      false,
    );
    expect(jsonNestsDeeperThan(Buffer.from('{"a":{"b":[1]}}'), 2)).toBe(true);
  });
  it('scans a megabyte of nesting without recursion', () => {
    expect(jsonNestsDeeperThan(deep(500_000), 32)).toBe(true);
  });
});

describe('nullCharacterFields', () => {
  it('names every field, array item and key that holds U+0000', () => {
    expect(
      nullCharacterFields({
        a: 'ok',
        b: 'x\u0000',
        c: ['ok', '\u0000'],
        d: { 'e\u0000f': 1, g: { h: '\u0000' } },
      }),
    ).toEqual(['b', 'c.1', 'd.e\\u0000f', 'd.g.h']);
    expect(nullCharacterFields({ n: 1, t: true, z: null, s: 'fine' })).toEqual([]);
  });
});
