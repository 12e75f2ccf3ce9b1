import { renderDigestEmail } from './digest-message';

describe('weekly digest: undecided deadlines first', () => {
  const input = {
    today: '2026-11-23',
    days: 30,
    appUrl: 'https://app.example.com',
    items: [
      {
        contractId: 'p',
        contractTitle: 'Pulp Supply',
        kind: 'notice' as const,
        date: '2026-10-30',
        undecided: true,
      },
      {
        contractId: 'y',
        contractTitle: 'Yard Lease',
        kind: 'notice' as const,
        date: '2026-11-22',
        undecided: true,
      },
      {
        contractId: 'a',
        contractTitle: 'Alpha',
        kind: 'renewal' as const,
        date: '2026-11-30',
        undecided: false,
      },
    ],
  };

  it('lists the notice deadlines that passed with no decision under their own heading, before the rest', () => {
    const mail = renderDigestEmail(input);
    expect(mail.subject).toBe(
      'Deadlines in the next 30 days: 3 deadlines (2 passed with no decision)',
    );
    const text = mail.text;
    const heading =
      'Notice deadline passed, no decision recorded (renew, terminate or renegotiate):';
    expect(text).toContain(
      `${heading}\n- 2026-10-30 (passed 24 days ago)  Notice deadline: Pulp Supply\n  https://app.example.com/contracts/p\n- 2026-11-22 (passed yesterday)  Notice deadline: Yard Lease`,
    );
    expect(text).toContain('Other deadlines:\n- 2026-11-30 (in 7 days)  Renewal: Alpha');
    expect(text.indexOf(heading)).toBeLessThan(text.indexOf('Other deadlines:'));
    expect(mail.html.indexOf('Pulp Supply')).toBeLessThan(mail.html.indexOf('Alpha'));
    expect(mail.html).toContain(
      `<th colspan="2" style="text-align: left; padding: 12px 0 4px">${heading}</th>`,
    );
  });

  it('in Finnish and Swedish', () => {
    const fi = renderDigestEmail({ ...input, language: 'fi' });
    expect(fi.subject).toBe(
      'Määräpäivät seuraavan 30 päivän aikana: 3 määräpäivää (2 ohi ilman päätöstä)',
    );
    expect(fi.text).toContain(
      '- 30.10.2026 (meni ohi 24 päivää sitten)  Irtisanomisen määräpäivä: Pulp Supply',
    );
    expect(fi.text).toContain('Muut määräpäivät:');
    const sv = renderDigestEmail({ ...input, language: 'sv' });
    expect(sv.subject).toBe(
      'Tidsfrister de kommande 30 dagarna: 3 tidsfrister (2 passerade utan beslut)',
    );
    expect(sv.text).toContain('- 2026-11-22 (passerade i går)  Sista uppsägningsdag: Yard Lease');
    expect(sv.text).toContain('Övriga tidsfrister:');
  });

  it('without undecided deadlines: one list, no headings, the subject as before', () => {
    const mail = renderDigestEmail({ ...input, items: input.items.slice(2) });
    expect(mail.subject).toBe('Deadlines in the next 30 days: 1 deadline');
    expect(mail.text).not.toContain('Other deadlines');
    expect(mail.text).not.toContain('no decision');
  });
});
