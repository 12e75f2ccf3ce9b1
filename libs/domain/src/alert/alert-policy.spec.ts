import fc from 'fast-check';
import { DomainError, ValidationError } from '../common/domain.error';
import { addDays } from '../contract/calendar-date';
import {
  alertRecipients,
  isStillRecipient,
  alertKey,
  DEFAULT_ALERT_SETTINGS,
  dueAlertLead,
  scanWindowStart,
  validateAlertSettings,
  type AlertKeyInput,
} from './alert-policy';

const D = '2026-06-30';
const LEADS = [90, 30, 7];

describe('dueAlertLead', () => {
  it('is due exactly on D - L', () => {
    expect(dueAlertLead(D, LEADS, addDays(D, -90))).toBe(90);
    expect(dueAlertLead(D, LEADS, addDays(D, -30))).toBe(30);
    expect(dueAlertLead(D, LEADS, addDays(D, -7))).toBe(7);
  });

  it('is not due the day before D - L of the largest lead', () => {
    expect(dueAlertLead(D, LEADS, addDays(D, -91))).toBeNull();
  });

  it('between leads, the last one reached stays due (so a missed run catches up)', () => {
    expect(dueAlertLead(D, LEADS, addDays(D, -60))).toBe(90);
    expect(dueAlertLead(D, LEADS, addDays(D, -29))).toBe(30);
  });

  it('when several leads are due at once, only the nearest (smallest) is sent', () => {
    // 90 and 30 both due on D - 10 (e.g. a contract uploaded late): send 30, never both.
    expect(dueAlertLead(D, LEADS, addDays(D, -10))).toBe(30);
    expect(dueAlertLead(D, LEADS, addDays(D, -1))).toBe(7);
  });

  it('is still due on the deadline day itself and never after it', () => {
    expect(dueAlertLead(D, LEADS, D)).toBe(7);
    expect(dueAlertLead(D, LEADS, addDays(D, 1))).toBeNull();
  });

  it('handles duplicate and unsorted leads like the sorted unique list', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -400, max: 5 }),
        fc.shuffledSubarray([7, 7, 30, 90, 90, 30]),
        (offset, shuffled) => {
          const today = addDays(D, offset);
          const unique = [...new Set(shuffled)].sort((a, b) => b - a);
          expect(dueAlertLead(D, shuffled, today)).toBe(dueAlertLead(D, unique, today));
        },
      ),
    );
    expect(dueAlertLead(D, [7, 90, 30, 30], addDays(D, -30))).toBe(30);
  });

  it('the answer is a lead whose window contains today, and no smaller lead is due', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 365 }), { maxLength: 10 }),
        fc.integer({ min: -400, max: 10 }),
        (leads, offset) => {
          const today = addDays(D, offset);
          const lead = dueAlertLead(D, leads, today);
          const due = leads.filter((l) => offset >= -l && offset <= 0);
          expect(lead).toBe(due.length ? Math.min(...due) : null);
        },
      ),
    );
  });

  it('ignores nonsense leads and bad dates instead of throwing', () => {
    expect(dueAlertLead(D, [-5, 1.5, Number.NaN, 10_000], D)).toBeNull();
    expect(dueAlertLead('2026-02-30', LEADS, D)).toBeNull();
    expect(dueAlertLead(D, [], D)).toBeNull();
  });
});

describe('alertKey', () => {
  const base: AlertKeyInput = {
    contractId: '6f1c2b1e-0000-4000-8000-000000000001',
    kind: 'notice',
    deadline: D,
    leadDays: 30,
    channel: 'email',
    recipient: 'Anna@Example.com',
  };

  it('is the same for the same alert, whatever the e-mail letter case', () => {
    expect(alertKey(base)).toBe(alertKey({ ...base, recipient: ' anna@example.com' }));
    expect(alertKey(base)).toBe(
      'alert:6f1c2b1e-0000-4000-8000-000000000001:notice:-:2026-06-30:30:email:anna%40example.com',
    );
  });

  it('differs when any part differs, including the obligation', () => {
    const variants: AlertKeyInput[] = [
      { ...base, contractId: 'other' },
      { ...base, kind: 'renewal' },
      { ...base, deadline: '2026-07-01' },
      { ...base, leadDays: 7 },
      { ...base, channel: 'webhook' },
      { ...base, recipient: 'bob@example.com' },
      { ...base, obligationId: 'o-1' },
    ];
    const keys = new Set([alertKey(base), ...variants.map(alertKey)]);
    expect(keys.size).toBe(variants.length + 1);
  });

  it('cannot be forged by a separator inside a value', () => {
    const a = alertKey({ ...base, channel: 'webhook', recipient: 'x:email:y' });
    const b = alertKey({ ...base, channel: 'webhook', recipient: 'x', obligationId: null });
    expect(a).not.toBe(b);
    expect(a.split(':')).toHaveLength(8);
  });
});

