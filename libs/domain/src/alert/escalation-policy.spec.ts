import { escalationDue, escalationKey, escalationRecipients } from './escalation-policy';

describe('escalation policy', () => {
  it('a notice deadline is escalated from the day after it, while undecided and not ending', () => {
    expect(escalationDue('2026-11-28', false, null, '2026-11-28')).toBeNull(); // still on time
    expect(escalationDue('2026-11-28', false, null, '2026-11-29')).toEqual({ leadDays: -1 });
    expect(escalationDue('2026-11-28', false, null, '2026-12-08')).toEqual({ leadDays: -10 });
    expect(escalationDue('2026-11-28', true, null, '2026-11-29')).toBeNull();
    expect(escalationDue('2026-11-28', false, '2027-02-28', '2026-11-29')).toBeNull();
    expect(escalationDue(null, false, null, '2026-11-29')).toBeNull();
  });

  it('the key is one per contract, deadline and recipient, whatever day it is recorded on', () => {
    const a = escalationKey({ contractId: 'c1', deadline: '2026-11-28', recipient: 'CFO@x.fi ' });
    expect(a).toBe(
      escalationKey({ contractId: 'c1', deadline: '2026-11-28', recipient: 'cfo@x.fi' }),
    );
    expect(a).not.toBe(
      escalationKey({ contractId: 'c1', deadline: '2027-11-29', recipient: 'cfo@x.fi' }),
    );
    expect(a).not.toBe(
      escalationKey({ contractId: 'c1', deadline: '2026-11-28', recipient: 'ceo@x.fi' }),
    );
    expect(a.startsWith('escalation:')).toBe(true);
  });

  it('goes to the owners and admins, each address once', () => {
    expect(escalationRecipients(['Olivia@x.fi', 'olivia@x.fi ', 'adam@x.fi'])).toEqual([
      'Olivia@x.fi',
      'adam@x.fi',
    ]);
  });
});
