import { parseIsoDate, type DurationUnit, type IsoDate } from '@cb/domain';
import type { LetterLanguage, NoticeLetterKind } from './notice-letter.types';

/**
 * Every word of a notice letter in one language. Values come in already formatted (dates by `date()`,
 * durations by `unit()`), and no sentence inflects a name, a title or a place: Finnish and Swedish would
 * need a case or a gender the letter cannot know, so the parties and the agreement stand in a reference
 * block and the sentences speak of "the agreement". Kept like libs/notifications/src/mail-catalogue.ts.
 */
export interface LetterCatalogue {
  /** The document's language tag. */
  lang: string;
  /** A calendar date as written in the letter. */
  date(iso: IsoDate): string;
  /** "120 days", "3 kuukautta", "1 år". */
  unit(n: number, unit: DurationUnit): string;
  /** "2 years and 6 months". */
  joinDuration(parts: string[]): string;
  /** What a missing value prints as: a marked blank to fill in by hand. */
  blank: {
    name: string;
    address: string;
    agreementTitle: string;
    date: string;
    place: string;
    position: string;
    noticeClause: string;
  };
  /** The label of the sender's business id line. */
  businessId: string;
  /** The place and date line ("Helsinki, 30 January 2027"). */
  placeAndDate(place: string, date: string): string;
  subject: Record<NoticeLetterKind, string>;
  reference: {
    agreement: string;
    dated: string;
    effective: string;
    parties: string;
    /** "X and Y". */
    both(a: string, b: string): string;
  };
  /** Opening words before the body, where the language uses them. */
  salutation: string | null;
  /** What we decide, and the day the agreement ends. */
  decision: Record<NoticeLetterKind, (end: string) => string>;
  /** The words before the quoted clause; `page` when the clause's page is known. */
  clauseIntro(page: number | null): string;
  /** Opening and closing quotation marks. */
  quotes: [string, string];
  /** By when notice is due, and the notice period in words when known. */
  deadline: Record<NoticeLetterKind, (period: string | null, by: string) => string>;
  /** Said only when the letter is dated on or before the notice deadline. */
  inTime: Record<NoticeLetterKind, string>;
  untilThen: string;
  confirm: Record<NoticeLetterKind, string>;
  closing: string;
  /** The page footer; `{page}` and `{pages}` stand for the page number and the page count. */
  page: string;
}

// A date or a duration never breaks across lines: its spaces are non-breaking.
const NBSP = '\u00A0';

function monthNameDate(months: readonly string[]): (iso: IsoDate) => string {
  return (iso) => {
    const d = parseIsoDate(iso);
    return d ? `${d.day}${NBSP}${months[d.month - 1]}${NBSP}${d.year}` : iso;
  };
}

/** 2027-01-30 → 30.1.2027, as Finnish letters write it. */
function numericDate(iso: IsoDate): string {
  const d = parseIsoDate(iso);
  return d ? `${d.day}.${d.month}.${d.year}` : iso;
}

function joinWith(and: string): (parts: string[]) => string {
  return (parts) =>
    parts.length < 2
      ? parts.join('')
      : `${parts.slice(0, -1).join(', ')} ${and} ${parts[parts.length - 1]}`;
}

function unitWords(words: Record<DurationUnit, [string, string]>) {
  return (n: number, unit: DurationUnit) => `${n}${NBSP}${words[unit][n === 1 ? 0 : 1]}`;
}