describe('alertRecipients', () => {
  it('is the configured list, else the owners and admins; each address once, compared without case', () => {
    expect(
      alertRecipients(['cfo@acme.fi', ' CFO@acme.fi', 'legal@acme.fi'], ['owner@acme.fi']),
    ).toEqual(['cfo@acme.fi', 'legal@acme.fi']);
    expect(alertRecipients([], ['owner@acme.fi', 'admin@acme.fi'])).toEqual([
      'owner@acme.fi',
      'admin@acme.fi',
    ]);
    expect(alertRecipients(null, [])).toEqual([]);
  });

  it('an alert still goes to someone who is still a recipient, in any letter case, and to no one else', () => {
    expect(isStillRecipient('CFO@acme.fi ', ['cfo@acme.fi'])).toBe(true);
    expect(isStillRecipient('former@acme.fi', ['cfo@acme.fi'])).toBe(false);
  });
});

describe('scanWindowStart', () => {
  it('covers deadlines from today to today + the largest lead', () => {
    expect(scanWindowStart('2026-01-01', 90)).toEqual({ from: '2026-01-01', to: '2026-04-01' });
    expect(() => scanWindowStart('2026-01-01', -1)).toThrow(DomainError);
  });

  it('contains every deadline for which some lead is due today', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10, max: 400 }), (offset) => {
        const today = '2026-03-15';
        const deadline = addDays(today, offset);
        const { from, to } = scanWindowStart(today, Math.max(...LEADS));
        const inWindow = deadline >= from && deadline <= to;
        expect(dueAlertLead(deadline, LEADS, today) !== null).toBe(inWindow);
      }),
    );
  });
});

describe('alert settings', () => {
  it('defaults to 90, 30 and 7 days in Europe/Helsinki, which are themselves valid', () => {
    expect(DEFAULT_ALERT_SETTINGS).toEqual({ leadDays: [90, 30, 7], timezone: 'Europe/Helsinki' });
    expect(validateAlertSettings(DEFAULT_ALERT_SETTINGS)).toEqual(DEFAULT_ALERT_SETTINGS);
  });

  it('sorts valid leads from the largest', () => {
    expect(validateAlertSettings({ leadDays: [7, 365, 1], timezone: 'UTC' }).leadDays).toEqual([
      365, 7, 1,
    ]);
  });

  it.each<[string, unknown, unknown, string]>([
    ['zero', [0, 7], 'UTC', 'leadDays[0]'],
    ['over a year', [366], 'UTC', 'leadDays[0]'],
    ['a fraction', [7.5], 'UTC', 'leadDays[0]'],
    ['a string', ['7'], 'UTC', 'leadDays[0]'],
    ['a duplicate', [30, 7, 30], 'UTC', 'leadDays[2]'],
    ['too many', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11], 'UTC', 'leadDays'],
    ['empty', [], 'UTC', 'leadDays'],
    ['not a list', 7, 'UTC', 'leadDays'],
    ['an unknown zone', [7], 'Europe/Atlantis', 'timezone'],
    ['a UTC offset, not a zone name', [7], '+02:00', 'timezone'],
  ])('refuses %s and names the field', (_name, leadDays, timezone, field) => {
    try {
      validateAlertSettings({ leadDays, timezone });
      throw new Error('expected a ValidationError');
    } catch (error) {
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).errors?.map((e) => e.field)).toContain(field);
    }
  });
});
