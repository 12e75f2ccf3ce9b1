import fc from 'fast-check';
import {
  addDays,
  addDuration,
  compareDates,
  daysInMonth,
  parseIsoDate,
  subtractDuration,
} from './calendar-date';
import { emptyTerms, type ContractTerms } from './contract-terms.types';
import {
  computeDeadlines,
  deadlineList,
  nextObligationDate,
  type ContractDeadlines,
} from './deadlines';

function terms(overrides: Partial<ContractTerms>): ContractTerms {
  return { ...emptyTerms(), ...overrides };
}

const NONE: ContractDeadlines = {
  noticeDeadline: null,
  nextRenewalDate: null,
  expirationDate: null,
  currentTermEnd: null,
  noticeRenewalDate: null,
};

describe('computeDeadlines', () => {
  describe('a fixed-term contract that does not renew', () => {
    it('expires at effectiveDate + initialTerm - 1 day', () => {
      const t = terms({
        effectiveDate: '2024-03-01',
        initialTerm: 'P3Y',
        autoRenewal: false,
        noticePeriod: 'P90D',
      });
      expect(computeDeadlines(t, '2025-06-15')).toEqual({
        noticeDeadline: null,
        nextRenewalDate: null,
        expirationDate: '2027-02-28',
        currentTermEnd: '2027-02-28',
        noticeRenewalDate: null,
      });
    });

    it('falls back to the agreement date when there is no effective date', () => {
      const t = terms({ agreementDate: '2024-01-15', initialTerm: 'P1Y', autoRenewal: false });
      expect(computeDeadlines(t, '2024-02-01').expirationDate).toBe('2025-01-14');
    });

    it('prefers an explicit expiration date over start + term', () => {
      const t = terms({
        effectiveDate: '2024-01-01',
        initialTerm: 'P1Y',
        expirationDate: '2024-12-15',
      });
      expect(computeDeadlines(t, '2024-02-01').expirationDate).toBe('2024-12-15');
    });

    it('still reports the expiration date once it has passed', () => {
      const t = terms({ expirationDate: '2020-06-30', autoRenewal: false });
      expect(computeDeadlines(t, '2026-01-01').expirationDate).toBe('2020-06-30');
    });

    it('treats an unknown autoRenewal like a contract that does not renew, so the end date is shown', () => {
      const t = terms({ effectiveDate: '2024-01-01', initialTerm: 'P2Y', autoRenewal: null });
      expect(computeDeadlines(t, '2024-06-01')).toMatchObject({
        expirationDate: '2025-12-31',
        nextRenewalDate: null,
      });
    });
  });

  describe('an auto-renewing contract', () => {
    const evergreen = terms({
      effectiveDate: '2024-01-01',
      initialTerm: 'P2Y',
      autoRenewal: true,
      renewalTerm: 'P1Y',
      noticePeriod: 'P90D',
    });

    it('in its initial term: renews the day after the term and needs notice 90 days before its end', () => {
      expect(computeDeadlines(evergreen, '2024-06-01')).toEqual({
        noticeDeadline: '2025-10-02',
        nextRenewalDate: '2026-01-01',
        expirationDate: null,
        currentTermEnd: '2025-12-31',
        noticeRenewalDate: '2026-01-01',
      });
    });

    it('rolls forward through renewal terms to the one containing today', () => {
      expect(computeDeadlines(evergreen, '2031-07-04')).toEqual({
        noticeDeadline: '2031-10-02',
        nextRenewalDate: '2032-01-01',
        expirationDate: null,
        currentTermEnd: '2031-12-31',
        noticeRenewalDate: '2032-01-01',
      });
    });

    it('on the last day of a term, that term is still current', () => {
      expect(computeDeadlines(evergreen, '2025-12-31').currentTermEnd).toBe('2025-12-31');
      expect(computeDeadlines(evergreen, '2026-01-01').currentTermEnd).toBe('2026-12-31');
    });

    it('on the notice deadline itself, notice for the current term is still possible', () => {
      expect(computeDeadlines(evergreen, '2025-10-02').noticeDeadline).toBe('2025-10-02');
    });

    it('once the notice window is missed, gives the next term notice deadline', () => {
      expect(computeDeadlines(evergreen, '2025-10-03')).toMatchObject({
        currentTermEnd: '2025-12-31',
        nextRenewalDate: '2026-01-01',
        noticeDeadline: '2026-10-02',
      });
    });

    it('with a notice period longer than a renewal term, skips to the first notice deadline still ahead', () => {
      const t = terms({
        effectiveDate: '2024-01-01',
        initialTerm: 'P1M',
        autoRenewal: true,
        noticePeriod: 'P3M',
      });
      // Term ends: 2024-01-31, 02-29, 03-31, 04-30, 05-31 ... today 2024-02-10: first end - 3M >= today is 05-31.
      expect(computeDeadlines(t, '2024-02-10')).toMatchObject({
        currentTermEnd: '2024-02-29',
        noticeDeadline: '2024-02-29',
      });
      expect(computeDeadlines(t, '2024-03-01')).toMatchObject({
        currentTermEnd: '2024-03-31',
        // 03-31, 04-30 and 05-31 minus 3 months are all before today; 06-30 - P3M = 03-30 is the first ahead.
        noticeDeadline: '2024-03-30',
      });
    });

    it('names the renewal a notice deadline stops, never one that can no longer be stopped', () => {
      const monthly = terms({
        effectiveDate: '2024-01-01',
        initialTerm: 'P1M',
        autoRenewal: true,
        renewalTerm: 'P1M',
        noticePeriod: 'P30D',
      });
      // Today 2024-03-10: the term ends 03-31, whose notice deadline (03-01) has passed, so the 1 April
      // renewal goes ahead; the next one that can be stopped is 1 May (notice by 30 April - 30 days = 31 March).
      expect(computeDeadlines(monthly, '2024-03-10')).toMatchObject({
        currentTermEnd: '2024-03-31',
        nextRenewalDate: '2024-04-01',
        noticeDeadline: '2024-03-31',
        noticeRenewalDate: '2024-05-01',
      });
      // Before the current term's notice deadline, it stops the next renewal itself.
      expect(computeDeadlines(monthly, '2024-03-01')).toMatchObject({
        nextRenewalDate: '2024-04-01',
        noticeDeadline: '2024-03-01',
        noticeRenewalDate: '2024-04-01',
      });
      // A notice period longer than the term: 06-30 - P3M = 03-30 stops the 1 July renewal.
      const longNotice = terms({ ...monthly, renewalTerm: null, noticePeriod: 'P3M' });
      expect(computeDeadlines(longNotice, '2024-03-01')).toMatchObject({
        nextRenewalDate: '2024-04-01',
        noticeDeadline: '2024-03-30',
        noticeRenewalDate: '2024-07-01',
      });
    });

    it('renews by the initial term when no renewal term is given', () => {
      const t = terms({ effectiveDate: '2024-01-01', initialTerm: 'P6M', autoRenewal: true });
      expect(computeDeadlines(t, '2024-08-01')).toMatchObject({
        currentTermEnd: '2024-12-31',
        noticeDeadline: null,
      });
    });

    it('keeps a term that started on 31 January anchored on month ends', () => {
      const t = terms({
        effectiveDate: '2024-01-31',
        initialTerm: 'P1M',
        autoRenewal: true,
        renewalTerm: 'P1M',
      });
      // Terms start on 31 Jan, 29 Feb, 31 Mar, 30 Apr, 31 May: never drifting to the 29th.
      expect(computeDeadlines(t, '2024-02-15').nextRenewalDate).toBe('2024-02-29');
      expect(computeDeadlines(t, '2024-03-15').nextRenewalDate).toBe('2024-03-31');
      expect(computeDeadlines(t, '2024-04-15').nextRenewalDate).toBe('2024-04-30');
      expect(computeDeadlines(t, '2024-05-15').nextRenewalDate).toBe('2024-05-31');
    });

    it('keeps the start anchor when the stated expiration date agrees with start + initial term', () => {
      const t = terms({
        effectiveDate: '2024-01-31',
        initialTerm: 'P1M',
        expirationDate: '2024-02-28',
        autoRenewal: true,
      });
      expect(computeDeadlines(t, '2024-03-15').nextRenewalDate).toBe('2024-03-31');
    });

    it('counts renewals from the day after an explicit expiration date when no start is known', () => {
      const t = terms({
        expirationDate: '2024-06-30',
        autoRenewal: true,
        renewalTerm: 'P1Y',
        noticePeriod: 'P2M',
      });
      expect(computeDeadlines(t, '2026-01-01')).toEqual({
        noticeDeadline: '2026-04-30',
        nextRenewalDate: '2026-07-01',
        expirationDate: null,
        currentTermEnd: '2026-06-30',
        noticeRenewalDate: '2026-07-01',
      });
    });

    it('when the length of a renewal is unknown, knows only the first term', () => {
      const t = terms({ expirationDate: '2024-06-30', autoRenewal: true, noticePeriod: 'P30D' });
      expect(computeDeadlines(t, '2024-01-01')).toEqual({
        noticeDeadline: '2024-05-31',
        nextRenewalDate: '2024-07-01',
        expirationDate: null,
        currentTermEnd: '2024-06-30',
        noticeRenewalDate: '2024-07-01',
      });
      expect(computeDeadlines(t, '2024-06-01').noticeDeadline).toBeNull();
      expect(computeDeadlines(t, '2024-07-01')).toEqual(NONE);
    });

    it('a perpetual contract described as renewing is computed like any evergreen contract', () => {
      const t = terms({
        perpetual: true,
        effectiveDate: '2024-01-01',
        initialTerm: 'P1Y',
        autoRenewal: true,
      });
      expect(computeDeadlines(t, '2025-03-01').nextRenewalDate).toBe('2026-01-01');
    });
  });

  describe('missing or bad data', () => {
    it('a perpetual contract with no term has no deadlines', () => {
      expect(
        computeDeadlines(terms({ perpetual: true, effectiveDate: '2024-01-01' }), '2024-06-01'),
      ).toEqual(NONE);
    });

    it('a perpetual contract that does not renew has nothing to warn about even with a stray end date', () => {
      expect(
        computeDeadlines(terms({ perpetual: true, expirationDate: '2025-01-01' }), '2024-06-01'),
      ).toEqual(NONE);
    });

    it.each<[string, Partial<ContractTerms>]>([
      ['no dates at all', { initialTerm: 'P1Y', autoRenewal: true }],
      ['a start but no term', { effectiveDate: '2024-01-01', autoRenewal: true }],
      ['an impossible date', { effectiveDate: '2023-02-29', initialTerm: 'P1Y' }],
      ['a garbled duration', { effectiveDate: '2024-01-01', initialTerm: 'three years' }],
      [
        'a zero-length term',
        { effectiveDate: '2024-01-01', initialTerm: 'P0D', autoRenewal: true },
      ],
      ['a time-only duration', { effectiveDate: '2024-01-01', initialTerm: 'PT5H' }],
    ])('%s gives null deadlines without throwing', (_name, overrides) => {
      expect(computeDeadlines(terms(overrides), '2024-06-01')).toEqual(NONE);
    });

    it('a bad today gives null deadlines', () => {
      expect(computeDeadlines(terms({ expirationDate: '2025-01-01' }), 'today')).toEqual(NONE);
    });

    it('a garbled notice period only drops the notice deadline', () => {
      const t = terms({
        effectiveDate: '2024-01-01',
        initialTerm: 'P1Y',
        autoRenewal: true,
        noticePeriod: '90 days',
      });
      expect(computeDeadlines(t, '2024-06-01')).toMatchObject({
        noticeDeadline: null,
        nextRenewalDate: '2025-01-01',
      });
    });

    it('an evergreen contract close to year 9999 gives nulls instead of overflowing', () => {
      const t = terms({
        expirationDate: '9999-06-30',
        autoRenewal: true,
        renewalTerm: 'P1Y',
        noticePeriod: 'P1M',
      });
      expect(computeDeadlines(t, '9999-08-01')).toEqual(NONE);
    });
  });
});

