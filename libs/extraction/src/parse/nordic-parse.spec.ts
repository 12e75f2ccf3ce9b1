import { FI, SV } from '../lexicon';
import { findDates, parseContractDate } from './date-parse';
import { parseDuration } from './duration-parse';

describe('Nordic dates are day first', () => {
  it.each([
    ['1.5.2023', FI, '2023-05-01'],
    ['31.12.2024', FI, '2024-12-31'],
    ['1. toukokuuta 2023', FI, '2023-05-01'],
    ['15 päivänä maaliskuuta 2023', FI, '2023-03-15'],
    ['1 maj 2023', SV, '2023-05-01'],
    ['den 30 april 2025', SV, '2025-04-30'],
    ['2023-05-01', SV, '2023-05-01'],
    ['1/5 2023', SV, '2023-05-01'],
  ])('reads "%s"', (text, lexicon, iso) => {
    expect(parseContractDate(text, lexicon)).toBe(iso);
  });

  it('does not read section numbers or partial dates as dates', () => {
    expect(findDates('kohta 10.1.2 ja liite 3.2', 0, FI)).toEqual([]);
    expect(parseContractDate('toukokuussa 2023', FI)).toBeNull();
  });

  it('reads both ends of a range', () => {
    expect(findDates('voimassa 1.3.2023–28.2.2025', 0, FI).map((d) => d.iso)).toEqual([
      '2023-03-01',
      '2025-02-28',
    ]);
  });
});

describe('Nordic durations', () => {
  it.each([
    ['kolme (3) kuukautta', FI, 'P3M'],
    ['kolmen kuukauden', FI, 'P3M'],
    ['kahden (2) vuoden', FI, 'P2Y'],
    ['kuusikymmentä (60) päivää', FI, 'P60D'],
    ['24 månader', SV, 'P24M'],
    ['tre månaders', SV, 'P3M'],
    ['ett (1) år', SV, 'P1Y'],
    ['tolv (12) månader', SV, 'P12M'],
  ])('reads "%s" as %s', (text, lexicon, iso) => {
    expect(parseDuration(text, lexicon)).toBe(iso);
  });
});
