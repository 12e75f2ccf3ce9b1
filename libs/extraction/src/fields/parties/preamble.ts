import { tidy, type TextView } from '../../document/text-view';
import {
  DEFINED_TERM,
  LEGAL_SUFFIX,
  NOT_PARTY_TERMS,
  ROLE_WORDS,
  partiesFinding,
  type FoundParty,
  type PartiesFinding,
} from './party-words';

/** "Acme, Inc., with a place of business at ... ("Acme") and Beta B.V. ... ("Consultant") agree to ...". */
export function fromOpeningParagraph(view: TextView): PartiesFinding | null {
  const head = view.flat.slice(0, 3000);
  const agree =
    /\)\s*,?\s*(?:agree|hereby\s+agree|enter\s+into|have\s+agreed|hereby\s+confirm)/i.exec(head);
  if (!agree) return null;
  const paragraphStart = view.text.lastIndexOf('\n\n', agree.index);
  let start = Math.max(0, paragraphStart);
  // Skip heading lines (title, exhibit number) above the paragraph.
  const lines = view.text.slice(start, agree.index).split('\n');
  for (const line of lines) {
    if (line.trim() && line.trim().length < 60 && !/\(/.test(line)) start += line.length + 1;
    else if (line.trim()) break;
    else start += line.length + 1;
  }
  // A letter: the parties are named after the salutation ("Ladies and Gentlemen: Acme Bancorp, Inc. (the
  // "Company") ... hereby confirm their agreement with Keefe, Bruyette & Woods, Inc. (the "Agent")").
  const salutation =
    /\b(?:Ladies\s+and\s+Gentlemen|Dear\s+(?:Sirs?|Madam|[A-Z][\w.]*(?:\s+[A-Z][\w.]*){0,3}))\s*[:,]/.exec(
      head.slice(start, agree.index),
    );
  if (salutation) start += salutation.index + salutation[0].length;
  let end = agree.index + 1;
  const withParty = /^[^.;]{0,60}?\bagreement\s+with\s+[^;()]{3,120}?\([^()]{0,60}\)/i.exec(
    head.slice(agree.index + 1),
  );
  if (withParty) end = agree.index + 1 + withParty[0].length;
  const parties = partiesIn(view, start, end);
  if (parties.length < 2) return null;
  return partiesFinding(
    view,
    parties,
    0.5,
    parties.filter((p) => p.label).map((p) => ({ label: p.label as string, name: p.name })),
  );
}