// ---------- properties ----------

const dateBetween = (minYear: number, maxYear: number): fc.Arbitrary<string> =>
  fc
    .integer({ min: 0, max: (maxYear - minYear + 1) * 366 })
    .map((n) => addDays(`${minYear}-01-01`, n))
    .filter((d) => Number(d.slice(0, 4)) <= maxYear);

const termDuration = fc.oneof(
  fc.integer({ min: 1, max: 5 }).map((n) => `P${n}Y`),
  fc.integer({ min: 1, max: 36 }).map((n) => `P${n}M`),
  fc.integer({ min: 7, max: 800 }).map((n) => `P${n}D`),
  fc.integer({ min: 1, max: 60 }).map((n) => `P${n}W`),
  fc
    .tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 11 }))
    .map(([y, m]) => `P${y}Y${m}M`),
);
const noticeDuration = fc.oneof(
  fc.integer({ min: 0, max: 400 }).map((n) => `P${n}D`),
  fc.integer({ min: 1, max: 24 }).map((n) => `P${n}M`),
  fc.integer({ min: 1, max: 3 }).map((n) => `P${n}Y`),
);

/**
 * Independent oracle: walks the terms one by one (linear, where the code searches) with the anchored rule:
 * a whole-month initial term is added together with the renewals; otherwise renewals count from start + initial.
 */
