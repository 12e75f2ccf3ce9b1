import { en } from './en';

/** A catalogue has the shape of the English one, with any strings (fi.ts and sv.ts will be typed `Catalogue`). */
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

// To add Finnish or Swedish: create fi.ts / sv.ts exporting `const fi: Catalogue = { ... }` and list it here.
const catalogues: Record<string, Catalogue> = { en };

/** UI language: the first of the browser's languages that has a catalogue, else English. */
export const uiLanguage: string =
  (typeof navigator !== 'undefined'
    ? (navigator.languages ?? [navigator.language])
        .map((l) => l.toLowerCase().split('-')[0])
        .find((l) => l in catalogues)
    : undefined) ?? 'en';
/** Formatting locale: the user's own (dates, numbers, money), independent of the UI language. */
export const formatLocale: string =
  (typeof navigator !== 'undefined' && (navigator.languages?.[0] || navigator.language)) || 'en-GB';

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
