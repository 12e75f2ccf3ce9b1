import { DIGEST_DAYS, digestRange, digestToRecord, weekStart } from './digest-policy';

describe('digest policy', () => {
  it('keys a digest by the Monday of its ISO week', () => {
    expect(weekStart('2026-11-23')).toBe('2026-11-23'); // a Monday
    expect(weekStart('2026-11-29')).toBe('2026-11-23'); // the Sunday after
    expect(weekStart('2026-11-22')).toBe('2026-11-16'); // the Sunday before
    expect(weekStart('2027-01-01')).toBe('2026-12-28'); // across a year
  });

  it('records this week when a deadline falls in the next DIGEST_DAYS days', () => {
    expect(DIGEST_DAYS).toBe(30);
    expect(digestToRecord('2026-11-25')).toEqual({
      week: '2026-11-23',
      from: '2026-11-25',
      to: '2026-12-25',
    });
  });

  it('lists from the later of the week start and the day of sending', () => {
    expect(digestRange('2026-11-25', '2026-11-23')).toEqual({
      from: '2026-11-25',
      to: '2026-12-25',
    });
    expect(digestRange('2026-11-20', '2026-11-23')).toEqual({
      from: '2026-11-23',
      to: '2026-12-23',
    });
  });
});
