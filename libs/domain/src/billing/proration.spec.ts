import { periodEnd, prorate } from './proration';

const d = (iso: string) => new Date(iso);

describe('proration of a plan change during a paid period', () => {
  const period = { periodStart: d('2030-01-01T00:00:00Z'), periodEnd: d('2030-01-31T00:00:00Z') };

  it('an upgrade halfway through a monthly period: half the old price back, half the new price charged', () => {
    expect(
      prorate({
        ...period,
        now: d('2030-01-16T00:00:00Z'),
        oldPriceMinor: 4900,
        oldInterval: 'month',
        newPriceMinor: 19_900,
        newInterval: 'month',
      }),
    ).toEqual({
      creditMinor: 2450,
      chargeMinor: 9950,
      netMinor: 7500,
      unusedFraction: 0.5,
      periodEnd: period.periodEnd,
    });
  });

  it('a downgrade gives a credit (negative net) and keeps the period', () => {
    const p = prorate({
      ...period,
      now: d('2030-01-07T00:00:00Z'),
      oldPriceMinor: 19_900,
      oldInterval: 'month',
      newPriceMinor: 4900,
      newInterval: 'month',
    });
    expect(p.unusedFraction).toBe(0.8);
    expect(p).toMatchObject({
      creditMinor: 15_920,
      chargeMinor: 3920,
      netMinor: -12_000,
      periodEnd: period.periodEnd,
    });
  });

  it('switching to yearly starts a new yearly period now, with the unused month credited', () => {
    const now = d('2030-01-16T00:00:00Z');
    expect(
      prorate({
        ...period,
        now,
        oldPriceMinor: 4900,
        oldInterval: 'month',
        newPriceMinor: 49_000,
        newInterval: 'year',
      }),
    ).toEqual({
      creditMinor: 2450,
      chargeMinor: 49_000,
      netMinor: 46_550,
      unusedFraction: 0.5,
      periodEnd: d('2031-01-16T00:00:00Z'),
    });
  });

  it('after the period end nothing is credited; periods end a month or a year later, clamped to month ends', () => {
    expect(
      prorate({
        ...period,
        now: d('2030-02-05T00:00:00Z'),
        oldPriceMinor: 4900,
        oldInterval: 'month',
        newPriceMinor: 19_900,
        newInterval: 'month',
      }).creditMinor,
    ).toBe(0);
    expect(periodEnd(d('2030-01-31T10:00:00Z'), 'month')).toEqual(d('2030-02-28T10:00:00Z'));
    expect(periodEnd(d('2028-02-29T10:00:00Z'), 'year')).toEqual(d('2029-02-28T10:00:00Z'));
  });
});