function oracleTermEnds(
  start: string,
  initial: string,
  renewal: string,
  today: string,
): { prev: string | null; current: string } {
  let prev: string | null = null;
  const monthsOnly = !/[WD]/.test(initial);
  const initialMonths = monthsOnly
    ? Number(/(\d+)Y/.exec(initial)?.[1] ?? 0) * 12 + Number(/(\d+)M/.exec(initial)?.[1] ?? 0)
    : 0;
  const renewalMonths =
    Number(/(\d+)Y/.exec(renewal)?.[1] ?? 0) * 12 + Number(/(\d+)M/.exec(renewal)?.[1] ?? 0);
  const renewalDays =
    Number(/(\d+)W/.exec(renewal)?.[1] ?? 0) * 7 + Number(/(\d+)D/.exec(renewal)?.[1] ?? 0);
  for (let k = 0; ; k++) {
    const next = monthsOnly
      ? addDays(addDuration(start, `P${initialMonths + k * renewalMonths}M`), k * renewalDays)
      : addDays(
          addDuration(addDuration(start, initial), `P${k * renewalMonths}M`),
          k * renewalDays,
        );
    const end = addDays(next, -1);
    if (compareDates(end, today) >= 0) return { prev, current: end };
    prev = end;
  }
}

describe('computeDeadlines properties', () => {
  it('evergreen contracts rolled through many terms: current term end >= today > previous term end', () => {
    fc.assert(
      fc.property(
        dateBetween(1990, 2010),
        dateBetween(2020, 2060),
        termDuration,
        termDuration,
        (start, today, initial, renewal) => {
          const d = computeDeadlines(
            terms({
              effectiveDate: start,
              initialTerm: initial,
              autoRenewal: true,
              renewalTerm: renewal,
            }),
            today,
          );
          const oracle = oracleTermEnds(start, initial, renewal, today);
          expect(d.currentTermEnd).toBe(oracle.current);
          expect(compareDates(d.currentTermEnd!, today)).toBeGreaterThanOrEqual(0);
          if (oracle.prev) expect(compareDates(oracle.prev, today)).toBeLessThan(0);
          expect(d.nextRenewalDate).toBe(addDays(d.currentTermEnd!, 1));
          expect(d.expirationDate).toBeNull();
          // The term stays current up to and including its last day, and the next one starts right after.
          expect(
            computeDeadlines(
              terms({
                effectiveDate: start,
                initialTerm: initial,
                autoRenewal: true,
                renewalTerm: renewal,
              }),
              d.currentTermEnd!,
            ).currentTermEnd,
          ).toBe(d.currentTermEnd);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('notice periods in days, months and years: deadline >= today, and <= the current term end unless that window is missed', () => {
    fc.assert(
      fc.property(
        dateBetween(1995, 2015),
        dateBetween(2020, 2040),
        termDuration,
        noticeDuration,
        (start, today, renewal, notice) => {
          const t = terms({
            effectiveDate: start,
            initialTerm: renewal,
            autoRenewal: true,
            noticePeriod: notice,
          });
          const d = computeDeadlines(t, today);
          expect(d.noticeDeadline).not.toBeNull();
          expect(compareDates(d.noticeDeadline!, today)).toBeGreaterThanOrEqual(0);
          const currentNotice = subtractDuration(d.currentTermEnd!, notice);
          if (compareDates(currentNotice, today) >= 0) {
            expect(d.noticeDeadline).toBe(currentNotice);
            expect(compareDates(d.noticeDeadline!, d.currentTermEnd!)).toBeLessThanOrEqual(0);
          } else {
            // Missed: the deadline belongs to a later term, and it is the earliest still ahead.
            expect(compareDates(d.noticeDeadline!, currentNotice)).toBeGreaterThan(0);
            // On that deadline day itself it is still the answer (it was not skipped past).
            expect(computeDeadlines(t, d.noticeDeadline!).noticeDeadline).toBe(d.noticeDeadline);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('month ends: a term starting on a month end renews on the same day, clamped to each month', () => {
    const monthEnd = fc
      .tuple(fc.integer({ min: 1995, max: 2030 }), fc.integer({ min: 1, max: 12 }))
      .map(([y, m]) => `${y}-${String(m).padStart(2, '0')}-${daysInMonth(y, m)}`);
    fc.assert(
      fc.property(
        monthEnd,
        fc.integer({ min: 1, max: 24 }),
        dateBetween(2031, 2050),
        (start, months, today) => {
          const d = computeDeadlines(
            terms({ effectiveDate: start, initialTerm: `P${months}M`, autoRenewal: true }),
            today,
          );
          const startDay = parseIsoDate(start)!.day;
          const renewal = parseIsoDate(d.nextRenewalDate!)!;
          expect(renewal.day).toBe(Math.min(startDay, daysInMonth(renewal.year, renewal.month)));
        },
      ),
    );
  });

  it('leap years: a 29 February start renews on 29 February in leap years and 28 February otherwise', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2025, max: 2099 }), (year) => {
        const t = terms({
          effectiveDate: '2024-02-29',
          initialTerm: 'P1Y',
          autoRenewal: true,
          noticePeriod: 'P1D',
        });
        const d = computeDeadlines(t, `${year}-02-01`);
        const leap = daysInMonth(year, 2) === 29;
        expect(d.nextRenewalDate).toBe(`${year}-02-${leap ? '29' : '28'}`);
        expect(d.currentTermEnd).toBe(`${year}-02-${leap ? '28' : '27'}`);
      }),
    );
  });

  const anyTerms: fc.Arbitrary<ContractTerms> = fc
    .record({
      effectiveDate: fc.option(dateBetween(1990, 2030)),
      agreementDate: fc.option(dateBetween(1990, 2030)),
      expirationDate: fc.option(dateBetween(1990, 2040)),
      perpetual: fc.option(fc.boolean()),
      initialTerm: fc.option(fc.oneof(termDuration, fc.constant('P0D'), fc.constant('bad'))),
      autoRenewal: fc.option(fc.boolean()),
      renewalTerm: fc.option(termDuration),
      noticePeriod: fc.option(noticeDuration),
    })
    .map((r) => terms(r));

  it('never throws and always answers valid dates or null, whatever the terms', () => {
    fc.assert(
      fc.property(anyTerms, dateBetween(1990, 2050), (t, today) => {
        const d = computeDeadlines(t, today);
        for (const value of Object.values(d)) {
          if (value !== null) expect(parseIsoDate(value)).not.toBeNull();
        }
        if (d.nextRenewalDate) expect(d.expirationDate).toBeNull();
      }),
      { numRuns: 500 },
    );
  });

  it('a correction by a person: changing any term and recomputing equals computing from scratch', () => {
    const fields = [
      'effectiveDate',
      'agreementDate',
      'expirationDate',
      'perpetual',
      'initialTerm',
      'autoRenewal',
      'renewalTerm',
      'noticePeriod',
    ] as const;
    fc.assert(
      fc.property(
        anyTerms,
        anyTerms,
        fc.constantFrom(...fields),
        dateBetween(2000, 2050),
        (before, source, field, today) => {
          const frozen = Object.freeze({ ...before });
          const first = computeDeadlines(frozen, today);
          const corrected: ContractTerms = { ...frozen, [field]: source[field] };
          const recomputed = computeDeadlines(corrected, today);
          const fromScratch = computeDeadlines(
            JSON.parse(JSON.stringify(corrected)) as ContractTerms,
            today,
          );
          expect(recomputed).toEqual(fromScratch);
          // Undoing the correction gives back the first answer: no hidden state.
          expect(computeDeadlines({ ...corrected, [field]: frozen[field] }, today)).toEqual(first);
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('deadlineList', () => {
  it('lists notice, renewal and dated obligations sorted by date', () => {
    const d = computeDeadlines(
      terms({
        effectiveDate: '2024-01-01',
        initialTerm: 'P1Y',
        autoRenewal: true,
        noticePeriod: 'P3M',
      }),
      '2024-03-01',
    );
    expect(
      deadlineList(d, [
        { id: 'o-1', dueDate: '2024-12-31', recurrence: null },
        { id: 'o-2', dueDate: null, recurrence: 'P1M' },
        { id: 'o-3', dueDate: '2024-04-15', recurrence: null },
      ]),
    ).toEqual([
      { kind: 'obligation', date: '2024-04-15', obligationId: 'o-3' },
      { kind: 'notice', date: '2024-09-30' },
      { kind: 'obligation', date: '2024-12-31', obligationId: 'o-1' },
      { kind: 'renewal', date: '2025-01-01' },
    ]);
  });

  it('lists the expiration of a contract that does not renew', () => {
    const d = computeDeadlines(terms({ expirationDate: '2025-06-30' }), '2024-01-01');
    expect(deadlineList(d)).toEqual([{ kind: 'expiration', date: '2025-06-30' }]);
  });

  it('gives the next occurrence on or after today of a recurring obligation, anchored on its due date', () => {
    const quarterly = { id: 'q', dueDate: '2023-01-31', recurrence: 'P3M' };
    expect(deadlineList(NONE, [quarterly], '2024-02-01')).toEqual([
      { kind: 'obligation', date: '2024-04-30', obligationId: 'q' },
    ]);
    expect(nextObligationDate(quarterly, '2024-04-30')).toBe('2024-04-30');
    expect(nextObligationDate(quarterly, '2024-05-01')).toBe('2024-07-31');
    expect(nextObligationDate(quarterly, '2022-01-01')).toBe('2023-01-31');
    expect(nextObligationDate(quarterly)).toBe('2023-01-31');
  });

  it('keeps a past one-off obligation', () => {
    expect(nextObligationDate({ dueDate: '2020-01-01', recurrence: null }, '2024-01-01')).toBe(
      '2020-01-01',
    );
  });

  it('the next occurrence of a recurring obligation is never before today and less than one period after it', () => {
    fc.assert(
      fc.property(
        dateBetween(1990, 2020),
        dateBetween(2021, 2040),
        termDuration,
        (due, today, every) => {
          const next = nextObligationDate({ dueDate: due, recurrence: every }, today)!;
          expect(compareDates(next, today)).toBeGreaterThanOrEqual(0);
          expect(compareDates(subtractDuration(next, every), today)).toBeLessThan(0);
        },
      ),
    );
  });
});
