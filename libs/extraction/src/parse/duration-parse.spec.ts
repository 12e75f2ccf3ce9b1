import { findDurations, parseDuration, parseNumber } from './duration-parse';

describe('parseDuration', () => {
  it.each([
    ['a period of three (3) years', 'P3Y'],
    ['successive one-year periods', 'P1Y'],
    ['successive one (1) year terms', 'P1Y'],
    ['successive one (I) year terms', 'P1Y'],
    ["ninety (90) days' prior written notice", 'P90D'],
    ['at least one hundred eighty (180) days prior', 'P180D'],
    ['one hundred and eighty days', 'P180D'],
    ['twenty-four (24) months', 'P24M'],
    ['a FIVE (5) year period', 'P5Y'],
    ['6 months', 'P6M'],
    ['two weeks notice', 'P2W'],
    ['an additional year', 'P1Y'],
    ['thirty (30) calendar days', 'P30D'],
  ])('reads "%s" as %s', (text, iso) => {
    expect(parseDuration(text)).toBe(iso);
  });

  it('returns null without a unit or a number', () => {
    expect(parseDuration('unless terminated')).toBeNull();
    expect(parseDuration('for the term of this Agreement')).toBeNull();
  });

  it('finds several durations with their positions', () => {
    const text = 'an initial term of five (5) years, renewing for one-year periods';
    const found = findDurations(text);
    expect(found.map((d) => d.iso)).toEqual(['P5Y', 'P1Y']);
    expect(text.slice(found[0].start, found[0].end)).toBe('five (5) years');
  });
});

describe('parseNumber', () => {
  it.each([
    ['ninety', 90],
    ['one hundred and eighty', 180],
    ['twenty-four', 24],
    ['three (3)', 3],
    ['12', 12],
  ])('%s = %d', (text, value) => {
    expect(parseNumber(text)).toBe(value);
  });
});
