import { DomainErrorCode, ValidationError } from '@cb/domain';
import {
  renderNoticeLetter,
  type LetterLanguage,
  type NoticeLetterInput,
  type NoticeLetterKind,
} from '@cb/letters';
import { docxText, flatText as flat, pdfText, readPdf } from '../../../test/support/letter-text';

async function renderedText(
  input: NoticeLetterInput,
  format: 'pdf' | 'docx',
  language: LetterLanguage,
): Promise<string> {
  const data = await renderNoticeLetter(input, { format, language });
  if (format === 'pdf') {
    expect(data.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    return pdfText(data);
  }
  expect(data.subarray(0, 2).toString('latin1')).toBe('PK');
  return docxText(data);
}

const CLAUSE =
  'This Agreement shall automatically renew for successive one (1) year periods unless either party gives\n' +
  'written notice of non-renewal or termination to the other party at least one hundred twenty (120) days\n' +
  'before the end of the then-current term.';

const letter: NoticeLetterInput = {
  kind: 'non-renewal',
  sender: {
    name: 'Åbo Ångström Oy',
    address: 'Läntinen Rantakatu 5\n20100 Turku',
    businessId: '1234567-8',
    signatory: { name: 'Jörg Müller', title: 'Toimitusjohtaja' },
  },
  recipient: { name: 'Nordic Facilities AB', address: 'Sveavägen 44\n111 34 Stockholm' },
  contract: { title: 'MASTER SERVICES AGREEMENT', date: '2024-03-01' },
  noticeClause: { text: CLAUSE, page: 12 },
  noticePeriod: 'P120D',
  noticeDeadline: '2027-01-30',
  endDate: '2027-02-28',
  letterDate: '2027-01-10',
  place: 'Turku',
};

interface Expected {
  subject: Record<NoticeLetterKind, string>;
  agreementDate: string;
  deadline: string;
  end: string;
  period: string;
  closing: string;
  blanks: { address: string; name: string; position: string; place: string };
}

const EXPECTED: Record<LetterLanguage, Expected> = {
  en: {
    subject: { 'non-renewal': 'Notice of non-renewal', termination: 'Notice of termination' },
    agreementDate: '1 March 2024',
    deadline: 'no later than 30 January 2027',
    end: 'on 28 February 2027',
    period: 'the notice period is 120 days',
    closing: 'Yours faithfully,',
    blanks: { address: '[address]', name: '[name]', position: '[position]', place: '[place]' },
  },
  fi: {
    subject: {
      'non-renewal': 'Ilmoitus sopimuksen jatkamatta jättämisestä',
      termination: 'Sopimuksen irtisanominen',
    },
    agreementDate: '1.3.2024',
    deadline: 'viimeistään 30.1.2027',
    end: 'päättyessä 28.2.2027',
    period: 'irtisanomisaika on 120 päivää',
    closing: 'Ystävällisin terveisin',
    blanks: { address: '[osoite]', name: '[nimi]', position: '[asema]', place: '[paikka]' },
  },
  sv: {
    subject: {
      'non-renewal': 'Meddelande om att avtalet inte förlängs',
      termination: 'Uppsägning av avtal',
    },
    agreementDate: '1 mars 2024',
    deadline: 'senast den 30 januari 2027',
    end: 'utgång den 28 februari 2027',
    period: 'är uppsägningstiden 120 dagar',
    closing: 'Med vänlig hälsning',
    blanks: { address: '[adress]', name: '[namn]', position: '[befattning]', place: '[ort]' },
  },
};

const LANGUAGES: LetterLanguage[] = ['en', 'fi', 'sv'];
const KINDS: NoticeLetterKind[] = ['non-renewal', 'termination'];
const FORMATS = ['pdf', 'docx'] as const;
const cases = LANGUAGES.flatMap((language) =>
  KINDS.flatMap((kind) => FORMATS.map((format) => ({ language, kind, format }))),
);

describe('renderNoticeLetter', () => {
  it.each(cases)(
    '$format in $language, $kind: both parties, the agreement, the quoted clause, both dates and the signature read back',
    async ({ language, kind, format }) => {
      const want = EXPECTED[language];
      const text = await renderedText({ ...letter, kind }, format, language);

      expect(text).toContain(want.subject[kind]);
      for (const part of ['Åbo Ångström Oy', 'Läntinen Rantakatu 5', '20100 Turku', '1234567-8']) {
        expect(text).toContain(part);
      }
      for (const part of ['Nordic Facilities AB', 'Sveavägen 44', '111 34 Stockholm']) {
        expect(text).toContain(part);
      }
      expect(text).toContain('Master Services Agreement');
      expect(text).toContain(want.agreementDate);
      expect(text).toContain(flat(CLAUSE));
      expect(text).toContain('12');
      expect(text).toContain(want.deadline);
      expect(text).toContain(want.end);
      expect(text).toContain(want.period);
      expect(text).not.toMatch(/P120D|undefined|null|NaN/);

      // The signature block: the closing, then the company, the signatory and their title, in that order.
      const closing = text.lastIndexOf(want.closing);
      const company = text.indexOf('Åbo Ångström Oy', closing);
      const name = text.indexOf('Jörg Müller', company);
      const title = text.indexOf('Toimitusjohtaja', name);
      expect([closing, company, name, title].every((i) => i >= 0)).toBe(true);
    },
  );

  it.each(LANGUAGES.flatMap((language) => FORMATS.map((format) => ({ language, format }))))(
    '$format in $language: a contract without addresses, signatory or place prints marked blanks, never "undefined"',
    async ({ language, format }) => {
      const { blanks } = EXPECTED[language];
      const text = await renderedText(
        {
          ...letter,
          sender: { name: 'Müller & Söhne GmbH', address: null },
          recipient: { name: 'Nordic Facilities AB', address: '   ' },
          place: undefined,
        },
        format,
        language,
      );
      expect(text.split(blanks.address)).toHaveLength(3); // the sender's and the recipient's
      expect(text).toContain(blanks.name);
      expect(text).toContain(blanks.position);
      expect(text).toContain(blanks.place);
      expect(text).toContain('Müller & Söhne GmbH');
      expect(text).not.toMatch(/undefined|null/);
    },
  );

  it('a long clause wraps onto a second page of the PDF without losing a word, and the DOCX keeps it whole', async () => {
    const sentences = Array.from(
      { length: 45 },
      (_, i) =>
        `${i + 1}. Either party may terminate this Agreement by giving the other party written notice no later than ninety (90) days before the end of the then-current term, and such notice shall specify the effective date of termination (sentence ${i + 1}).`,
    );
    const longClause = sentences.join(' ');
    const input = { ...letter, kind: 'termination' as const, noticeClause: { text: longClause } };

    const pdf = await readPdf(await renderNoticeLetter(input, { format: 'pdf', language: 'en' }));
    expect(pdf.total).toBeGreaterThanOrEqual(2);
    const squeezed = (s: string) => s.replace(/\s+/g, '');
    expect(squeezed(pdf.text)).toContain(squeezed(longClause));
    expect(flat(pdf.pages[0])).toContain('Page 1 of');
    expect(flat(pdf.pages.slice(1).join(' '))).toContain('(sentence 45).');
    expect(flat(pdf.pages[pdf.pages.length - 1])).toContain('Jörg Müller');

    const docx = await docxText(
      await renderNoticeLetter(input, { format: 'docx', language: 'en' }),
    );
    expect(squeezed(docx)).toContain(squeezed(longClause));
  });

  it('names and addresses in Latin Extended letters (Łódź, Šiauliai, Őrség) print and extract exactly', async () => {
    const text = await renderedText(
      {
        ...letter,
        recipient: { name: 'Łódzka Spółka z o.o.', address: 'ul. Żółkiewskiego 3\n90-001 Łódź' },
        sender: { ...letter.sender, signatory: { name: 'Šarūnas Őrsi', title: 'CFO' } },
      },
      'pdf',
      'en',
    );
    for (const part of [
      'Łódzka Spółka z o.o.',
      'ul. Żółkiewskiego 3',
      '90-001 Łódź',
      'Šarūnas Őrsi',
    ]) {
      expect(text).toContain(part);
    }
  });

  it('refuses an unknown language, format or kind and malformed dates with a validation error naming each field', async () => {
    const bad = {
      ...letter,
      kind: 'cancel',
      letterDate: '30.1.2027',
      endDate: '2027-02-30',
      noticePeriod: '120 days',
    } as unknown as NoticeLetterInput;
    const attempt = renderNoticeLetter(bad, { format: 'odt', language: 'de' } as never);
    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    const error = (await attempt.catch((e: unknown) => e)) as ValidationError;
    expect(error.code).toBe(DomainErrorCode.Validation);
    expect(error.errors?.map((e) => e.field).sort()).toEqual(
      ['endDate', 'format', 'kind', 'language', 'letterDate', 'noticePeriod'].sort(),
    );
  });
});
