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
      'Give notice by 2027-01-30 to stop the renewal on 2027-03-01 (renews for 1 year). If nobody acts, the contract renews.',
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
      'Give notice by 2027-01-30 to stop the renewal on 2027-03-01 (renews for 1 year).',
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

describe("alert e-mail for a monthly contract past this month's notice deadline", () => {
  // Today 2024-03-10, 30 days' notice: the 1 April renewal can no longer be stopped; notice by 31 March stops
  // the one on 1 May.
  const monthly: AlertMessageInput = {
    ...base,
    today: '2024-03-10',
    renewalTerm: 'P1M',
    noticeDeadline: '2024-03-31',
    nextRenewalDate: '2024-04-01',
    noticeRenewalDate: '2024-05-01',
  };

  it('pairs the notice deadline with the renewal it stops, never the one already under way', () => {
    const text = consequence({ ...monthly, kind: 'notice', deadline: '2024-03-31' });
    expect(text).toContain(
      'Give notice by 2024-03-31 to stop the renewal on 2024-05-01 (renews for 1 month)',
    );
    expect(text).not.toContain('2024-04-01');
  });

  it('says the next renewal simply happens, without a notice deadline that cannot stop it', () => {
    const text = consequence({ ...monthly, kind: 'renewal', deadline: '2024-04-01' });
    expect(text).toBe('The contract renews for 1 month on 2024-04-01.');
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

// ---------- Finnish and Swedish ----------

const digestInput = {
  today: '2027-01-04',
  days: 30,
  appUrl: 'https://app.example.com',
  items: [
    {
      contractId: 'a',
      contractTitle: 'Alpha <Supply>',
      kind: 'notice' as const,
      date: '2027-01-04',
    },
    { contractId: 'b', contractTitle: 'Beta', kind: 'renewal' as const, date: '2027-01-05' },
    { contractId: 'c', contractTitle: 'Gamma', kind: 'expiration' as const, date: '2027-01-20' },
  ],
};

describe('alert e-mail in Finnish', () => {
  const fi = { ...base, language: 'fi' as const };

  it('words the subject with the UI vocabulary: in N days, tomorrow, today', () => {
    expect(renderAlertEmail(fi).subject).toBe(
      'Irtisanomisen määräpäivä 20 päivän kuluttua: Office Lease',
    );
    expect(renderAlertEmail({ ...fi, deadline: '2027-01-11' }).subject).toBe(
      'Irtisanomisen määräpäivä huomenna: Office Lease',
    );
    expect(renderAlertEmail({ ...fi, deadline: '2027-01-10' }).subject).toBe(
      'Irtisanomisen määräpäivä tänään: Office Lease',
    );
    expect(renderAlertEmail({ ...fi, kind: 'renewal', deadline: '2027-03-01' }).subject).toBe(
      'Uusiutuminen 50 päivän kuluttua: Office Lease',
    );
    expect(renderAlertEmail({ ...fi, kind: 'expiration' }).subject).toBe(
      'Päättyminen 20 päivän kuluttua: Office Lease',
    );
    expect(renderAlertEmail({ ...fi, kind: 'obligation' }).subject).toBe(
      'Velvoitteen eräpäivä 20 päivän kuluttua: Office Lease',
    );
    expect(renderAlertEmail({ ...fi, contractTitle: ' ' }).subject).toBe(
      'Irtisanomisen määräpäivä 20 päivän kuluttua: Nimetön sopimus',
    );
  });

  it('says what happens if nobody acts, for each kind, with dates as d.m.yyyy', () => {
    expect(consequence(fi)).toBe(
      'Irtisano viimeistään 30.1.2027, jotta sopimus ei uusiudu 1.3.2027 (jatkokausi 1 vuosi). Jos mitään ei tehdä, sopimus uusiutuu.',
    );
    expect(consequence({ ...fi, nextRenewalDate: null })).toBe(
      'Irtisano viimeistään 30.1.2027, jotta sopimus ei uusiudu. Jos mitään ei tehdä, sopimus uusiutuu.',
    );
    expect(consequence({ ...fi, kind: 'renewal', deadline: '2027-03-01' })).toBe(
      'Irtisano viimeistään 30.1.2027, jotta sopimus ei uusiudu 1.3.2027 (jatkokausi 1 vuosi).',
    );
    expect(
      consequence({
        ...fi,
        kind: 'renewal',
        deadline: '2027-03-01',
        noticeDeadline: '2027-01-05',
        renewalTerm: null,
      }),
    ).toBe('Sopimus uusiutuu 1.3.2027.');
    expect(consequence({ ...fi, kind: 'expiration', deadline: '2027-06-30' })).toBe(
      'Nykyinen sopimuskausi päättyy 30.6.2027.',
    );
    expect(
      consequence({ ...fi, kind: 'expiration', autoRenewal: false, deadline: '2027-06-30' }),
    ).toBe(
      'Sopimus päättyy 30.6.2027 eikä uusiudu itsestään: sopikaa uudesta sopimuksesta ennen sitä, jos palvelua tarvitaan edelleen.',
    );
    expect(consequence({ ...fi, kind: 'obligation', obligationText: 'Pay the annual fee.' })).toBe(
      'Eräpäivä 30.1.2027: Pay the annual fee.',
    );
    expect(consequence({ ...fi, kind: 'obligation' })).toBe(
      'Sopimukseen perustuva velvoite erääntyy 30.1.2027.',
    );
  });

  it('writes durations in the singular for one and the partitive plural for more', () => {
    expect(describeDuration('P1Y', 'fi')).toBe('1 vuosi');
    expect(describeDuration('P2Y', 'fi')).toBe('2 vuotta');
    expect(describeDuration('P1M', 'fi')).toBe('1 kuukausi');
    expect(describeDuration('P6M', 'fi')).toBe('6 kuukautta');
    expect(describeDuration('P1W', 'fi')).toBe('1 viikko');
    expect(describeDuration('P30D', 'fi')).toBe('30 päivää');
    expect(describeDuration('P2Y6M', 'fi')).toBe('2 vuotta ja 6 kuukautta');
    expect(describeDuration('P1Y2M3D', 'fi')).toBe('1 vuosi, 2 kuukautta ja 3 päivää');
    expect(consequence({ ...fi, renewalTerm: 'P2Y' })).toContain('(jatkokausi 2 vuotta)');
  });

  it('translates the body and keeps the quoted contract sentence as written; the HTML says lang="fi"', () => {
    const mail = renderAlertEmail(fi);
    expect(mail.text.split('\n').slice(0, 2)).toEqual([
      'Irtisanomisen määräpäivä: 30.1.2027 (20 päivän kuluttua)',
      'Sopimus: Office Lease',
    ]);
    expect(mail.text).toContain(
      'Ote sopimuksesta:\n"This Agreement renews for successive one-year terms unless either party gives 30 days notice."',
    );
    expect(mail.text).toContain(
      'Avaa sopimus: https://app.example.com/contracts/7d3c1c2e-5b0a-4a8e-9a57-1a2b3c4d5e6f',
    );
    expect(mail.text).toContain(
      'Saat tämän viestin, koska olet muistutusten vastaanottaja. Muuta muistutusasetuksia: https://app.example.com/settings/alerts',
    );
    expect(mail.html).toContain('<html lang="fi">');
    expect(mail.html).toContain('Irtisanomisen määräpäivä 20 päivän kuluttua: 30.1.2027</h2>');
    expect(mail.html).toContain('>Avaa sopimus</a>');
    expect(mail.html).toContain('This Agreement renews for successive one-year terms');
    expect(mail.html).not.toMatch(/Open the contract|From the contract|alert recipient/);
  });
});

describe('alert e-mail in Swedish', () => {
  const sv = { ...base, language: 'sv' as const };

  it('words the subject with the UI vocabulary: in N days, tomorrow, today', () => {
    expect(renderAlertEmail(sv).subject).toBe('Sista uppsägningsdag om 20 dagar: Office Lease');
    expect(renderAlertEmail({ ...sv, deadline: '2027-01-11' }).subject).toBe(
      'Sista uppsägningsdag i morgon: Office Lease',
    );
    expect(renderAlertEmail({ ...sv, deadline: '2027-01-10' }).subject).toBe(
      'Sista uppsägningsdag i dag: Office Lease',
    );
    expect(renderAlertEmail({ ...sv, kind: 'renewal', deadline: '2027-03-01' }).subject).toBe(
      'Förnyelse om 50 dagar: Office Lease',
    );
    expect(renderAlertEmail({ ...sv, kind: 'expiration' }).subject).toBe(
      'Avtalets slut om 20 dagar: Office Lease',
    );
    expect(renderAlertEmail({ ...sv, kind: 'obligation' }).subject).toBe(
      'Åtagande förfaller om 20 dagar: Office Lease',
    );
  });

  it('says what happens if nobody acts, for each kind, with ISO dates', () => {
    expect(consequence(sv)).toBe(
      'Säg upp senast 2027-01-30 för att stoppa förnyelsen den 2027-03-01 (förnyas med 1 år). Om ingen gör något förnyas avtalet.',
    );
    expect(consequence({ ...sv, renewalTerm: null })).toBe(
      'Säg upp senast 2027-01-30 för att stoppa förnyelsen den 2027-03-01. Om ingen gör något förnyas avtalet.',
    );
    expect(consequence({ ...sv, nextRenewalDate: null })).toBe(
      'Säg upp senast 2027-01-30 för att stoppa nästa förnyelse. Om ingen gör något förnyas avtalet.',
    );
    expect(consequence({ ...sv, kind: 'renewal', deadline: '2027-03-01' })).toBe(
      'Säg upp senast 2027-01-30 för att stoppa förnyelsen den 2027-03-01 (förnyas med 1 år).',
    );
    expect(
      consequence({ ...sv, kind: 'renewal', deadline: '2027-03-01', noticeDeadline: '2027-01-05' }),
    ).toBe('Avtalet förnyas med 1 år den 2027-03-01.');
    expect(consequence({ ...sv, kind: 'expiration', deadline: '2027-06-30' })).toBe(
      'Den nuvarande avtalsperioden löper ut den 2027-06-30.',
    );
    expect(
      consequence({ ...sv, kind: 'expiration', autoRenewal: false, deadline: '2027-06-30' }),
    ).toBe(
      'Avtalet löper ut den 2027-06-30 och förnyas inte automatiskt: kom överens om ett nytt avtal före dess om tjänsten fortfarande behövs.',
    );
    expect(consequence({ ...sv, kind: 'obligation', obligationText: 'Pay the annual fee.' })).toBe(
      'Förfaller den 2027-01-30: Pay the annual fee.',
    );
    expect(consequence({ ...sv, kind: 'obligation' })).toBe(
      'Ett åtagande enligt avtalet förfaller den 2027-01-30.',
    );
  });

  it('writes durations in the singular for one and the plural for more', () => {
    expect(describeDuration('P1Y', 'sv')).toBe('1 år');
    expect(describeDuration('P2Y', 'sv')).toBe('2 år');
    expect(describeDuration('P1M', 'sv')).toBe('1 månad');
    expect(describeDuration('P6M', 'sv')).toBe('6 månader');
    expect(describeDuration('P1W', 'sv')).toBe('1 vecka');
    expect(describeDuration('P1D', 'sv')).toBe('1 dag');
    expect(describeDuration('P30D', 'sv')).toBe('30 dagar');
    expect(describeDuration('P2Y6M', 'sv')).toBe('2 år och 6 månader');
  });

  it('translates the body and keeps the quoted contract sentence as written; the HTML says lang="sv"', () => {
    const mail = renderAlertEmail(sv);
    expect(mail.text.split('\n').slice(0, 2)).toEqual([
      'Sista uppsägningsdag: 2027-01-30 (om 20 dagar)',
      'Avtal: Office Lease',
    ]);
    expect(mail.text).toContain(
      'Ur avtalet:\n"This Agreement renews for successive one-year terms',
    );
    expect(mail.text).toContain('Öppna avtalet: https://app.example.com/contracts/');
    expect(mail.text).toContain(
      'Du får det här meddelandet eftersom du är mottagare av påminnelser. Ändra påminnelseinställningar: https://app.example.com/settings/alerts',
    );
    expect(mail.html).toContain('<html lang="sv">');
    expect(mail.html).toContain('>Öppna avtalet</a>');
  });
});

describe('alert e-mail language: English stays the default', () => {
  it('renders English without a language and says lang="en"', () => {
    const mail = renderAlertEmail(base);
    expect(renderAlertEmail({ ...base, language: 'en' })).toEqual(mail);
    expect(mail.subject).toBe('Notice deadline in 20 days: Office Lease');
    expect(mail.html).toContain('<html lang="en">');
  });
});

describe('weekly digest e-mail in Finnish and Swedish', () => {
  it('English: a deadline one day away is "tomorrow", not "in 1 days"', () => {
    const mail = renderDigestEmail({ ...digestInput, language: 'en' });
    expect(mail.text).toContain('(tomorrow)');
    expect(mail.text).toContain('(today)');
    expect(mail.text).not.toContain('in 1 days');
  });

  it('Finnish: counts in the subject, today / tomorrow / in N days, d.m.yyyy dates, lang="fi"', () => {
    const mail = renderDigestEmail({ ...digestInput, language: 'fi' });
    expect(mail.subject).toBe('Määräpäivät seuraavan 30 päivän aikana: 3 määräpäivää');
    expect(mail.text).toContain('Määräpäivät seuraavan 30 päivän aikana (4.1.2027 alkaen):');
    expect(mail.text).toContain(
      '- 4.1.2027 (tänään)  Irtisanomisen määräpäivä: Alpha <Supply>\n  https://app.example.com/contracts/a',
    );
    expect(mail.text).toContain('- 5.1.2027 (huomenna)  Uusiutuminen: Beta');
    expect(mail.text).toContain('- 20.1.2027 (16 päivän kuluttua)  Päättyminen: Gamma');
    expect(mail.text).toContain(
      'Muuta muistutusasetuksia: https://app.example.com/settings/alerts',
    );
    expect(mail.html).toContain('<html lang="fi">');
    expect(mail.html).toContain('Alpha &lt;Supply&gt;');
    expect(
      renderDigestEmail({ ...digestInput, items: digestInput.items.slice(0, 1), language: 'fi' })
        .subject,
    ).toBe('Määräpäivät seuraavan 30 päivän aikana: 1 määräpäivä');
  });

  it('Swedish: counts in the subject, today / tomorrow / in N days, ISO dates, lang="sv"', () => {
    const mail = renderDigestEmail({ ...digestInput, language: 'sv' });
    expect(mail.subject).toBe('Tidsfrister de kommande 30 dagarna: 3 tidsfrister');
    expect(mail.text).toContain('Dina tidsfrister de kommande 30 dagarna (från 2027-01-04):');
    expect(mail.text).toContain('- 2027-01-04 (i dag)  Sista uppsägningsdag: Alpha <Supply>');
    expect(mail.text).toContain('- 2027-01-05 (i morgon)  Förnyelse: Beta');
    expect(mail.text).toContain('- 2027-01-20 (om 16 dagar)  Avtalets slut: Gamma');
    expect(mail.html).toContain('<html lang="sv">');
    expect(renderDigestEmail({ ...digestInput, items: [], language: 'sv' }).subject).toBe(
      'Tidsfrister de kommande 30 dagarna: 0 tidsfrister',
    );
  });
});