const EN: LetterCatalogue = {
  lang: 'en-GB',
  date: monthNameDate([
    'January',
    'February',
    'March',
    'April',
    'May',
    'June',
    'July',
    'August',
    'September',
    'October',
    'November',
    'December',
  ]),
  unit: unitWords({
    year: ['year', 'years'],
    month: ['month', 'months'],
    week: ['week', 'weeks'],
    day: ['day', 'days'],
  }),
  joinDuration: joinWith('and'),
  blank: {
    name: '[name]',
    address: '[address]',
    agreementTitle: '[title of the agreement]',
    date: '[date]',
    place: '[place]',
    position: '[position]',
    noticeClause: '[notice clause of the agreement]',
  },
  businessId: 'Business ID',
  placeAndDate: (place, date) => `${place}, ${date}`,
  subject: { 'non-renewal': 'Notice of non-renewal', termination: 'Notice of termination' },
  reference: {
    agreement: 'Agreement',
    dated: 'Dated',
    effective: 'Effective',
    parties: 'Parties',
    both: (a, b) => `${a} and ${b}`,
  },
  salutation: 'Dear Sir or Madam,',
  decision: {
    'non-renewal': (end) =>
      `We hereby give notice that we will not renew the above agreement (the “Agreement”). The Agreement will accordingly end at the end of its current term, on ${end}, and will not be renewed or extended.`,
    termination: (end) =>
      `We hereby terminate the above agreement (the “Agreement”) in accordance with its notice provision quoted below. The Agreement will accordingly end at the end of its current term, on ${end}.`,
  },
  clauseIntro: (page) =>
    page
      ? `The notice provision of the Agreement (page ${page}) reads:`
      : 'The notice provision of the Agreement reads:',
  quotes: ['“', '”'],
  deadline: {
    'non-renewal': (period, by) =>
      period
        ? `Under the Agreement, the notice period is ${period}, and notice of non-renewal must be given no later than ${by}.`
        : `Under the Agreement, notice of non-renewal must be given no later than ${by}.`,
    termination: (period, by) =>
      period
        ? `Under the Agreement, the notice period is ${period}, and notice of termination must be given no later than ${by}.`
        : `Under the Agreement, notice of termination must be given no later than ${by}.`,
  },
  inTime: {
    'non-renewal': 'This notice is therefore given in time.',
    termination: 'This notice of termination is therefore given in time.',
  },
  untilThen:
    'Until then, the rights and obligations of the parties under the Agreement remain unaffected.',
  confirm: {
    'non-renewal': 'Please confirm receipt of this notice in writing.',
    termination: 'Please confirm receipt of this notice of termination in writing.',
  },
  closing: 'Yours faithfully,',
  page: 'Page {page} of {pages}',
};

const FI: LetterCatalogue = {
  lang: 'fi-FI',
  date: numericDate,
  unit: unitWords({
    year: ['vuosi', 'vuotta'],
    month: ['kuukausi', 'kuukautta'],
    week: ['viikko', 'viikkoa'],
    day: ['päivä', 'päivää'],
  }),
  joinDuration: joinWith('ja'),
  blank: {
    name: '[nimi]',
    address: '[osoite]',
    agreementTitle: '[sopimuksen nimi]',
    date: '[päivämäärä]',
    place: '[paikka]',
    position: '[asema]',
    noticeClause: '[sopimuksen irtisanomisehto]',
  },
  businessId: 'Y-tunnus',
  placeAndDate: (place, date) => `${place}, ${date}`,
  subject: {
    'non-renewal': 'Ilmoitus sopimuksen jatkamatta jättämisestä',
    termination: 'Sopimuksen irtisanominen',
  },
  reference: {
    agreement: 'Sopimus',
    dated: 'Sopimuksen päivämäärä',
    effective: 'Voimaantulopäivä',
    parties: 'Osapuolet',
    both: (a, b) => `${a} ja ${b}`,
  },
  salutation: null,
  decision: {
    'non-renewal': (end) =>
      `Ilmoitamme täten, että emme jatka yllä mainittua sopimusta. Sopimus päättyy näin ollen nykyisen sopimuskauden päättyessä ${end}, eikä sitä jatketa tai uusita.`,
    termination: (end) =>
      `Irtisanomme täten yllä mainitun sopimuksen sen jäljempänä lainatun irtisanomisehdon mukaisesti. Sopimus päättyy näin ollen nykyisen sopimuskauden päättyessä ${end}.`,
  },
  clauseIntro: (page) =>
    page
      ? `Sopimuksen irtisanomista koskeva ehto (sivu ${page}) kuuluu seuraavasti:`
      : 'Sopimuksen irtisanomista koskeva ehto kuuluu seuraavasti:',
  quotes: ['”', '”'],
  deadline: {
    'non-renewal': (period, by) =>
      period
        ? `Sopimuksen mukaan irtisanomisaika on ${period} ja ilmoitus sopimuksen jatkamatta jättämisestä on annettava viimeistään ${by}.`
        : `Sopimuksen mukaan ilmoitus sopimuksen jatkamatta jättämisestä on annettava viimeistään ${by}.`,
    termination: (period, by) =>
      period
        ? `Sopimuksen mukaan irtisanomisaika on ${period} ja irtisanominen on tehtävä viimeistään ${by}.`
        : `Sopimuksen mukaan irtisanominen on tehtävä viimeistään ${by}.`,
  },
  inTime: {
    'non-renewal': 'Tämä ilmoitus annetaan siten määräajassa.',
    termination: 'Irtisanominen tehdään siten määräajassa.',
  },
  untilThen:
    'Osapuolten sopimukseen perustuvat oikeudet ja velvollisuudet ovat voimassa sopimuksen päättymiseen asti.',
  confirm: {
    'non-renewal': 'Pyydämme teitä vahvistamaan kirjallisesti tämän ilmoituksen vastaanottamisen.',
    termination:
      'Pyydämme teitä vahvistamaan kirjallisesti tämän irtisanomisilmoituksen vastaanottamisen.',
  },
  closing: 'Ystävällisin terveisin',
  // The Nordic page number: "1 (2)".
  page: '{page} ({pages})',
};

