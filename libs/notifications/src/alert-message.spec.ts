import {
  consequence,
  describeDuration,
  renderAlertEmail,
  type AlertMessageInput,
} from './alert-message';
import { renderDigestEmail } from './digest-message';
import { LogMailer } from './log.mailer';

const base: AlertMessageInput = {
  kind: 'notice',
  deadline: '2027-01-30',
  today: '2027-01-10',
  contractId: '7d3c1c2e-5b0a-4a8e-9a57-1a2b3c4d5e6f',
  contractTitle: 'Office Lease',
  autoRenewal: true,
  renewalTerm: 'P1Y',
  noticeDeadline: '2027-01-30',
  nextRenewalDate: '2027-03-01',
  expirationDate: null,
  evidence:
    'This Agreement renews for successive one-year terms unless either party gives 30 days notice.',
  obligationText: null,
  appUrl: 'https://app.example.com',
};

describe('alert e-mail', () => {
  it('says when, what happens if nobody acts, quotes the contract and links to it and to the settings', () => {
    const mail = renderAlertEmail(base);
    expect(mail.subject).toBe('Notice deadline in 20 days: Office Lease');
    expect(mail.text).toContain(
      'If nobody acts, the contract renews for 1 year on 2027-03-01 unless notice is given by 2027-01-30.',
    );
    expect(mail.text).toContain('"This Agreement renews for successive one-year terms');
    expect(mail.text).toContain(
      'https://app.example.com/contracts/7d3c1c2e-5b0a-4a8e-9a57-1a2b3c4d5e6f',
    );
    expect(mail.text).toContain('https://app.example.com/settings/alerts');
    expect(mail.html).toContain('<blockquote');
  });

  it('words each kind of deadline, and today / tomorrow', () => {
    expect(consequence({ ...base, kind: 'renewal', deadline: '2027-03-01' })).toBe(
      'The contract renews for 1 year on 2027-03-01 unless notice is given by 2027-01-30.',
    );
    expect(
      consequence({ ...base, kind: 'expiration', autoRenewal: false, deadline: '2027-06-30' }),
    ).toMatch(/^The contract expires on 2027-06-30 and does not renew by itself/);
    expect(
      consequence({ ...base, kind: 'obligation', obligationText: 'Pay the annual fee.' }),
    ).toBe('Due on 2027-01-30: Pay the annual fee.');
    expect(renderAlertEmail({ ...base, deadline: '2027-01-10' }).subject).toBe(
      'Notice deadline today: Office Lease',
    );
    expect(renderAlertEmail({ ...base, deadline: '2027-01-11' }).subject).toBe(
      'Notice deadline tomorrow: Office Lease',
    );
    expect(describeDuration('P2Y6M')).toBe('2 years 6 months');
    expect(describeDuration('P30D')).toBe('30 days');
    expect(describeDuration('nonsense')).toBeNull();
  });

  it('escapes contract text in HTML and keeps the subject on one line', () => {
    const mail = renderAlertEmail({
      ...base,
      contractTitle: '<script>x</script>\r\nBcc: evil@example.com',
      evidence: 'a < b & "c"',
    });
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;script&gt;');
    expect(mail.html).toContain('a &lt; b &amp; &quot;c&quot;');
    expect(mail.subject).not.toMatch(/[\r\n]/);
  });
});

describe('weekly digest e-mail', () => {
  it('lists the deadlines soonest first with their links and counts them in the subject', () => {
    const mail = renderDigestEmail({
      today: '2027-01-04',
      days: 30,
      appUrl: 'https://app.example.com',
      items: [
        { contractId: 'a', contractTitle: 'Alpha <Supply>', kind: 'notice', date: '2027-01-04' },
        { contractId: 'b', contractTitle: 'Beta', kind: 'expiration', date: '2027-01-20' },
      ],
    });
    expect(mail.subject).toBe('Deadlines in the next 30 days: 2 deadlines');
    expect(mail.text).toContain(
      '- 2027-01-04 (today)  Notice deadline: Alpha <Supply>\n  https://app.example.com/contracts/a',
    );
    expect(mail.text).toContain('- 2027-01-20 (in 16 days)  Expiration: Beta');
    expect(mail.html).toContain('Alpha &lt;Supply&gt;');
  });
});

describe('log mailer (no SMTP_URL)', () => {
  it('writes the e-mail to the log instead of sending it', async () => {
    const lines: unknown[] = [];
    await new LogMailer({ log: (m) => lines.push(m) }).send({
      to: 'a@example.com',
      subject: 'S',
      text: 'T',
      html: '<p>T</p>',
    });
    expect(lines).toEqual([
      { mail: { to: 'a@example.com', subject: 'S', messageId: undefined, text: 'T' } },
    ]);
  });
});
