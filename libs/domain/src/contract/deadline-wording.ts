import { durationInUnits, parseIsoDate } from './calendar-date';
import type { IsoDate, IsoDuration } from './contract-terms.types';
import { normalCaseTitle, type TitleLanguage } from './title-case';

/** The languages deadline wording is written in (the e-mails' and the web UI's). */
export type WordingLanguage = TitleLanguage;

const MONTHS: Record<WordingLanguage, readonly string[]> = {
  en: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
  fi: [],
  sv: ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'],
};

/** "30 Jan 2027", "30.1.2027", "30 jan 2027"; the input unchanged when it is not a date. */
export function wordingDate(date: IsoDate, language: WordingLanguage = 'en'): string {
  const d = parseIsoDate(date);
  if (!d) return date;
  if (language === 'fi') return `${d.day}.${d.month}.${d.year}`;
  return `${d.day} ${MONTHS[language][d.month - 1]} ${d.year}`;
}

const UNITS: Record<WordingLanguage, Record<string, [string, string]>> = {
  en: { Y: ['year', 'years'], M: ['month', 'months'], W: ['week', 'weeks'], D: ['day', 'days'] },
  fi: {
    Y: ['vuosi', 'vuotta'],
    M: ['kuukausi', 'kuukautta'],
    W: ['viikko', 'viikkoa'],
    D: ['päivä', 'päivää'],
  },
  sv: { Y: ['år', 'år'], M: ['månad', 'månader'], W: ['vecka', 'veckor'], D: ['dag', 'dagar'] },
};
const AND: Record<WordingLanguage, string> = { en: ' ', fi: ' ja ', sv: ' och ' };

/** A duration in words: `P120D` → "120 days", `P1Y` → "1 year" ("1 vuosi", "1 år"); null when not one. */
export function durationWords(
  value: IsoDuration | string | null | undefined,
  language: WordingLanguage = 'en',
): string | null {
  const parts = durationInUnits(value).map(([n, unit]) => {
    const [one, many] = UNITS[language][unit.charAt(0).toUpperCase()] ?? UNITS[language].D;
    return `${n} ${n === 1 ? one : many}`;
  });
  return parts.length ? parts.join(AND[language]) : null;
}

export interface NoticeWordingInput {
  noticeDeadline: IsoDate | null;
  /** deadlines.noticeRenewalDate: the renewal the deadline stops. */
  noticeRenewalDate: IsoDate | null;
  renewalTerm: IsoDuration | null;
}

/**
 * What a notice deadline means, in words: "Give notice by 30 Jan 2027 to stop the renewal on 1 Mar 2027
 * (renews for 1 year)". Always the renewal the deadline stops (never one that can no longer be stopped);
 * `null` without a notice deadline.
 */
export function noticeSentence(
  input: NoticeWordingInput,
  language: WordingLanguage = 'en',
): string | null {
  if (!input.noticeDeadline) return null;
  const by = wordingDate(input.noticeDeadline, language);
  const on = input.noticeRenewalDate ? wordingDate(input.noticeRenewalDate, language) : null;
  const term = durationWords(input.renewalTerm, language);
  switch (language) {
    case 'en':
      return `Give notice by ${by} to stop ${on ? `the renewal on ${on}` : 'the next renewal'}${term ? ` (renews for ${term})` : ''}`;
    case 'fi':
      return `Irtisano viimeistään ${by}, jotta sopimus ei uusiudu${on ? ` ${on}` : ''}${term ? ` (jatkokausi ${term})` : ''}`;
    case 'sv':
      return `Säg upp senast ${by} för att stoppa förnyelsen${on ? ` den ${on}` : ''}${term ? ` (förnyas med ${term})` : ''}`;
  }
}

/**
 * A contract as a person names it: "Counterparty – Title", the title in normal case when written in
 * capitals ("Acme Oy – Master Services Agreement"); whichever is known when one is missing.
 */
export function contractHeading(
  counterparty: string | null | undefined,
  title: string | null | undefined,
  language: WordingLanguage = 'en',
): string {
  const name = counterparty?.replace(/\s+/g, ' ').trim();
  const named = title?.replace(/\s+/g, ' ').trim();
  const cased = named ? normalCaseTitle(named, language) : '';
  if (name && cased && !cased.toLowerCase().includes(name.toLowerCase()))
    return `${name} – ${cased}`;
  return cased || name || '';
}
