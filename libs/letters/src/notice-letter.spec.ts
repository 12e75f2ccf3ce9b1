import { composeNoticeLetter, type NoticeLetterContent } from './notice-letter';
import { plainText, segments } from './letter-text.util';
import type { NoticeLetterInput } from './notice-letter.types';

const input: NoticeLetterInput = {
  kind: 'termination',
  sender: {
    name: 'Åbo Ångström Oy',
    address: 'Läntinen Rantakatu 5\n20100 Turku',
    signatory: { name: 'Aino Virtanen', title: 'CFO' },
  },
  recipient: { name: 'Nordic Facilities AB', address: 'Sveavägen 44, 111 34 Stockholm' },
  contract: { title: 'Palvelusopimus', date: '2024-03-01' },
  noticeClause: { text: 'Sopimus on voimassa toistaiseksi.', page: 4 },
  noticePeriod: 'P3M',
  noticeDeadline: '2026-11-30',
  endDate: '2027-02-28',
  letterDate: '2026-11-02',
  place: 'Turku',
};

/** Everything the letter says, blanks as their placeholders, spaces as spaces. */
function allText(content: NoticeLetterContent): string {
  return [
    content.subject,
    content.sender.name,
    ...content.sender.lines,
    content.placeAndDate,
    ...content.recipient,
    ...content.reference.map((r) => `${r.label}: ${r.value}`),
    content.salutation ?? '',
    ...content.opening,
    content.clauseIntro,
    ...content.clause,
    ...content.closingParagraphs,
    content.closing,
    ...Object.values(content.signature),
  ]
    .map((s) => plainText(s).replace(/\u00A0/g, ' '))
    .join('\n');
}

