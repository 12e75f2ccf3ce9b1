import type { AlertLanguage, DeadlineKind, IsoDate } from '@cb/domain';

type DurationUnit = 'year' | 'month' | 'week' | 'day';

/**
 * Every word of the alert and digest e-mails in one language. Dates and durations come in already formatted
 * (`date()`, `unit()`), so each sentence is written whole here and no language's grammar leaks into the
 * renderers. The vocabulary follows the web UI's catalogues (apps/web/src/i18n).
 */
export interface MailCatalogue {
  /** The `lang` attribute of the HTML e-mail. */
  htmlLang: string;
  /** A calendar date as written in the e-mail. */
  date(iso: IsoDate): string;
  /** "today", "tomorrow", "in N days" (N ≥ 2) in an alert. */
  when(days: number): string;
  /** The same in a digest line. */
  digestWhen(days: number): string;
  /** "1 year", "6 months". */
  unit(n: number, unit: DurationUnit): string;
  /** "2 years 6 months": how parts of a duration are joined. */
  joinDuration(parts: string[]): string;
  kind: Record<DeadlineKind, string>;
  untitled: string;
  consequence: {
    /** The contract renews on `renewal` (for `term`, when known) unless notice is given by `by`. */
    noticeRenews(term: string | null, renewal: string, by: string): string;
    noticeNoRenewalDate(by: string): string;
    renewalUnlessNotice(term: string | null, renewal: string, by: string): string;
    renewal(term: string | null, renewal: string): string;
    termEnds(date: string): string;
    expiresForGood(date: string): string;
    obligationWithText(date: string, text: string): string;
    obligation(date: string): string;
  };
  alert: {
    contract: string;
    fromContract: string;
    openContract: string;
    whyYouGetThis: string;
  };
  changeSettings: string;
  /** The e-mail to the owners and admins once a notice deadline passed with no decision. */
  escalation: {
    subject(deadline: string, title: string): string;
    passed(deadline: string, days: number): string;
    /** The renewal that can no longer be stopped (for `term`, when known). */
    renews(term: string | null, renewal: string): string;
    renewsUnknown: string;
    /** The next notice deadline, and the renewal it stops when known. */
    next(by: string, stops: string | null): string;
    decide: string;
    whyYouGetThis: string;
  };
  digest: {
    subject(days: number, count: number): string;
    heading(days: number): string;
    intro(days: number, from: string): string;
    /** Appended to the subject when notice deadlines passed with no decision. */
    subjectUndecided(count: number): string;
    /** A notice deadline that passed `days` days ago (days >= 1). */
    passed(days: number): string;
    undecidedHeading: string;
    otherHeading: string;
  };
}

const isoDate = (iso: IsoDate): string => iso;

/** 2027-01-30 → 30.1.2027, the Finnish way. */
function finnishDate(iso: IsoDate): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? `${Number(m[3])}.${Number(m[2])}.${m[1]}` : iso;
}

/** ["2 vuotta", "6 kuukautta"] → "2 vuotta ja 6 kuukautta": commas, and the language's "and" before the last. */
function joinWith(and: string): (parts: string[]) => string {
  return (parts) =>
    parts.length < 2
      ? parts.join('')
      : `${parts.slice(0, -1).join(', ')} ${and} ${parts[parts.length - 1]}`;
}

