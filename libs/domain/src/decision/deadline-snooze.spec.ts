import { DomainError } from '../common/domain.error';
import { isSnoozed, snoozeUntil } from './deadline-snooze';

const target = { deadline: '2027-01-30' };

describe('snoozing a notice deadline', () => {
  it("lasts a week from the tenant's today when no date is given", () => {
    expect(snoozeUntil({}, target, false, '2026-12-02')).toBe('2026-12-09');
    expect(snoozeUntil({ until: null }, target, false, '2026-12-30')).toBe('2027-01-06');
  });

  it('takes a chosen day after today, at most 90 days ahead', () => {
    expect(snoozeUntil({ until: '2026-12-03' }, target, false, '2026-12-02')).toBe('2026-12-03');
    expect(snoozeUntil({ until: '2027-03-02' }, target, false, '2026-12-02')).toBe('2027-03-02');
    for (const until of ['2026-12-02', '2026-11-30', '2027-03-03', '2026-02-30']) {
      expect(() => snoozeUntil({ until }, target, false, '2026-12-02')).toThrow(
        expect.objectContaining({ code: 'validation_failed' }) as DomainError,
      );
    }
  });

  it('is refused without a notice deadline or once it is decided', () => {
    expect(() => snoozeUntil({}, null, false, '2026-12-02')).toThrow(
      expect.objectContaining({ code: 'conflict' }) as DomainError,
    );
    expect(() => snoozeUntil({}, target, true, '2026-12-02')).toThrow(
      expect.objectContaining({ code: 'conflict' }) as DomainError,
    );
  });

  it('hides the deadline until the day before it ends; on that day it is back', () => {
    expect(isSnoozed('2026-12-09', '2026-12-08')).toBe(true);
    expect(isSnoozed('2026-12-09', '2026-12-09')).toBe(false);
    expect(isSnoozed(null, '2026-12-09')).toBe(false);
  });
});