describe('notice letter content', () => {
  it('writes dates the way each language does: 28 February 2027, 28.2.2027, 28 februari 2027', () => {
    expect(allText(composeNoticeLetter(input, 'en'))).toContain('on 28 February 2027');
    expect(allText(composeNoticeLetter(input, 'fi'))).toContain('päättyessä 28.2.2027');
    expect(allText(composeNoticeLetter(input, 'sv'))).toContain('utgång den 28 februari 2027');
    expect(composeNoticeLetter(input, 'sv').placeAndDate).toBe(
      'Turku den 2\u00A0november\u00A02026',
    );
    expect(composeNoticeLetter(input, 'fi').placeAndDate).toBe('Turku, 2.11.2026');
  });

  it.each([
    ['P3M', 'en', 'the notice period is 3 months'],
    ['P1M', 'fi', 'irtisanomisaika on 1 kuukausi'],
    ['P120D', 'fi', 'irtisanomisaika on 120 päivää'],
    ['P1Y6M', 'en', 'the notice period is 1 year and 6 months'],
    ['P2W', 'sv', 'uppsägningstiden 2 veckor'],
    ['P1Y', 'sv', 'uppsägningstiden 1 år'],
  ] as const)('says the notice period %s in words in %s: "%s"', (period, language, words) => {
    const text = allText(composeNoticeLetter({ ...input, noticePeriod: period }, language));
    expect(text).toContain(words);
    expect(text).not.toContain(period);
  });

  it('leaves the notice period out, not blank, when the contract gives none', () => {
    const text = allText(composeNoticeLetter({ ...input, noticePeriod: null }, 'en'));
    expect(text).toContain(
      'Under the Agreement, notice of termination must be given no later than 30 November 2026.',
    );
    expect(text).not.toContain('notice period');
  });

  it('says the notice is in time only when the letter is dated on or before the notice deadline', () => {
    const onTheDay = allText(composeNoticeLetter({ ...input, letterDate: '2026-11-30' }, 'en'));
    expect(onTheDay).toContain('This notice of termination is therefore given in time.');
    const late = allText(composeNoticeLetter({ ...input, letterDate: '2026-12-01' }, 'fi'));
    expect(late).toContain('viimeistään 30.11.2026');
    expect(late).not.toContain('määräajassa');
    const unknown = allText(composeNoticeLetter({ ...input, noticeDeadline: null }, 'sv'));
    expect(unknown).toContain('senast den [datum]');
    expect(unknown).not.toContain('i rätt tid');
  });

  it('labels the date as the effective date when that is the date the contract gives', () => {
    const content = composeNoticeLetter(
      { ...input, contract: { ...input.contract, dateKind: 'effective' } },
      'fi',
    );
    expect(content.reference[1]).toEqual({ label: 'Voimaantulopäivä', value: '1.3.2024' });
    expect(composeNoticeLetter(input, 'en').reference[1]).toEqual({
      label: 'Dated',
      value: '1\u00A0March\u00A02024',
    });
  });

  it('gives the page of the quoted clause when known, and quotes it with the language’s marks', () => {
    const en = composeNoticeLetter(input, 'en');
    expect(en.clauseIntro).toBe('The notice provision of the Agreement (page 4) reads:');
    expect(en.clause).toEqual(['“Sopimus on voimassa toistaiseksi.”']);
    const fi = composeNoticeLetter({ ...input, noticeClause: { text: 'Ehto.' } }, 'fi');
    expect(fi.clauseIntro).toBe('Sopimuksen irtisanomista koskeva ehto kuuluu seuraavasti:');
    expect(fi.clause).toEqual(['”Ehto.”']);
  });

  it('marks every missing value as a blank to fill in, in the letter’s language', () => {
    const bare: NoticeLetterInput = {
      kind: 'non-renewal',
      sender: { name: 'Åbo Ångström Oy' },
      recipient: {},
      contract: {},
      letterDate: '2026-11-02',
    };
    const sv = composeNoticeLetter(bare, 'sv');
    const text = allText(sv);
    for (const blank of [
      '[namn]',
      '[adress]',
      '[avtalets namn]',
      '[datum]',
      '[ort]',
      '[befattning]',
    ]) {
      expect(text).toContain(blank);
    }
    expect(sv.clause).toEqual([expect.stringContaining('uppsägningsbestämmelse')]);
    expect(text).not.toMatch(/undefined|null|NaN/);
    // Blanks are marked, so the renderers can highlight them; real text is not.
    expect(segments(sv.recipient[1])).toEqual([{ text: '[adress]', blank: true }]);
    expect(segments(sv.sender.name)).toEqual([{ text: 'Åbo Ångström Oy', blank: false }]);
  });

  it('a request without recipient or contract at all (as JSON may arrive) still composes, with blanks', () => {
    const loose = { kind: 'termination', sender: { name: 'Acme Oy' }, letterDate: '2026-11-02' };
    const text = allText(composeNoticeLetter(loose as NoticeLetterInput, 'fi'));
    expect(text).toContain('[nimi]');
    expect(text).toContain('[sopimuksen nimi]');
    expect(text).not.toMatch(/undefined|null/);
  });

  it('a "[...]" inside the quoted clause or a name is the contract’s own text, not a blank', () => {
    const content = composeNoticeLetter(
      { ...input, noticeClause: { text: '[Intentionally omitted] \uE000x\uE001' } },
      'en',
    );
    expect(segments(content.clause[0])).toEqual([
      { text: '“[Intentionally omitted] x”', blank: false },
    ]);
  });

  it('prints the business ids when known and the address lines as given', () => {
    const content = composeNoticeLetter(
      {
        ...input,
        sender: { ...input.sender, businessId: '1234567-8' },
        recipient: { ...input.recipient, businessId: '556677-8899' },
      },
      'fi',
    );
    expect(content.sender.lines).toEqual([
      'Läntinen Rantakatu 5',
      '20100 Turku',
      'Y-tunnus 1234567-8',
    ]);
    expect(content.recipient).toEqual([
      'Nordic Facilities AB',
      'Sveavägen 44, 111 34 Stockholm',
      'Y-tunnus 556677-8899',
    ]);
  });

  it('names the agreement in normal case when the contract writes its title in capitals', () => {
    const content = composeNoticeLetter(
      { ...input, contract: { ...input.contract, title: 'MASTER SERVICES AGREEMENT' } },
      'sv',
    );
    expect(content.reference[0].value).toBe('Master Services Agreement');
  });
});
