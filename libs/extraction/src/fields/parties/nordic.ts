import { cue, type ContractDocument } from '../../document/contract-document';
import { tidy } from '../../document/text-view';
import { partiesFinding, type FoundParty, type PartiesFinding } from './party-words';

const HEAD_CHARS = 8000;
// Finnish business ids "1234567-8", Swedish organisation numbers "556677-8899" (also "5566778899").
const ID = '(\\d{7}-\\d|\\d{6}-?\\d{4}|\\d{3}\\s?\\d{3}\\s?\\d{3})';
// Where a party's name starts: a line, a label "Tilaaja:", "välillä"/"mellan", "ja"/"och", a list marker.
const NAME_START =
  /(?:^|\n|:\s*|\b(?:välillä|mellan|between|ja|och|and)\s+|\d\)\s*|\d+(?:\.\d+)*\.?\s+)(?=[^\n:]*$)/giu;

function capitalise(s: string): string {
  return s.charAt(0).toLocaleUpperCase('fi') + s.slice(1);
}

/** The party name ending just before `end` on its line or after the last connective. */
function nameBefore(text: string, end: number): { name: string; start: number } | null {
  const from = Math.max(0, end - 120);
  const segment = text.slice(from, end);
  let cut = 0;
  for (const m of segment.matchAll(NAME_START)) cut = m.index + m[0].length;
  const raw = segment.slice(cut);
  const name = tidy(raw.replace(/[,(]\s*$/, ''));
  if (name.length < 2 || name.length > 100 || !/^[\p{Lu}0-9"']/u.test(name)) return null;
  return { name, start: from + cut + raw.indexOf(name.slice(0, 5)) };
}

/**
 * Finnish and Swedish contracts name each party with its business id ("Esimerkki Oy (Y-tunnus 1234567-8)",
 * "Leverantör AB, org.nr 556677-8899") or under a role label ("Tilaaja: Esimerkki Oy", "Beställare: X kommun").
 */
export function fromBusinessIds(doc: ContractDocument): PartiesFinding | null {
  const { cues } = doc.lexicon;
  const head = doc.view.flat.slice(0, HEAD_CHARS);
  const text = doc.view.text.slice(0, HEAD_CHARS);
  const roles = cue(`(?:^|\\n)\\s*(?:\\d+\\.?\\s*)?(${cues.partyRoles})\\s*:?\\s*$`, 'iu');
  const found: Array<FoundParty & { label?: string }> = [];
  for (const m of head.matchAll(cue(`[,(]?\\s*(?:${cues.businessId})\\s*${ID}`))) {
    const named = nameBefore(text, m.index);
    if (!named || found.some((p) => p.name.toLowerCase() === named.name.toLowerCase())) continue;
    // The role: a label before the name ("Tilaaja: ...") or a defined term after it ("jäljempänä
    // 'Toimittaja'", "nedan kallad Leverantören", '("Asiakas")').
    const lineStart = text.lastIndexOf('\n', named.start - 1) + 1;
    const label = roles.exec(
      text.slice(Math.max(0, lineStart - 40), named.start).replace(/:\s*$/, ''),
    )?.[1];
    const after = head.slice(m.index + m[0].length, m.index + m[0].length + 120);
    const defined = cue(
      `^[^.;]{0,40}?(?:jäljempänä(?:\\s+myös)?|jäljempänä\\s+nimellä|nedan(?:\\s+kallad|\\s+benämnd)?|hereinafter)?\\s*\\(?["'”“]?(${cues.partyRoles})(?![\\p{L}])`,
      'iu',
    ).exec(after)?.[1];
    const role = label ?? defined ?? null;
    found.push({
      name: named.name,
      role: role ? capitalise(role) : null,
      start: named.start,
      end: named.start + named.name.length,
    });
    if (found.length >= 6) break;
  }
  if (found.length < 1) return fromRoleLabels(doc);
  return partiesFinding(
    doc.view,
    found,
    found.length >= 2 ? 0.85 : 0.5,
    found.filter((p) => p.role).map((p) => ({ label: p.role as string, name: p.name })),
  );
}

/** "Tilaaja: Esimerkki Oy", "Leverantör: Exempel AB" on lines of their own. */
export function fromRoleLabels(doc: ContractDocument): PartiesFinding | null {
  const text = doc.view.text.slice(0, HEAD_CHARS);
  const found: FoundParty[] = [];
  const re = cue(
    `(?:^|\\n)[ \\t]*(?:\\d+\\.?[ \\t]*)?(${doc.lexicon.cues.partyRoles})[ \\t]*:[ \\t]*([^\\n,(]{2,100})`,
  );
  for (const m of text.matchAll(re)) {
    const name = tidy(m[2]);
    if (name.length < 2 || !/^[\p{Lu}0-9]/u.test(name)) continue;
    if (found.some((p) => p.name.toLowerCase() === name.toLowerCase())) continue;
    const start = m.index + m[0].lastIndexOf(m[2]) + m[2].indexOf(name);
    found.push({ name, role: capitalise(m[1]), start, end: start + name.length });
    if (found.length >= 6) break;
  }
  if (found.length < 2) return null;
  return partiesFinding(
    doc.view,
    found,
    0.7,
    found.map((p) => ({ label: p.role as string, name: p.name })),
  );
}

/**
 * "Kollektivavtal mellan Arbetsgivarföreningen Nordisk Logistik och Förbundet Lager och Terminal",
 * "Tämä sopimus on tehty Esimerkki Oy:n ja Toinen Oy:n välillä": two parties named in one phrase.
 */
export function fromBetween(doc: ContractDocument): PartiesFinding | null {
  const text = doc.view.text.slice(0, 3000);
  const sv =
    /\bmellan\s+([\p{Lu}][^\n,(]{2,80}?)\s+och\s+([\p{Lu}][^\n,(]{2,80}?)\s*(?:\n|,|\(|\.\s|$|\s+(?:nedan|har|om)\b)/u.exec(
      text,
    );
  const fi =
    /(?:^|\n|\.\s)[^\n]*?\b([\p{Lu}][^\n,(:]{2,80}?):n\s+ja\s+([\p{Lu}][^\n,(:]{2,80}?):n\s+(?:välillä|kesken)/u.exec(
      text,
    );
  const m = sv ?? fi;
  if (!m) return null;
  const found: FoundParty[] = [m[1], m[2]].map((raw) => {
    const name = tidy(raw);
    const start = m.index + m[0].indexOf(raw);
    return { name, role: null, start, end: start + name.length };
  });
  return partiesFinding(doc.view, found, 0.6);
}

// Legal forms a name ends with: Finnish, Swedish, Norwegian, Danish and a few international ones.
const LEGAL_FORM =
  /(?:^|\s)(?:oy|oyj|ab|ky|ay|ry|r\.y\.|osuuskunta|kunta|kaupunki|kuntayhtymä|säätiö|kommun|region|förening|förbund|hb|kb|as|asa|a\/s|aps|gmbh|ltd|inc\.?|(?:\(publ\)))$/iu;

/** Cover lines that are names with a legal form ("Pohjolan Prosessiteollisuuden Työnantajat ry"). */
export function fromCoverLines(doc: ContractDocument): PartiesFinding | null {
  const head = doc.view.text.slice(0, 1500);
  const found: FoundParty[] = [];
  let offset = 0;
  for (const raw of head.split('\n')) {
    const start = offset + raw.indexOf(raw.trim());
    offset += raw.length + 1;
    const name = raw.trim();
    if (
      name.length < 4 ||
      name.length > 100 ||
      !/^[\p{Lu}0-9]/u.test(name) ||
      !LEGAL_FORM.test(name)
    )
      continue;
    if (/[.:;]\s/.test(name)) continue;
    found.push({ name, role: null, start, end: start + name.length });
    if (found.length >= 4) break;
  }
  if (found.length < 2) return null;
  return partiesFinding(doc.view, found, 0.6);
}
