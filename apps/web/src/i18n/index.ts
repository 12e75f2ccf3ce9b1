import { en } from './en';
import { fi } from './fi';
import { sv } from './sv';

/** A catalogue has the shape of the English one, with any strings (fi.ts and sv.ts are typed `Catalogue`). */
type Widen<T> = T extends string ? string : { [K in keyof T]: Widen<T[K]> };
export type Catalogue = Widen<typeof en>;

type PluralForms = { one?: string; other: string };
type Leaves<T, P extends string = ''> = {
  [K in keyof T & string]: T[K] extends string
    ? `${P}${K}`
    : T[K] extends PluralForms
      ? `${P}${K}`
      : Leaves<T[K], `${P}${K}.`>;
}[keyof T & string];
export type MessageKey = Leaves<typeof en>;
export type Vars = Record<string, string | number>;

const catalogues: Record<string, Catalogue> = { en, fi, sv };

/** The languages the user can choose, each named in itself. */
export const languages = [
  { code: 'en', name: 'English' },
  { code: 'fi', name: 'Suomi' },
  { code: 'sv', name: 'Svenska' },
] as const;

/** localStorage key of the user's own choice of UI language; it wins over the browser's languages. */
export const LANGUAGE_STORAGE_KEY = 'cb.lang';

const hasCatalogue = (lang: string | null | undefined): lang is string =>
  !!lang && Object.prototype.hasOwnProperty.call(catalogues, lang);
const baseLanguage = (locale: string): string => locale.toLowerCase().split('-')[0];

/** The language the user chose with the switcher, if any (storage may be missing or refuse access). */
function storedLanguage(): string | undefined {
  try {
    const lang =
      typeof localStorage !== 'undefined' ? localStorage.getItem(LANGUAGE_STORAGE_KEY) : null;
    return hasCatalogue(lang) ? lang : undefined;
  } catch {
    return undefined;
  }
}

const browserLocales: readonly string[] =
  typeof navigator !== 'undefined'
    ? (navigator.languages?.length ? navigator.languages : [navigator.language]).filter(Boolean)
    : [];
const chosenLanguage = storedLanguage();

/**
 * UI language, chosen once at load: the user's own choice (the switcher), else the first of the browser's
 * languages that has a catalogue, else English.
 */
export const uiLanguage: string =
  chosenLanguage ?? browserLocales.map(baseLanguage).find((l) => hasCatalogue(l)) ?? 'en';

// When the chosen language is not the browser's own, format in a locale of that language instead, so that
// dates and durations ("90 päivää") do not come out in another language than the text around them.
const DEFAULT_LOCALES: Record<string, string> = { en: 'en-GB', fi: 'fi-FI', sv: 'sv-SE' };

/**
 * Formatting locale: the user's own (dates, numbers, money), independent of the UI language, except when the
 * user has chosen a UI language other than the browser's first.
 */
export const formatLocale: string =
  chosenLanguage && (!browserLocales[0] || baseLanguage(browserLocales[0]) !== chosenLanguage)
    ? (browserLocales.find((l) => baseLanguage(l) === chosenLanguage) ??
      DEFAULT_LOCALES[chosenLanguage] ??
      chosenLanguage)
    : browserLocales[0] || 'en-GB';

/** Stores the user's choice and reloads, since the catalogue is chosen once at load. */
export function chooseLanguage(lang: string): void {
  if (!hasCatalogue(lang) || lang === uiLanguage) return;
  try {
    localStorage.setItem(LANGUAGE_STORAGE_KEY, lang);
  } catch {
    return; // no storage (private mode, blocked): the choice could not survive the reload
  }
  window.location.reload();
}

const pluralRules = new Intl.PluralRules(uiLanguage);
const numberFmt = new Intl.NumberFormat(formatLocale);

// Keys may themselves contain dots (event names such as `contract.parsed`): at each level, the longest
// matching key wins.
function lookup(key: string): unknown {
  const parts = key.split('.');
  const walk = (node: unknown, i: number): unknown => {
    if (i === parts.length) return node;
    if (!node || typeof node !== 'object') return undefined;
    for (let j = parts.length; j > i; j--) {
      const k = parts.slice(i, j).join('.');
      if (k in node) {
        const found = walk((node as Record<string, unknown>)[k], j);
        if (found !== undefined) return found;
      }
    }
    return undefined;
  };
  return walk(catalogues[uiLanguage] ?? en, 0);
}

export function t(key: MessageKey, vars?: Vars): string {
  let msg = lookup(key);
  if (msg && typeof msg === 'object') {
    const forms = msg as Record<string, string>;
    const count = Number(vars?.count ?? 0);
    msg = forms[pluralRules.select(count)] ?? forms.other;
  }
  if (typeof msg !== 'string') return key;
  if (!vars) return msg;
  return msg.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const v = vars[name];
    if (v === undefined) return whole;
    return typeof v === 'number' ? numberFmt.format(v) : v;
  });
}

/** For keys computed at run time (e.g. `status.${value}`) that TypeScript cannot check. */
export function tDynamic(key: string, vars?: Vars): string {
  return t(key as MessageKey, vars);
}