const EN: MailCatalogue = {
  htmlLang: 'en',
  date: isoDate,
  when: (days) => (days <= 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`),
  // The digest says "tomorrow" too (it said "in 1 days" before 2026-11-22).
  digestWhen: (days) => (days === 0 ? 'today' : days === 1 ? 'tomorrow' : `in ${days} days`),
  unit: (n, unit) => `${n} ${unit}${n === 1 ? '' : 's'}`,
  joinDuration: (parts) => parts.join(' '),
  kind: {
    notice: 'Notice deadline',
    renewal: 'Renewal',
    expiration: 'Expiration',
    obligation: 'Obligation due',
  },
  untitled: 'Untitled contract',
  consequence: {
    noticeRenews: (term, renewal, by) =>
      `Give notice by ${by} to stop the renewal on ${renewal}${term ? ` (renews for ${term})` : ''}. If nobody acts, the contract renews.`,
    noticeNoRenewalDate: (by) =>
      `Give notice by ${by} to stop the next renewal. If nobody acts, the contract renews.`,
    renewalUnlessNotice: (term, renewal, by) =>
      `Give notice by ${by} to stop the renewal on ${renewal}${term ? ` (renews for ${term})` : ''}.`,
    renewal: (term, renewal) =>
      `The contract ${term ? `renews for ${term}` : 'renews'} on ${renewal}.`,
    termEnds: (date) => `The current term ends on ${date}.`,
    expiresForGood: (date) =>
      `The contract expires on ${date} and does not renew by itself: agree on a new contract before then if the service is still needed.`,
    obligationWithText: (date, text) => `Due on ${date}: ${text}`,
    obligation: (date) => `An obligation under the contract is due on ${date}.`,
  },
  alert: {
    contract: 'Contract',
    fromContract: 'From the contract:',
    openContract: 'Open the contract',
    whyYouGetThis: 'You receive this because you are an alert recipient.',
  },
  changeSettings: 'Change alert settings',
  escalation: {
    subject: (deadline, title) => `No decision: notice deadline ${deadline} passed – ${title}`,
    passed: (deadline, days) =>
      `The notice deadline ${deadline} passed ${days === 1 ? 'yesterday' : `${days} days ago`} with no decision recorded.`,
    renews: (term, renewal) =>
      `The renewal can no longer be stopped: the contract renews on ${renewal}${term ? ` for ${term}` : ''}.`,
    renewsUnknown: 'The renewal can no longer be stopped: the contract renews.',
    next: (by, stops) =>
      `The next notice deadline is ${by}${stops ? ` (it stops the renewal on ${stops})` : ''}.`,
    decide: 'Record what was decided (renew, terminate or renegotiate) on the contract',
    whyYouGetThis: 'You receive this because you are an owner or admin of the account.',
  },
  digest: {
    subject: (days, n) =>
      `Deadlines in the next ${days} days: ${n} ${n === 1 ? 'deadline' : 'deadlines'}`,
    heading: (days) => `Your deadlines for the next ${days} days`,
    intro: (days, from) => `Your deadlines for the next ${days} days (from ${from}):`,
    subjectUndecided: (n) => ` (${n} passed with no decision)`,
    passed: (days) => (days === 1 ? 'passed yesterday' : `passed ${days} days ago`),
    undecidedHeading:
      'Notice deadline passed, no decision recorded (renew, terminate or renegotiate):',
    otherHeading: 'Other deadlines:',
  },
};

const FI_UNITS: Record<DurationUnit, [string, string]> = {
  year: ['vuosi', 'vuotta'],
  month: ['kuukausi', 'kuukautta'],
  week: ['viikko', 'viikkoa'],
  day: ['päivä', 'päivää'],
};
// The renewal term in parentheses keeps the duration in its basic form ("1 vuosi", "2 vuotta").
const fiTerm = (term: string | null) => (term ? ` (jatkokausi ${term})` : '');
const fiWhen = (days: number) =>
  days <= 0 ? 'tänään' : days === 1 ? 'huomenna' : `${days} päivän kuluttua`;

const FI: MailCatalogue = {
  htmlLang: 'fi',
  date: finnishDate,
  when: fiWhen,
  digestWhen: fiWhen,
  unit: (n, unit) => `${n} ${FI_UNITS[unit][n === 1 ? 0 : 1]}`,
  joinDuration: joinWith('ja'),
  kind: {
    notice: 'Irtisanomisen määräpäivä',
    renewal: 'Uusiutuminen',
    expiration: 'Päättyminen',
    obligation: 'Velvoitteen eräpäivä',
  },
  untitled: 'Nimetön sopimus',
  consequence: {
    noticeRenews: (term, renewal, by) =>
      `Irtisano viimeistään ${by}, jotta sopimus ei uusiudu ${renewal}${fiTerm(term)}. Jos mitään ei tehdä, sopimus uusiutuu.`,
    noticeNoRenewalDate: (by) =>
      `Irtisano viimeistään ${by}, jotta sopimus ei uusiudu. Jos mitään ei tehdä, sopimus uusiutuu.`,
    renewalUnlessNotice: (term, renewal, by) =>
      `Irtisano viimeistään ${by}, jotta sopimus ei uusiudu ${renewal}${fiTerm(term)}.`,
    renewal: (term, renewal) => `Sopimus uusiutuu ${renewal}${fiTerm(term)}.`,
    termEnds: (date) => `Nykyinen sopimuskausi päättyy ${date}.`,
    expiresForGood: (date) =>
      `Sopimus päättyy ${date} eikä uusiudu itsestään: sopikaa uudesta sopimuksesta ennen sitä, jos palvelua tarvitaan edelleen.`,
    obligationWithText: (date, text) => `Eräpäivä ${date}: ${text}`,
    obligation: (date) => `Sopimukseen perustuva velvoite erääntyy ${date}.`,
  },
  alert: {
    contract: 'Sopimus',
    fromContract: 'Ote sopimuksesta:',
    openContract: 'Avaa sopimus',
    whyYouGetThis: 'Saat tämän viestin, koska olet muistutusten vastaanottaja.',
  },
  changeSettings: 'Muuta muistutusasetuksia',
  escalation: {
    subject: (deadline, title) =>
      `Ei päätöstä: irtisanomisen määräpäivä ${deadline} meni ohi – ${title}`,
    passed: (deadline, days) =>
      `Irtisanomisen määräpäivä ${deadline} meni ohi ${days === 1 ? 'eilen' : `${days} päivää sitten`}, eikä päätöstä ole kirjattu.`,
    renews: (term, renewal) =>
      `Uusiutumista ei voi enää estää: sopimus uusiutuu ${renewal}${fiTerm(term)}.`,
    renewsUnknown: 'Uusiutumista ei voi enää estää: sopimus uusiutuu.',
    next: (by, stops) =>
      `Seuraava irtisanomisen määräpäivä on ${by}${stops ? ` (estää uusiutumisen ${stops})` : ''}.`,
    decide: 'Kirjaa päätös (jatka, irtisano tai neuvottele uudelleen) sopimukselle',
    whyYouGetThis: 'Saat tämän viestin, koska olet tilin omistaja tai ylläpitäjä.',
  },
  digest: {
    subject: (days, n) =>
      `Määräpäivät seuraavan ${days} päivän aikana: ${n} ${n === 1 ? 'määräpäivä' : 'määräpäivää'}`,
    heading: (days) => `Määräpäivät seuraavan ${days} päivän aikana`,
    intro: (days, from) => `Määräpäivät seuraavan ${days} päivän aikana (${from} alkaen):`,
    subjectUndecided: (n) => ` (${n} ohi ilman päätöstä)`,
    passed: (days) => (days === 1 ? 'meni ohi eilen' : `meni ohi ${days} päivää sitten`),
    undecidedHeading:
      'Määräpäivä meni ohi, päätöstä ei ole kirjattu (jatka, irtisano tai neuvottele uudelleen):',
    otherHeading: 'Muut määräpäivät:',
  },
};

const SV_UNITS: Record<DurationUnit, [string, string]> = {
  year: ['år', 'år'],
  month: ['månad', 'månader'],
  week: ['vecka', 'veckor'],
  day: ['dag', 'dagar'],
};
const svRenews = (term: string | null) =>
  term ? `förnyas avtalet med ${term}` : 'förnyas avtalet';
const svTerm = (term: string | null) => (term ? ` (förnyas med ${term})` : '');
const svWhen = (days: number) =>
  days <= 0 ? 'i dag' : days === 1 ? 'i morgon' : `om ${days} dagar`;

const SV: MailCatalogue = {
  htmlLang: 'sv',
  date: isoDate,
  when: svWhen,
  digestWhen: svWhen,
  unit: (n, unit) => `${n} ${SV_UNITS[unit][n === 1 ? 0 : 1]}`,
  joinDuration: joinWith('och'),
  kind: {
    notice: 'Sista uppsägningsdag',
    renewal: 'Förnyelse',
    expiration: 'Avtalets slut',
    obligation: 'Åtagande förfaller',
  },
  untitled: 'Namnlöst avtal',
  consequence: {
    noticeRenews: (term, renewal, by) =>
      `Säg upp senast ${by} för att stoppa förnyelsen den ${renewal}${svTerm(term)}. Om ingen gör något ${svRenews(null)}.`,
    noticeNoRenewalDate: (by) =>
      `Säg upp senast ${by} för att stoppa nästa förnyelse. Om ingen gör något förnyas avtalet.`,
    renewalUnlessNotice: (term, renewal, by) =>
      `Säg upp senast ${by} för att stoppa förnyelsen den ${renewal}${svTerm(term)}.`,
    renewal: (term, renewal) =>
      `Avtalet ${term ? `förnyas med ${term}` : 'förnyas'} den ${renewal}.`,
    termEnds: (date) => `Den nuvarande avtalsperioden löper ut den ${date}.`,
    expiresForGood: (date) =>
      `Avtalet löper ut den ${date} och förnyas inte automatiskt: kom överens om ett nytt avtal före dess om tjänsten fortfarande behövs.`,
    obligationWithText: (date, text) => `Förfaller den ${date}: ${text}`,
    obligation: (date) => `Ett åtagande enligt avtalet förfaller den ${date}.`,
  },
  alert: {
    contract: 'Avtal',
    fromContract: 'Ur avtalet:',
    openContract: 'Öppna avtalet',
    whyYouGetThis: 'Du får det här meddelandet eftersom du är mottagare av påminnelser.',
  },
  changeSettings: 'Ändra påminnelseinställningar',
  escalation: {
    subject: (deadline, title) =>
      `Inget beslut: sista uppsägningsdag ${deadline} har passerat – ${title}`,
    passed: (deadline, days) =>
      `Sista uppsägningsdag ${deadline} passerade ${days === 1 ? 'i går' : `för ${days} dagar sedan`} utan att något beslut registrerats.`,
    renews: (term, renewal) =>
      `Förnyelsen kan inte längre stoppas: avtalet förnyas den ${renewal}${svTerm(term)}.`,
    renewsUnknown: 'Förnyelsen kan inte längre stoppas: avtalet förnyas.',
    next: (by, stops) =>
      `Nästa sista uppsägningsdag är ${by}${stops ? ` (stoppar förnyelsen den ${stops})` : ''}.`,
    decide: 'Registrera beslutet (förnya, säga upp eller omförhandla) på avtalet',
    whyYouGetThis:
      'Du får det här meddelandet eftersom du är ägare eller administratör för kontot.',
  },
  digest: {
    subject: (days, n) =>
      `Tidsfrister de kommande ${days} dagarna: ${n} ${n === 1 ? 'tidsfrist' : 'tidsfrister'}`,
    heading: (days) => `Dina tidsfrister de kommande ${days} dagarna`,
    intro: (days, from) => `Dina tidsfrister de kommande ${days} dagarna (från ${from}):`,
    subjectUndecided: (n) => ` (${n} passerade utan beslut)`,
    passed: (days) => (days === 1 ? 'passerade i går' : `passerade för ${days} dagar sedan`),
    undecidedHeading:
      'Sista uppsägningsdag passerad, inget beslut registrerat (förnya, säga upp eller omförhandla):',
    otherHeading: 'Övriga tidsfrister:',
  },
};

const CATALOGUES: Record<AlertLanguage, MailCatalogue> = { en: EN, fi: FI, sv: SV };

/** The e-mail texts of a language; English for anything else (a language is validated where it is stored). */
export function mailCatalogue(language: AlertLanguage | undefined): MailCatalogue {
  return language && Object.hasOwn(CATALOGUES, language) ? CATALOGUES[language] : EN;
}
