import { en } from './en';
import { fi } from './fi';
import { t, tDynamic } from './index';
import { sv } from './sv';

describe('t()', () => {
  it('interpolates and picks plural forms', () => {
    expect(t('subscription.trialDaysLeft', { count: 1 })).toBe('Your free trial ends in 1 day.');
    expect(t('subscription.trialDaysLeft', { count: 14 })).toBe('Your free trial ends in 14 days.');
    expect(t('settings.inviteSent', { email: 'a@b.fi' })).toBe('Invitation sent to a@b.fi.');
  });

  it('finds keys that contain dots themselves (event and action names)', () => {
    expect(tDynamic('settings.eventNames.contract.parsed')).toBe('Contract parsed');
    expect(tDynamic('settings.eventNames.deadline.upcoming')).toBe('Deadline upcoming');
    expect(tDynamic('detail.activityActions.contract.uploaded')).toBe('Uploaded');
  });

  it('returns the key itself when a message is missing', () => {
    expect(tDynamic('settings.eventNames.nothing.here')).toBe('settings.eventNames.nothing.here');
  });
});

// Every catalogue against the English one: the same keys, the same {placeholders}, and really translated.

type Node = string | { [k: string]: Node };
/** Leaf messages by path; a plural object's forms are leaves of their own (`…trialDaysLeft.one`). */
function leaves(node: Node, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  if (typeof node === 'string') return out.set(prefix, node);
  for (const [k, v] of Object.entries(node))
    for (const [p, s] of leaves(v, prefix ? `${prefix}\u0000${k}` : k)) out.set(p, s);
  return out;
}
const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
const readable = (path: string) => path.split('\u0000').join(' > ');

// Messages that are honestly the same in the other language: the product and its plan names, a format with
// no words, and loanwords these languages use as they are. Keep this list short.
const SAME_AS_ENGLISH: Record<string, string[]> = {
  fi: [
    'app.name', // Contract Bank
    'subscription.plans.starter', // plan names are product names
    'subscription.plans.business',
    'detail.fileInfo', // {name} · {pages} · {size}
  ],
  sv: [
    'app.name',
    'subscription.plans.starter',
    'subscription.plans.business',
    'detail.fileInfo',
    'subscription.status', // "Status" is Swedish too
    'contracts.status',
    'contracts.columns.status',
    'settings.alertLog.columns.status',
    'contracts.columns.id', // ID
    'settings.webhooks', // the Swedish word in use for them
  ],
};

describe.each([
  ['fi', fi],
  ['sv', sv],
] as const)('the %s catalogue', (lang, catalogue) => {
  const english = leaves(en as unknown as Node);
  const translated = leaves(catalogue as unknown as Node);

  it('has exactly the keys of the English one', () => {
    expect([...translated.keys()].map(readable).sort()).toEqual(
      [...english.keys()].map(readable).sort(),
    );
  });

  it('keeps the {placeholders} of every English message', () => {
    const mismatched = [...english]
      .filter(([path]) => translated.has(path))
      .filter(([path, s]) => placeholders(translated.get(path)!).join() !== placeholders(s).join())
      .map(([path]) => `${readable(path)}: ${translated.get(path)}`);
    expect(mismatched).toEqual([]);
  });

  it('leaves no message in English but the short allow-list', () => {
    const allowed = new Set(SAME_AS_ENGLISH[lang]);
    const untranslated = [...english]
      .filter(([path, s]) => translated.get(path) === s)
      .map(([path]) => readable(path).replace(/ > /g, '.'))
      .filter((key) => !allowed.has(key));
    expect(untranslated).toEqual([]);
    // And the allow-list holds nothing that has since been translated.
    const stale = [...allowed].filter((key) => {
      const path = key.split('.').join('\u0000');
      return english.get(path) !== translated.get(path);
    });
    expect(stale).toEqual([]);
  });

  it('keeps the text of each message about as long as the English, so layouts hold', () => {
    const tooLong = [...english]
      .filter(
        ([path, s]) => (translated.get(path) ?? '').length > Math.max(s.length * 2, s.length + 16),
      )
      .map(([path]) => `${readable(path)}: ${translated.get(path)}`);
    expect(tooLong).toEqual([]);
  });
});

describe('the UI language', () => {
  type Index = typeof import('./index');
  const g = globalThis as { localStorage?: unknown; navigator?: unknown };
  afterEach(() => {
    delete g.localStorage;
    delete g.navigator;
  });
  /** Loads the module afresh, as a page load does, with the given browser languages and stored choice. */
  function load(browser: string[] | null, stored?: string | (() => never)): Index {
    if (browser) g.navigator = { languages: browser, language: browser[0] };
    if (stored !== undefined)
      g.localStorage = {
        getItem: (k: string) =>
          k === 'cb.lang' ? (typeof stored === 'function' ? stored() : stored) : null,
      };
    let mod: Index | undefined;
    jest.isolateModules(() => {
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh copy of the module per case
      mod = require('./index') as Index;
    });
    return mod!;
  }

  it('follows the first browser language that has a catalogue, else English', () => {
    expect(load(['de-DE', 'sv-FI', 'fi']).uiLanguage).toBe('sv');
    expect(load(['fi-FI']).uiLanguage).toBe('fi');
    expect(load(['de-DE']).uiLanguage).toBe('en');
    expect(load(null).uiLanguage).toBe('en');
  });

  it('prefers the stored choice over the browser languages, and ignores a stored value it does not know', () => {
    const fiUi = load(['en-GB'], 'fi');
    expect(fiUi.uiLanguage).toBe('fi');
    expect(fiUi.t('nav.contracts')).toBe('Sopimukset');
    expect(fiUi.t('upload.summary', { count: 1 })).toBe('1 tiedosto');
    expect(fiUi.t('upload.summary', { count: 3 })).toBe('3 tiedostoa');
    expect(fiUi.tDynamic('settings.eventNames.contract.parsed')).toBe('Sopimus luettu');
    expect(load(['fi-FI'], 'en').uiLanguage).toBe('en');
    expect(load(['sv-SE'], 'constructor').uiLanguage).toBe('sv');
    expect(load(['sv-SE'], 'de').uiLanguage).toBe('sv');
  });

  it('survives storage that throws on access', () => {
    const ui = load(['sv-SE'], () => {
      throw new Error('SecurityError');
    });
    expect(ui.uiLanguage).toBe('sv');
    expect(ui.t('deadlines.inDays', { count: 2 })).toBe('om 2 dagar');
  });

  it("formats in the browser's locale, or in the chosen language when it is not the browser's", () => {
    expect(load(['sv-FI', 'fi']).formatLocale).toBe('sv-FI');
    expect(load(['de-DE', 'sv']).formatLocale).toBe('de-DE');
    expect(load(['fi-FI'], 'fi').formatLocale).toBe('fi-FI');
    expect(load(['en-US', 'sv-FI'], 'sv').formatLocale).toBe('sv-FI');
    expect(load(['en-GB'], 'fi').formatLocale).toBe('fi-FI');
    expect(load(['fi-FI'], 'en').formatLocale).toBe('en-GB');
  });
});
