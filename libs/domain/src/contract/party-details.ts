/**
 * A party's postal address and business id as the contract text states them next to its name, e.g.
 * "Lakeside Retail Oy, Business ID 1234567-8, Aleksanterinkatu 15, 00100 Helsinki, Finland (the "Customer")"
 * or a name followed by its address on the next lines. A general rule, not fitted to one document: after the
 * name, up to the party's defined-term label "(", a ";" or a blank line, the comma- or line-separated parts
 * that look like a street, a postal code with its town, or a place name, starting at the first street or
 * postal part; it is an address only when one of its parts carries a postal code. Anything else is `null`
 * (the letter then prints a blank to fill in).
 */
export interface PartyDetails {
  /** Lines separated by `\n`. */
  address: string | null;
  businessId: string | null;
}

const NONE: PartyDetails = { address: null, businessId: null };
// How far past the name the party's description may run.
const WINDOW = 400;
const MAX_LINES = 5;

const BUSINESS_ID =
  /\b(?:business\s+id|y-tunnus|org\.?\s*(?:nr|nummer)|organisationsnummer|company\s+(?:no\.?|number)|registration\s+(?:no\.?|number)|reg\.?\s*no\.?|vat\s+(?:no\.?|number))\s*[:.]?\s*([A-Z]{0,2}\d[\dA-Z-]{3,14}\d)\b/iu;
// Postal codes: Finnish/German 5 digits, Swedish "111 34", 4-digit (DK/NO/CH/AT/BE/NL "1012 AB"), UK, US ZIP.
const POSTAL =
  /(?:^|[\s,])(?:\d{5}(?:-\d{4})?|\d{3}\s\d{2}|\d{4}(?:\s?[A-Z]{2})?|[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}|(?:FI|SE|S|D|DK|N)-\d{3,5}(?:\s\d{2})?)(?=$|[\s,])/u;
// A street: words and a house number ("Aleksanterinkatu 15", "12 Harbour Street", "Box 123", "Suite 4B").
const STREET =
  /^(?:\d+[A-Za-z]?\s+\p{L}{2,}|\p{L}{2,}.*\s\d+[A-Za-z]?(?:\s?[-–]\s?\d+)?(?:\s+\p{L}{1,3}\s?\d*)?)/u;
// A place or country: one to four capitalised words ("Helsinki", "United Kingdom", "Stockholm").
const PLACE = /^\p{Lu}[\p{L}.'’-]*(?:\s+(?:\p{Lu}[\p{L}.'’-]*|of|and|the))*$/u;
// The phrase that introduces an address inside a part: "... whose registered office is at 12 ...",
// "... osoitteessa ...", "... with its office at ...", "address: ...".
const INTRODUCED =
  /^(?:.*?\s)?(?:at|address(?:ed)?|osoite|osoitteessa|adress|belägen|på)\s*:?\s+(?=[\d\p{Lu}])/iu;

function cut(window: string): string {
  let end = window.length;
  for (const stop of [
    /\(/,
    /;/,
    /\n[ \t]*\n/,
    /\s\band\s*\n/,
    /\.\s*\n/,
    /\.\s+(?=\p{Lu}\p{Ll})/u,
  ]) {
    const m = stop.exec(window);
    if (m && m.index < end) end = m.index;
  }
  return window.slice(0, end);
}

const isPostal = (part: string) => POSTAL.test(part) && /\p{L}/u.test(part.replace(POSTAL, ''));

/** The details in the text that follows a party's name (from `at`, the index just after the name). */
export function partyDetailsAfter(text: string, at: number): PartyDetails {
  if (typeof text !== 'string' || !Number.isInteger(at) || at < 0 || at > text.length) return NONE;
  const window = cut(text.slice(at, at + WINDOW));
  const parts = window
    .split(/,|\r?\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter((p) => p.length > 0);
  let businessId: string | null = null;
  const lines: string[] = [];
  let hasPostal = false;
  for (const raw of parts) {
    const id = BUSINESS_ID.exec(raw);
    if (id) {
      businessId ??= id[1];
      if (lines.length) break;
      continue;
    }
    const part = raw.replace(INTRODUCED, '').trim();
    const postal = isPostal(part);
    const street = STREET.test(part) && part.split(' ').length <= 6;
    if (!lines.length) {
      if (postal || street) {
        lines.push(part);
        hasPostal ||= postal;
      }
      continue;
    }
    if (postal || street || (PLACE.test(part) && part.split(' ').length <= 4)) {
      lines.push(part);
      hasPostal ||= postal;
      if (lines.length >= MAX_LINES) break;
    } else break;
  }
  return { address: hasPostal ? lines.join('\n') : null, businessId };
}

function normalise(value: string): string {
  return value.normalize('NFC').toLowerCase();
}

/**
 * The details of the party named `name`: tried after each place the name stands in the text (the spans in
 * `at` first, e.g. the extraction's evidence, then every occurrence), the first that gives an address wins.
 */
export function partyDetails(
  text: string | null | undefined,
  name: string | null | undefined,
  at: readonly number[] = [],
): PartyDetails {
  if (!text || !name?.trim()) return NONE;
  const starts: number[] = [...at];
  const haystack = normalise(text);
  const needle = normalise(name.trim());
  for (let i = haystack.indexOf(needle); i >= 0 && starts.length < 20;) {
    starts.push(i + needle.length);
    i = haystack.indexOf(needle, i + needle.length);
  }
  let businessId: string | null = null;
  for (const start of starts) {
    const found = partyDetailsAfter(text, start);
    businessId ??= found.businessId;
    if (found.address)
      return { address: found.address, businessId: found.businessId ?? businessId };
  }
  return { address: null, businessId };
}