export function fromPreamble(view: TextView): PartiesFinding | null {
  const head = view.flat.slice(0, 12000);
  const between =
    /\b(?:by\s+and\s+between|by\s+and\s+among|between|among|by|BETWEEN|AMONG)\s*:?\s+(?=["(]?[A-Za-z0-9(])/g;
  let best: FoundParty[] | null = null;
  for (const b of head.matchAll(between)) {
    const sentenceStart = Math.max(0, b.index - 400);
    const before = view.lower.slice(sentenceStart, b.index);
    if (
      !/agreement|contract|amendment|entered|made|dated|addendum/.test(before) &&
      !/^\s*between\b/.test(b[0].toLowerCase())
    )
      continue;
    if (
      /\bby\b/.test(b[0].toLowerCase()) &&
      !/by\s+and/.test(b[0].toLowerCase()) &&
      !/(?:made|entered\s+into|executed)\s*$/.test(before)
    )
      continue;
    const start = b.index + b[0].length;
    const endMatch =
      /\b(?:WHEREAS|W\s*I\s*T\s*N\s*E\s*S\s*S\s*E\s*T\s*H|RECITALS?|BACKGROUND|NOW,?\s+THEREFORE|PREAMBLE|Whereas)\b|\.\s+(?:The\s+parties|Each\s+party|In\s+consideration)|agree\s+as\s+follows/.exec(
        head.slice(start, start + 2500),
      );
    const end = start + (endMatch ? endMatch.index : Math.min(1500, head.length - start));
    const parties = partiesIn(view, start, end);
    if (
      (parties.length >= 2 || (parties.length === 1 && endMatch)) &&
      parties.length > (best?.length ?? 0)
    )
      best = parties;
    // A cover page ("by and among A, B and C") often precedes the real preamble: keep looking a little further.
    if (best && best.length >= 2 && b.index > 6000) break;
  }
  if (best) {
    const parties = best;
    const evidence = parties.map((p) => view.span(p.start, p.end));
    const labels = parties
      .filter((p) => p.label)
      .map((p) => ({ label: p.label as string, name: p.name }));
    return {
      parties: parties.map(({ name, role }) => ({ name, role })),
      labels,
      confidence: parties.length >= 2 ? 0.8 : 0.5,
      evidence,
    };
  }
  return null;
}

function partiesIn(view: TextView, start: number, end: number): FoundParty[] {
  const segment = view.flat.slice(start, end);
  const found: FoundParty[] = [];
  let chunkStart = 0;
  const terms = [...segment.matchAll(DEFINED_TERM)];
  for (const t of terms) {
    const label = tidy(t[1] ?? t[2] ?? '');
    const chunk = segment.slice(chunkStart, t.index);
    const nextStart = t.index + t[0].length;
    if (
      /\b(?:each|collectively|together|individually)\b/i.test(t[0]) &&
      /part(?:y|ies)/i.test(label)
    )
      break;
    if (NOT_PARTY_TERMS.test(label)) {
      chunkStart = nextStart;
      continue;
    }
    const named = nameInChunk(chunk);
    if (named) {
      const absStart = start + chunkStart + named.offset;
      if (!found.some((p) => p.name.toLowerCase() === named.name.toLowerCase())) {
        found.push({
          name: named.name,
          role: roleOf(label, named.name),
          label,
          start: absStart,
          end: absStart + named.name.length,
        });
      }
      chunkStart = nextStart;
    }
    if (found.length >= 6) break;
  }
  if (found.length > 0 && found.length < 6) {
    // The last party often has no defined term: "... ("IMedicor") and USA Managed Care Organization, a Texas ...".
    const rest = segment.slice(chunkStart, chunkStart + 300);
    if (
      /^[\s,;]*(?:and|-\s*and\s*-)[\s,]|^[^.;]{0,160}?\sand\s+[A-Z]/.test(rest) &&
      !/\b(?:each|collectively|together)\b[^.]{0,40}\bpart(?:y|ies)\b/i.test(rest.slice(0, 80))
    ) {
      const named = nameInChunk(rest);
      if (
        named &&
        /\b(?:inc|llc|ltd|limited|corp|corporation|company|co|lp|llp|plc|gmbh|ag|sa|s\.a|n\.a|bank|university|organization|association|trust|group|holdings|partners)\b/i.test(
          named.name,
        ) &&
        !found.some((p) => p.name.toLowerCase() === named.name.toLowerCase())
      ) {
        const absStart = start + chunkStart + named.offset;
        found.push({
          name: named.name,
          role: null,
          start: absStart,
          end: absStart + named.name.length,
        });
      }
    }
  }
  if (found.length === 0) {
    // "between Acme Corp. and Beta LLC." without defined terms.
    // Lines matter here: a cover page puts each party on its own line.
    const lined = view.text.slice(start, end);
    const m =
      /^\s*([^\n]{3,120}?)\s*,?\s+and\s+([^\n]{3,120}?)\s*(?:[.;(\n]|,\s+(?:a|an|dated|effective)\b|$)/i.exec(
        lined,
      );
    if (m) {
      for (const group of [m[1], m[2]]) {
        const named = nameIn(group);
        if (named) {
          const absStart = start + lined.indexOf(group) + named.offset;
          found.push({
            name: named.name,
            role: null,
            start: absStart,
            end: absStart + named.name.length,
          });
        }
      }
    }
  }
  return found;
}

/** Tries the chunk's start, then each "and <Name>" in it ("a Tennessee corporation, and Logan's Roadhouse, Inc."). */
function nameInChunk(chunk: string): { name: string; offset: number } | null {
  const first = nameIn(chunk);
  if (first) return first;
  for (const m of chunk.matchAll(/(?:^|[\s,;])(?:and|AND|&)[\s,]+(?=["']?[A-Z0-9])/g)) {
    const at = m.index + m[0].length;
    const named = nameIn(chunk.slice(at));
    if (named) return { name: named.name, offset: at + named.offset };
  }
  return null;
}

/** The legal name at the start of a preamble chunk ("and Beta, Inc., a Delaware corporation, of ..."). */
export function nameIn(chunk: string): { name: string; offset: number } | null {
  const lead =
    /^[\s,;:]*(?:and[\s,]+|-\s*and\s*-\s*|or\s+|between\s+|among\s+|&\s+|\(\s*\d+\s*\)\s*|\(\s*[a-z]\s*\)\s*|\d\.\s+)*(?:and\s+)?/i.exec(
      chunk,
    );
  const offset = lead ? lead[0].length : 0;
  const rest = chunk.slice(offset);
  let name = '';
  const parts = rest.split(',');
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (i === 0) {
      name = part;
      continue;
    }
    if (LEGAL_SUFFIX.test(part.trim()) && part.trim().length <= 14) {
      name += `,${part}`;
      continue;
    }
    // A firm name of comma-separated surnames: "Keefe, Bruyette & Woods, Inc.", "Skadden, Arps, Slate, Meagher & Flom LLP".
    const firm = firmNameEnd(parts, i);
    if (firm >= i) {
      name += `,${parts.slice(i, firm + 1).join(',')}`;
      i = firm;
      continue;
    }
    break;
  }
  name = name
    .split(
      /\s+(?:a|an)\s+(?:[A-Z][\w.]*\s+){0,4}(?:corporation|company|limited|partnership|entity|organization|bank|association|corp|state|national|business|society|university|institution|trust)\b/i,
    )[0]
    .split(
      /(?<=\b(?:limited|ltd\.?|inc\.?|llc|corporation|corp\.?|plc|gmbh|ag|s\.a\.|b\.v\.))\s+of\s+(?=[A-Z0-9])|\s+(?:with\s+(?:a|an|its)\s+|having\s+|located\s+|whose\s+|organized\s+|incorporated\s+|existing\s+|acting\s+|which\s+|registered\s+|doing\s+business|on\s+behalf|of\s+\d|at\s+\d|residing\s+|an?\s+(?:individual|corporation|company|limited)|\(\s*(?:hereinafter|herein|the|together|each|")|\(\s*(?:company\s+)?(?:no|registration|registered|reg)\b)/i,
    )[0]
    .replace(/\s*\(\s*$/, '');
  name = tidy(name).replace(/^the\s+(?=[A-Z].*\s)/, (m) => m);
  if (name.length < 2 || name.length > 120) return null;
  // Names start with a capital or digit; a few brands start lower-case ("iPayment, Inc.", "drkoop.com, inc.").
  if (
    !/^["']?[A-Z0-9]|^the\s+[A-Z]/.test(name) &&
    !/^[a-z]+[A-Z]|^[a-z][\w-]*\.(?:com|net)\b/.test(name)
  )
    return null;
  if (/^(?:the\s+)?(?:company|parties|party|agreement)$/i.test(name)) return null;
  if (ROLE_WORDS.has(name.toLowerCase()) || /^(?:holding|holdings)$/i.test(name)) return null;
  if (
    /^(?:and|or|section|article|attachment|exhibit|schedule|clause|address|annex|appendix|client\s+on|joint\s+venture)\b|^[\d\W]+$|\b(?:is\s+a|together|as\s+(?:borrower|lender)|are\s+service\s+marks)\b/i.test(
      name,
    )
  )
    return null;
  if (/\b(?:agreement|hereto|hereby|whereas|shall)\b/i.test(name)) return null;
  return { name, offset: offset + rest.indexOf(name.slice(0, 10)) };
}

const SURNAME = /^\s*[A-Z][A-Za-z'-]+\s*$/;
const SURNAMES_AND =
  /^\s*[A-Z][A-Za-z'-]+(?:\s+[A-Z][A-Za-z'-]+)?\s+&\s+[A-Z][A-Za-z'-]+(?:\s+(?:LLP|LLC|L\.L\.P\.?|PC|P\.C\.?|Inc\.?))?\s*$/;

/** The index of the part that closes "Surname, Surname & Surname" when parts[from] starts one, else -1. */
function firmNameEnd(parts: string[], from: number): number {
  if (!SURNAME.test(parts[0] ?? '') || parts[0]!.trim().split(/\s+/).length > 1) return -1;
  for (let j = from; j < Math.min(parts.length, from + 5); j++) {
    if (SURNAMES_AND.test(parts[j]!)) return j;
    if (!SURNAME.test(parts[j]!)) return -1;
  }
  return -1;
}

function roleOf(label: string, name: string): string | null {
  if (!label) return null;
  const lower = label.toLowerCase();
  if (ROLE_WORDS.has(lower)) return label.replace(/\b\w/g, (c) => c.toUpperCase());
  const nameWords = new Set(name.toLowerCase().split(/\W+/));
  if (lower.split(/\W+/).some((w) => w.length > 1 && nameWords.has(w))) return null;
  return null;
}

/** Cover pages: "between\n\nAcme Corp.\n\nand\n\nBeta Ltd." */
export function fromCoverPage(view: TextView): PartiesFinding | null {
  const head = view.text.slice(0, 5000);
  const m =
    /\b(?:between|among|by and between)\s*:?\s*\n+\s*([^\n][\s\S]{2,400}?)\n+\s*(?:and|-and-|AND|&)\s*:?\s*\n+\s*([^\n]{3,120})\n/i.exec(
      head,
    );
  if (!m) return null;
  const parties: FoundParty[] = [];
  for (const group of [m[1], m[2]]) {
    const named = nameIn(group.replace(/\s*\([\s\S]*$/, '').replace(/\n[\s\S]*$/, ''));
    if (!named) continue;
    const absStart = head.indexOf(group, m.index) + named.offset;
    parties.push({
      name: named.name,
      role: null,
      start: absStart,
      end: absStart + named.name.length,
    });
  }
  if (parties.length < 2) return null;
  return partiesFinding(view, parties, 0.6);
}
