import {
  DIGEST_DAYS,
  DIGEST_MAX_ITEMS,
  digestLines,
  digestRange,
  digestToRecord,
  weekStart,
  type DigestCandidate,
} from './digest-policy';

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

describe('digest lines: undecided deadlines first', () => {
  const item = (contractId: string, kind: DigestCandidate['kind'], date: string) => ({
    contractId,
    contractTitle: contractId,
    kind,
    date,
  });

  it('the notice deadlines that passed with no decision come first, oldest first, then the coming ones by date', () => {
    const lines = digestLines(
      [item('late', 'notice', '2026-11-10'), item('older', 'notice', '2026-10-30')],
      [
        item('notice-later', 'notice', '2026-12-10'),
        item('renewal-soon', 'renewal', '2026-11-24'),
        item('expiry', 'expiration', '2026-11-30'),
      ],
    );
    expect(lines.map((l) => [l.contractId, l.undecided])).toEqual([
      ['older', true],
      ['late', true],
      ['renewal-soon', false],
      ['expiry', false],
      ['notice-later', false],
    ]);
    // Without undecided deadlines the list is the coming deadlines by date, as before.
    expect(
      digestLines([], [item('b', 'renewal', '2026-12-02'), item('a', 'notice', '2026-12-01')]),
    ).toEqual([
      { ...item('a', 'notice', '2026-12-01'), undecided: false },
      { ...item('b', 'renewal', '2026-12-02'), undecided: false },
    ]);
  });

  it('keeps at most DIGEST_MAX_ITEMS lines, undecided ones kept first', () => {
    const many = Array.from({ length: DIGEST_MAX_ITEMS + 5 }, (_, i) =>
      item(`r${i}`, 'renewal', '2026-12-01'),
    );
    const lines = digestLines([item('passed', 'notice', '2026-11-01')], many);
    expect(lines).toHaveLength(DIGEST_MAX_ITEMS);
    expect(lines[0]).toMatchObject({ contractId: 'passed', undecided: true });
  });
});
