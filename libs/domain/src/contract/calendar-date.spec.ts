import fc from 'fast-check';
import { DomainError } from '../common/domain.error';
import {
  addDays,
  addDuration,
  compareDates,
  daysBetween,
  daysInMonth,
  durationInUnits,
  isValidIsoDate,
  isValidIsoDuration,
  isValidTimeZone,
  parseIsoDate,
  parseIsoDuration,
  subtractDuration,
  todayInTimeZone,
} from './calendar-date';

// Any date from 1900-01-01 to 2199-12-31.
const anyDate = fc.integer({ min: 0, max: 109572 }).map((n) => addDays('1900-01-01', n));

describe('calendar dates', () => {
  describe('parsing', () => {
    it.each(['2024-02-29', '2023-12-31', '0001-01-01', '9999-12-31'])(
      'accepts the real date %s',
      (d) => {
        expect(isValidIsoDate(d)).toBe(true);
      },
    );

    it.each([
      '2023-02-29',
      '2024-02-30',
      '2024-04-31',
      '2024-13-01',
      '2024-00-10',
      '2024-01-00',
      '0000-01-01',
      '24-01-01',
      '2024-1-1',
      '2024-01-01T00:00:00Z',
      ' 2024-01-01',
      '',
      null,
      20240101,
    ])('refuses %p', (d) => {
      expect(isValidIsoDate(d)).toBe(false);
      expect(parseIsoDate(d)).toBeNull();
    });

    it('knows February in leap and common years, including the century rules', () => {
      expect([2024, 2023, 1900, 2000, 2100].map((y) => daysInMonth(y, 2))).toEqual([
        29, 28, 28, 29, 28,
      ]);
    });
  });

  describe('day arithmetic', () => {
    it('crosses month, year and leap-day boundaries', () => {
      expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
      expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
      expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
      expect(addDays('2025-01-01', -1)).toBe('2024-12-31');
      expect(addDays('2024-01-01', 366)).toBe('2025-01-01');
    });

    it('is not moved by daylight-saving changes of the host', () => {
      // 2026-03-29 is the EU DST switch; a Date-based implementation in local time can skip or repeat a day.
      expect(addDays('2026-03-28', 1)).toBe('2026-03-29');
      expect(addDays('2026-03-29', 1)).toBe('2026-03-30');
      expect(addDays('2026-10-25', 1)).toBe('2026-10-26');
    });

    it('agrees with UTC Date arithmetic for any date and offset', () => {
      fc.assert(
        fc.property(anyDate, fc.integer({ min: -5000, max: 5000 }), (d, n) => {
          const viaDate = new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000)
            .toISOString()
            .slice(0, 10);
          expect(addDays(d, n)).toBe(viaDate);
          expect(daysBetween(d, addDays(d, n))).toBe(n);
        }),
      );
    });

    it('orders dates like a comparator', () => {
      expect(compareDates('2024-01-31', '2024-02-01')).toBe(-1);
      expect(compareDates('2024-02-01', '2024-01-31')).toBe(1);
      expect(compareDates('2024-02-01', '2024-02-01')).toBe(0);
    });

    it('throws a domain validation error on an invalid date instead of computing garbage', () => {
      expect(() => addDays('2023-02-29', 1)).toThrow(DomainError);
      expect(() => addDays('9999-12-31', 1)).toThrow(DomainError);
    });
  });

  describe('durations', () => {
    it.each([
      ['P3Y', { years: 3, months: 0, weeks: 0, days: 0 }],
      ['P6M', { years: 0, months: 6, weeks: 0, days: 0 }],
      ['P90D', { years: 0, months: 0, weeks: 0, days: 90 }],
      ['P2W', { years: 0, months: 0, weeks: 2, days: 0 }],
      ['P1Y6M', { years: 1, months: 6, weeks: 0, days: 0 }],
      ['P1Y2M3W4D', { years: 1, months: 2, weeks: 3, days: 4 }],
      ['P0D', { years: 0, months: 0, weeks: 0, days: 0 }],
    ])('parses %s', (text, parts) => {
      expect(parseIsoDuration(text)).toEqual(parts);
    });

    it.each(['P', 'PT24H', 'P1H', 'P1.5Y', 'P-1M', 'P6M1Y', '6M', 'p6m', 'P1Y ', '', null, 3])(
      'refuses %p',
      (text) => {
        expect(parseIsoDuration(text)).toBeNull();
        expect(isValidIsoDuration(text)).toBe(false);
      },
    );

    it('lists the non-zero parts of a duration, largest unit first, to be said in words', () => {
      expect(durationInUnits('P120D')).toEqual([[120, 'day']]);
      expect(durationInUnits('P1Y6M')).toEqual([
        [1, 'year'],
        [6, 'month'],
      ]);
      expect(durationInUnits('P0D')).toEqual([]);
      expect(durationInUnits('120 days')).toEqual([]);
    });
  });

  describe('adding durations', () => {
    it('clamps month arithmetic to the end of the month', () => {
      expect(addDuration('2024-01-31', 'P1M')).toBe('2024-02-29');
      expect(addDuration('2023-01-31', 'P1M')).toBe('2023-02-28');
      expect(addDuration('2024-03-31', 'P1M')).toBe('2024-04-30');
      expect(addDuration('2024-02-29', 'P1Y')).toBe('2025-02-28');
      expect(addDuration('2024-02-29', 'P4Y')).toBe('2028-02-29');
    });

    it('applies a repeated month duration in one step, so the 31st does not drift', () => {
      expect(addDuration('2024-01-31', 'P1M', 3)).toBe('2024-04-30');
      expect(addDuration('2024-01-31', 'P1M', 2)).toBe('2024-03-31');
      expect(addDuration(addDuration('2024-01-31', 'P1M'), 'P1M')).toBe('2024-03-29');
    });

    it('adds years and months before weeks and days', () => {
      expect(addDuration('2024-01-31', 'P1M1D')).toBe('2024-03-01');
      expect(addDuration('2024-01-01', 'P2W')).toBe('2024-01-15');
      expect(addDuration('2024-01-31', 'P1Y6M')).toBe('2025-07-31');
    });

    it('subtracts with the same clamping', () => {
      expect(subtractDuration('2024-03-31', 'P1M')).toBe('2024-02-29');
      expect(subtractDuration('2025-03-31', 'P90D')).toBe('2024-12-31');
      expect(subtractDuration('2024-12-31', 'P3M')).toBe('2024-09-30');
    });

    it('round-trips day and week durations for any date', () => {
      fc.assert(
        fc.property(
          anyDate,
          fc.integer({ min: 0, max: 400 }),
          fc.integer({ min: 0, max: 20 }),
          (d, days, weeks) => {
            const dur = `P${weeks}W${days}D`;
            expect(subtractDuration(addDuration(d, dur), dur)).toBe(d);
            expect(addDuration(subtractDuration(d, dur), dur)).toBe(d);
          },
        ),
      );
    });

    it('round-trips year and month durations whenever no clamping happens (day 28 or earlier)', () => {
      const earlyDay = anyDate.filter((d) => Number(d.slice(8)) <= 28);
      fc.assert(
        fc.property(
          earlyDay,
          fc.integer({ min: 0, max: 30 }),
          fc.integer({ min: 0, max: 40 }),
          (d, y, m) => {
            const dur = `P${y}Y${m}M`;
            expect(subtractDuration(addDuration(d, dur), dur)).toBe(d);
          },
        ),
      );
    });

    it('never overshoots the target month and keeps the day unless the month is shorter', () => {
      fc.assert(
        fc.property(anyDate, fc.integer({ min: 0, max: 240 }), (d, m) => {
          const result = parseIsoDate(addDuration(d, `P${m}M`))!;
          const start = parseIsoDate(d)!;
          const monthIndex = start.year * 12 + start.month - 1 + m;
          expect(result.year * 12 + result.month - 1).toBe(monthIndex);
          expect(result.day).toBe(Math.min(start.day, daysInMonth(result.year, result.month)));
        }),
      );
    });

    it('is monotone: adding more never gives an earlier date', () => {
      fc.assert(
        fc.property(
          anyDate,
          fc.integer({ min: 0, max: 100 }),
          fc.integer({ min: 0, max: 100 }),
          (d, a, b) => {
            const [lo, hi] = a <= b ? [a, b] : [b, a];
            expect(
              compareDates(addDuration(d, 'P1M', lo), addDuration(d, 'P1M', hi)),
            ).toBeLessThanOrEqual(0);
          },
        ),
      );
    });
  });

  describe('today in a time zone', () => {
    it('gives the local calendar date, not the UTC one', () => {
      const lateUtc = new Date('2026-01-01T22:30:00Z');
      expect(todayInTimeZone('Europe/Helsinki', lateUtc)).toBe('2026-01-02');
      expect(todayInTimeZone('UTC', lateUtc)).toBe('2026-01-01');
      expect(todayInTimeZone('America/Los_Angeles', new Date('2026-01-01T05:00:00Z'))).toBe(
        '2025-12-31',
      );
    });

    it('switches day exactly at local midnight across a DST change', () => {
      // Helsinki is UTC+3 in summer: local midnight of 2026-07-01 is 2026-06-30T21:00Z.
      expect(todayInTimeZone('Europe/Helsinki', new Date('2026-06-30T20:59:59Z'))).toBe(
        '2026-06-30',
      );
      expect(todayInTimeZone('Europe/Helsinki', new Date('2026-06-30T21:00:00Z'))).toBe(
        '2026-07-01',
      );
    });

    it('validates IANA zone names', () => {
      expect(isValidTimeZone('Europe/Helsinki')).toBe(true);
      expect(isValidTimeZone('UTC')).toBe(true);
      expect(isValidTimeZone('Mars/Olympus')).toBe(false);
      expect(isValidTimeZone('')).toBe(false);
      expect(isValidTimeZone(undefined)).toBe(false);
      expect(() => todayInTimeZone('Mars/Olympus', new Date())).toThrow(DomainError);
    });
  });
});
