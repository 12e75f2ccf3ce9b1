import type { TextView } from '../../document/text-view';
import { partiesFinding, type FoundParty, type PartiesFinding } from './party-words';

// A company name as written: capitalised words (or all capitals) ending in a legal form, "KIROMIC BIOPHARMA
// Inc.", "Shun Li De Commerce & Trading Ltd", "Wells Fargo Bank, N.A.".
const LEGAL_NAME =
  /(?<![\w&])((?:[A-Z0-9][\w'’&.-]*,?\s+(?:(?:&|of|de|for|the)\s+)?){0,6}?[A-Z0-9][\w'’&.-]*),?\s+(Inc\b\.?|Incorporated\b|LLC\b|L\.L\.C\.|Ltd\b\.?|Limited\b|Corporation\b|Corp\b\.?|S\.R\.L\b\.?|S\.r\.l\b\.?|S\.A\b\.?|N\.A\b\.?|GmbH\b|AG\b|B\.V\b\.?|N\.V\b\.?|PLC\b|plc\b|L\.P\.|LP\b|LLP\b|Co\.,?\s+Ltd\b\.?|Pty\.?\s+Ltd\b\.?)/g;
// Words that end a run of capitalised words before the name ("AGREEMENT BETWEEN KIROMIC BIOPHARMA Inc.").
const BEFORE_NAME =
  /^(?:between|among|and|by|with|agreement|this|to|from|dated|hereby|is|made|exhibit|contract|amendment|attention|date|re|subject)$/i;
const PREAMBLE_END =
  /\b(?:WHEREAS|W\s*I\s*T\s*N\s*E\s*S\s*S\s*E\s*T\s*H|RECITALS?|BACKGROUND|NOW,?\s+THEREFORE|Whereas)\b|agree\s+as\s+follows/;

/**
 * Fallback for preambles the other rules cannot split ("BETWEEN KIROMIC BIOPHARMA Inc., a Delaware Company,
 * ... AND MOLIPHARMA S.R.L. an Italian Company ..."), letters and cover sheets: every company name with a
 * legal form written before the recitals, in order, at most six.
 */
export function fromLegalNames(view: TextView): PartiesFinding | null {
  const head = view.flat.slice(0, 3000);
  const endAt = PREAMBLE_END.exec(head.slice(200));
  const zone = endAt ? head.slice(0, 200 + endAt.index) : head;
  const found: FoundParty[] = [];
  for (const m of zone.matchAll(LEGAL_NAME)) {
    // Where the name starts: after the last word that cannot be part of it.
    let lead = 0;
    for (const w of m[1].matchAll(/\S+/g))
      if (BEFORE_NAME.test(w[0].replace(/[,.]$/, ''))) lead = w.index + w[0].length;
    const rest = m[1].slice(lead);
    const skip = rest.length - rest.trimStart().length;
    const start = m.index + lead + skip;
    if (!/[A-Z0-9]/.test(view.flat[start] ?? '') || start >= m.index + m[1].length) continue;
    const name = view.flat
      .slice(start, m.index + m[0].length)
      .replace(/\s+/g, ' ')
      .trim();
    const key = name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, ' ')
      .trim();
    if (
      found.some(
        (p) =>
          p.name
            .toLowerCase()
            .replace(/[^a-z0-9]+/g, ' ')
            .trim() === key,
      )
    )
      continue;
    found.push({ name, role: null, start, end: m.index + m[0].length });
    if (found.length >= 6) break;
  }
  if (found.length < 2) return null;
  return partiesFinding(view, found, 0.4);
}