const SV: LetterCatalogue = {
  lang: 'sv-SE',
  date: monthNameDate([
    'januari',
    'februari',
    'mars',
    'april',
    'maj',
    'juni',
    'juli',
    'augusti',
    'september',
    'oktober',
    'november',
    'december',
  ]),
  unit: unitWords({
    year: ['år', 'år'],
    month: ['månad', 'månader'],
    week: ['vecka', 'veckor'],
    day: ['dag', 'dagar'],
  }),
  joinDuration: joinWith('och'),
  blank: {
    name: '[namn]',
    address: '[adress]',
    agreementTitle: '[avtalets namn]',
    date: '[datum]',
    place: '[ort]',
    position: '[befattning]',
    noticeClause: '[avtalets uppsägningsbestämmelse]',
  },
  businessId: 'Org.nr',
  placeAndDate: (place, date) => `${place} den ${date}`,
  subject: {
    'non-renewal': 'Meddelande om att avtalet inte förlängs',
    termination: 'Uppsägning av avtal',
  },
  reference: {
    agreement: 'Avtal',
    dated: 'Avtalsdatum',
    effective: 'Gäller från',
    parties: 'Parter',
    both: (a, b) => `${a} och ${b}`,
  },
  salutation: null,
  decision: {
    'non-renewal': (end) =>
      `Vi meddelar härmed att vi inte förlänger ovan nämnda avtal. Avtalet upphör därmed att gälla vid den nuvarande avtalsperiodens utgång den ${end} och förlängs inte.`,
    termination: (end) =>
      `Vi säger härmed upp ovan nämnda avtal i enlighet med avtalets bestämmelse om uppsägning, som återges nedan. Avtalet upphör därmed att gälla vid den nuvarande avtalsperiodens utgång den ${end}.`,
  },
  clauseIntro: (page) =>
    page
      ? `Avtalets bestämmelse om uppsägning (sidan ${page}) lyder:`
      : 'Avtalets bestämmelse om uppsägning lyder:',
  quotes: ['”', '”'],
  deadline: {
    'non-renewal': (period, by) =>
      period
        ? `Enligt avtalet är uppsägningstiden ${period} och meddelande om att avtalet inte förlängs ska lämnas senast den ${by}.`
        : `Enligt avtalet ska meddelande om att avtalet inte förlängs lämnas senast den ${by}.`,
    termination: (period, by) =>
      period
        ? `Enligt avtalet är uppsägningstiden ${period} och uppsägning ska ske senast den ${by}.`
        : `Enligt avtalet ska uppsägning ske senast den ${by}.`,
  },
  inTime: {
    'non-renewal': 'Detta meddelande lämnas således i rätt tid.',
    termination: 'Uppsägningen sker således i rätt tid.',
  },
  untilThen:
    'Fram till dess gäller parternas rättigheter och skyldigheter enligt avtalet oförändrade.',
  confirm: {
    'non-renewal': 'Vi ber er bekräfta skriftligen att ni har tagit emot detta meddelande.',
    termination: 'Vi ber er bekräfta skriftligen att ni har tagit emot denna uppsägning.',
  },
  closing: 'Med vänlig hälsning',
  page: '{page} ({pages})',
};

const CATALOGUES: Record<LetterLanguage, LetterCatalogue> = { en: EN, fi: FI, sv: SV };

/** The letter texts of a language (validated by the caller: see `renderNoticeLetter`). */
export function letterCatalogue(language: LetterLanguage): LetterCatalogue {
  return CATALOGUES[language];
}
