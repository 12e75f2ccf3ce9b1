import { setTenantTimeZone, todayIso } from './format';

describe("today in the tenant's time zone", () => {
  afterEach(() => setTenantTimeZone(null));

  // 22:30 UTC on 3 December: already 4 December in Helsinki (UTC+2), still 3 December in New York.
  const lateEvening = new Date('2026-12-03T22:30:00Z');

  it('counts from the tenant’s day, not the browser’s, once the session knows the zone', () => {
    setTenantTimeZone('Europe/Helsinki');
    expect(todayIso(lateEvening)).toBe('2026-12-04');
    setTenantTimeZone('America/New_York');
    expect(todayIso(lateEvening)).toBe('2026-12-03');
  });

  it('falls back to the browser’s day for no zone or an unknown one', () => {
    const local = (d: Date) =>
      `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
    setTenantTimeZone('Mars/Olympus_Mons');
    expect(todayIso(lateEvening)).toBe(local(lateEvening));
    setTenantTimeZone(null);
    expect(todayIso(lateEvening)).toBe(local(lateEvening));
  });
});
