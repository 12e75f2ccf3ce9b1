import { clauseParagraphs, normalCaseTitle, oneLine, textLines } from './letter-text.util';

describe('normalCaseTitle', () => {
  it.each([
    ['MASTER SERVICES AGREEMENT', 'en', 'Master Services Agreement'],
    ['SOFTWARE LICENSE AND SUPPORT AGREEMENT', 'en', 'Software License and Support Agreement'],
    ['NON-DISCLOSURE AGREEMENT', 'en', 'Non-Disclosure Agreement'],
    ['AGREEMENT FOR IT SERVICES', 'fi', 'Agreement for IT Services'],
    ['PALVELUSOPIMUS', 'fi', 'Palvelusopimus'],
    ['IT-PALVELUJEN TOIMITUSSOPIMUS', 'fi', 'IT-palvelujen toimitussopimus'],
    ['AVTAL OM KONSULTTJÄNSTER', 'sv', 'Avtal om konsulttjänster'],
    ['HYRESAVTAL FÖR LOKAL', 'sv', 'Hyresavtal för lokal'],
    ['ÅRSAVTAL', 'sv', 'Årsavtal'],
  ] as const)('%s in a %s letter is "%s"', (title, language, expected) => {
    expect(normalCaseTitle(title, language)).toBe(expected);
  });

  it('leaves a title that is already in normal case exactly as written', () => {
    expect(normalCaseTitle('SaaS Subscription Agreement', 'en')).toBe(
      'SaaS Subscription Agreement',
    );
    expect(normalCaseTitle('Vuokrasopimus', 'fi')).toBe('Vuokrasopimus');
    expect(normalCaseTitle('2024', 'en')).toBe('2024');
  });
});

describe('clauseParagraphs', () => {
  it('joins the lines a PDF wrapped, and keeps list items and blank-line breaks apart', () => {
    const text =
      'Either party may terminate\nthis Agreement:\n(a) for convenience on 90 days notice;\n(b) for cause\nat once.\n\n2. Notices shall be in writing.';
    expect(clauseParagraphs(text)).toEqual([
      'Either party may terminate this Agreement:',
      '(a) for convenience on 90 days notice;',
      '(b) for cause at once.',
      '2. Notices shall be in writing.',
    ]);
  });

  it('changes no word: only runs of spaces and control characters go', () => {
    expect(clauseParagraphs('  Ilmoitus  on\ttehtävä\u0007 kirjallisesti.  ')).toEqual([
      'Ilmoitus on tehtävä kirjallisesti.',
    ]);
    expect(clauseParagraphs(undefined)).toEqual([]);
  });
});

describe('textLines and oneLine', () => {
  it('treat missing, non-string and blank values alike as missing', () => {
    for (const value of [undefined, null, '', '   \n  ', 42]) {
      expect(textLines(value)).toEqual([]);
      expect(oneLine(value)).toBeNull();
    }
    expect(textLines('Sveavägen 44\r\n\r\n111 34  Stockholm ')).toEqual([
      'Sveavägen 44',
      '111 34 Stockholm',
    ]);
  });
});
