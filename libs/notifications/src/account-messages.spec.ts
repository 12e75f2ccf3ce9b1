import {
  renderEmailVerificationEmail,
  renderInvitationEmail,
  renderTrialReminderEmail,
} from './account-messages';

describe('account e-mails', () => {
  const link = 'https://app.example.com/accept-invite?token=abc';

  it('invitation: English as before, Finnish and Swedish in the tenant language', () => {
    const en = renderInvitationEmail({ tenantName: 'Acme <Oy>', link, days: 7 });
    expect(en.subject).toBe('Join Acme <Oy> on Contract Bank');
    expect(en.text).toBe(
      `You have been invited to Acme <Oy> on Contract Bank.\n\nAccept within 7 days: ${link}\n`,
    );
    expect(en.html).toContain('Acme &lt;Oy&gt;');
    expect(en.html).toContain('<html lang="en">');
    const fi = renderInvitationEmail({ tenantName: 'Metsä Oy', link, days: 7, language: 'fi' });
    expect(fi.subject).toBe('Liity Contract Bankiin: Metsä Oy');
    expect(fi.text).toContain(`Hyväksy kutsu 7 päivän kuluessa: ${link}`);
    const sv = renderInvitationEmail({ tenantName: 'Skog AB', link, days: 7, language: 'sv' });
    expect(sv.subject).toBe('Gå med i Skog AB på Contract Bank');
    expect(sv.text).toContain(`Tacka ja inom 7 dagar: ${link}`);
  });

  it('trial reminder: English as before; Finnish dates d.m.yyyy; one day or several', () => {
    const base = {
      ownerName: 'Olli',
      company: 'Trial Oy',
      endDate: '2027-01-05',
      link: 'https://app/settings/subscription',
    };
    const en = renderTrialReminderEmail({ ...base, days: 3 });
    expect(en.subject).toBe('Your Contract Bank trial ends in 3 days');
    expect(en.text).toBe(
      'Hello Olli,\n\nThe trial of Trial Oy ends on 2027-01-05. After that you keep read access to every contract and deadline, but uploads, corrections and alerts stop until you choose a plan.\n\nChoose a plan: https://app/settings/subscription\n',
    );
    expect(renderTrialReminderEmail({ ...base, days: 1 }).subject).toBe(
      'Your Contract Bank trial ends in 1 day',
    );
    expect(renderTrialReminderEmail({ ...base, company: null, days: 3 }).text).toContain(
      'The trial of your company ends',
    );
    const fi = renderTrialReminderEmail({ ...base, days: 3, language: 'fi' });
    expect(fi.text).toContain('Organisaation Trial Oy kokeilujakso päättyy 5.1.2027.');
    expect(fi.text).toContain('Valitse tilaus: https://app/settings/subscription');
    const sv = renderTrialReminderEmail({ ...base, days: 1, language: 'sv' });
    expect(sv.subject).toBe('Din provperiod på Contract Bank slutar om 1 dag');
    expect(sv.text).toContain('Provperioden för Trial Oy slutar 2027-01-05.');
  });

  it('e-mail verification: the link, 48 hours, in English, Finnish and Swedish; the name is escaped', () => {
    const link = 'https://app.example.com/verify-email?token=cbv_abc';
    const en = renderEmailVerificationEmail({ name: 'Aino <3', link, hours: 48 });
    expect(en.subject).toBe('Confirm your e-mail address for Contract Bank');
    expect(en.text).toContain(`Confirm my e-mail address: ${link}`);
    expect(en.text).toContain('The link works once, for 48 hours.');
    expect(en.text).toContain('alerts are sent only to confirmed addresses');
    expect(en.html).toContain('Aino &lt;3');
    expect(en.html).toContain(`<a href="${link}">`);
    const fi = renderEmailVerificationEmail({ name: 'Aino', link, hours: 48, language: 'fi' });
    expect(fi.subject).toBe('Vahvista sähköpostiosoitteesi Contract Bankiin');
    expect(fi.text).toContain('48 tunnin ajan');
    expect(fi.html).toContain('<html lang="fi">');
    const sv = renderEmailVerificationEmail({ name: 'Aino', link, hours: 48, language: 'sv' });
    expect(sv.subject).toBe('Bekräfta din e-postadress för Contract Bank');
    expect(sv.text).toContain('i 48 timmar');
  });
});
