import {
  DEFAULT_TENANT_TIMEZONE,
  latestToday,
  tenantTimeZone,
  tenantToday,
} from './tenant-calendar';

describe("a tenant's today is its own calendar day", () => {
  // 23:30 UTC on 15 January: already the 16th in Auckland (UTC+13 in summer), still the 15th in Los Angeles.
  const beforeMidnightUtc = new Date('2026-01-15T23:30:00Z');
  // 00:30 UTC on 16 January: the 16th in Auckland, still the 15th in Los Angeles (16:30 the day before).
  const afterMidnightUtc = new Date('2026-01-16T00:30:00Z');

  it('Pacific/Auckland is ahead of UTC across midnight', () => {
    expect(tenantToday('Pacific/Auckland', beforeMidnightUtc)).toBe('2026-01-16');
    expect(tenantToday('Pacific/Auckland', afterMidnightUtc)).toBe('2026-01-16');
    // Winter (NZST, UTC+12): 11:59 UTC is 23:59 in Auckland, 12:00 UTC is the next day.
    expect(tenantToday('Pacific/Auckland', new Date('2026-07-01T11:59:00Z'))).toBe('2026-07-01');
    expect(tenantToday('Pacific/Auckland', new Date('2026-07-01T12:00:00Z'))).toBe('2026-07-02');
  });

  it('America/Los_Angeles is behind UTC across midnight', () => {
    expect(tenantToday('America/Los_Angeles', beforeMidnightUtc)).toBe('2026-01-15');
    expect(tenantToday('America/Los_Angeles', afterMidnightUtc)).toBe('2026-01-15');
    // 08:00 UTC is midnight in Los Angeles in winter (PST, UTC-8).
    expect(tenantToday('America/Los_Angeles', new Date('2026-01-16T07:59:00Z'))).toBe('2026-01-15');
    expect(tenantToday('America/Los_Angeles', new Date('2026-01-16T08:00:00Z'))).toBe('2026-01-16');
  });

  it('the two tenants see different days at the same instant, and neither is the UTC day', () => {
    const now = new Date('2026-03-10T11:30:00Z'); // Auckland 00:30 on the 11th, Los Angeles 04:30 on the 10th
    expect(tenantToday('Pacific/Auckland', now)).toBe('2026-03-11');
    expect(tenantToday('America/Los_Angeles', now)).toBe('2026-03-10');
  });

  it('a tenant without a valid zone lives in the default zone', () => {
    expect(DEFAULT_TENANT_TIMEZONE).toBe('Europe/Helsinki');
    for (const stored of [null, undefined, '', 'Mars/Olympus', '+02:00']) {
      expect(tenantTimeZone(stored)).toBe('Europe/Helsinki');
      expect(tenantToday(stored, beforeMidnightUtc)).toBe('2026-01-16'); // 01:30 in Helsinki
    }
  });
});

describe('the latest today anywhere', () => {
  it('is the date in UTC+14, a day ahead of UTC for most of the day', () => {
    expect(latestToday(new Date('2026-01-15T09:59:00Z'))).toBe('2026-01-15');
    expect(latestToday(new Date('2026-01-15T10:00:00Z'))).toBe('2026-01-16');
    expect(
      latestToday(new Date('2026-01-15T10:00:00Z')) >=
        tenantToday('Pacific/Auckland', new Date('2026-01-15T10:00:00Z')),
    ).toBe(true);
  });
});
