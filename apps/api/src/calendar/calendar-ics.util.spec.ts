import type { CalendarDeadline } from '@cb/persistence';
import { buildDeadlinesIcs, deadlineEventText } from './calendar-ics.util';

const notice: CalendarDeadline = {
  contractId: '7b0c6a52-93a1-4d0e-9a55-6f7cfa0e2b11',
  contractTitle: 'MASTER SERVICES AGREEMENT',
  counterparty: 'Acme Oy',
  kind: 'notice',
  date: '2027-01-30',
  obligationId: null,
  obligationText: null,
  noticeRenewalDate: '2027-03-01',
  renewalTerm: 'P1Y',
};

/** The value of one property of the feed, unfolded (RFC 5545 3.1) and unescaped (3.3.11). */
function property(ics: string, name: string): string[] {
  return ics
    .replace(/\r\n /g, '')
    .split('\r\n')
    .filter((l) => l.startsWith(`${name}:`))
    .map((l) =>
      l
        .slice(name.length + 1)
        .replace(/\\n/gi, '\n')
        .replace(/\\([,;\\])/g, '$1'),
    );
}

describe('calendar feed wording', () => {
  it('a notice deadline event: "Counterparty – Title" in normal case, and what the notice stops', () => {
    const ics = buildDeadlinesIcs(
      [notice],
      'https://app.example.com',
      new Date('2026-11-22'),
      [30],
    );
    expect(property(ics, 'SUMMARY')).toEqual([
      'Notice deadline: Acme Oy – Master Services Agreement',
    ]);
    const [description] = property(ics, 'DESCRIPTION');
    expect(description).toBe(
      'Give notice by 30 Jan 2027 to stop the renewal on 1 Mar 2027 (renews for 1 year)\n\n' +
        `Open the contract: https://app.example.com/contracts/${notice.contractId}`,
    );
    expect(ics).not.toContain('P1Y');
  });

  it('a monthly contract whose next renewal can no longer be stopped names the later renewal it stops', () => {
    const { description } = deadlineEventText(
      { ...notice, date: '2026-11-30', noticeRenewalDate: '2027-03-01', renewalTerm: 'P1M' },
      'https://x',
    );
    expect(description).toContain(
      'Give notice by 30 Nov 2026 to stop the renewal on 1 Mar 2027 (renews for 1 month)',
    );
  });

  it('without a counterparty the title alone; a duration in days reads in words; other kinds keep their text', () => {
    expect(
      deadlineEventText(
        {
          ...notice,
          counterparty: null,
          contractTitle: 'Office Lease',
          renewalTerm: 'P120D',
          noticeRenewalDate: null,
        },
        'https://x',
      ),
    ).toEqual({
      summary: 'Notice deadline: Office Lease',
      description:
        'Give notice by 30 Jan 2027 to stop the next renewal (renews for 120 days)\n\nOpen the contract: https://x',
    });
    expect(
      deadlineEventText(
        { ...notice, kind: 'obligation', obligationText: 'Pay the annual fee.' },
        'https://x',
      ),
    ).toEqual({
      summary: 'Obligation due: Acme Oy – Master Services Agreement',
      description: 'Pay the annual fee.\n\nOpen the contract: https://x',
    });
  });
});
