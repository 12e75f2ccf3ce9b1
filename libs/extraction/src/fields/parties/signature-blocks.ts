import { tidy, type TextView } from '../../document/text-view';
import { ROLE_WORDS, partiesFinding, type FoundParty, type PartiesFinding } from './party-words';

/**
 * Contracts drafted in the Chinese style name their parties by letter at the top:
 * "Party A: People's Government of Fenyi County Party B: Xinyu Xinwei New Energy Co., Ltd.".
 */
export function fromPartyLabels(view: TextView): PartiesFinding | null {
  const head = view.flat.slice(0, 5000);
  const found: FoundParty[] = [];
  const seen = new Set<string>();
  for (const m of head.matchAll(/\bParty\s+([A-D])\s*[:：]\s*/g)) {
    if (seen.has(m[1])) continue;
    seen.add(m[1]);
    const start = m.index + m[0].length;
    let name = head.slice(start, start + 160);
    name = name.split(
      /\s+(?:Party\s+[A-D]\b|Address|Add\.|Legal\s+representative|Registered|Domicile|Tel\b|Telephone|Fax|Whereas|WHEREAS)|\s{2,}|[;(\n]/i,
    )[0];
    // A sentence that starts right after the name ("... Co., Ltd. Party A welcomes ...") was cut above;
    // drop a trailing comma, and the full stop unless it ends an abbreviation such as "Ltd.".
    name = tidy(name)
      .replace(/[,:]$/, '')
      .replace(/(?<!\b(?:Ltd|Co|Inc|Corp|L\.L\.C|S\.A|N\.V|B\.V|Pte|Pty))\.$/, '');
    if (
      name.length < 3 ||
      name.length > 120 ||
      !/^["']?[A-Z0-9]/.test(name) ||
      ROLE_WORDS.has(name.toLowerCase())
    )
      continue;
    found.push({ name, role: null, start, end: start + name.length });
  }
  if (found.length < 2) return null;
  return partiesFinding(
    view,
    found,
    0.7,
    found.map((p, i) => ({ label: `Party ${String.fromCharCode(65 + i)}`, name: p.name })),
  );
}

const SIGNATURE_LINE = /^(?:by\s*:|\/s\/|name\s*:|its\s*:|title\s*:|_{3,})/i;

/**
 * Documents without a preamble (joint filing agreements, letters) name their parties only where they sign:
 * a line with the party's name directly above "By:" / "/s/" / "Name:".
 */
export function fromSignatureBlocks(view: TextView): PartiesFinding | null {
  const witness = view.lower.lastIndexOf('in witness whereof');
  const dated = view.text.search(/^\s*dated\s*:/im);
  const from = witness >= 0 ? witness : dated >= 0 ? dated : view.text.length < 20000 ? 0 : -1;
  if (from < 0) return null;
  const found: FoundParty[] = [];
  const lines = view.text.slice(from).split('\n');
  let offset = from;
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i];
    const lineStart = offset;
    offset += raw.length + 1;
    const line = raw.trim();
    const next =
      lines
        .slice(i + 1, i + 3)
        .map((l) => l.trim())
        .find((l) => l.length > 0) ?? '';
    if (!line || SIGNATURE_LINE.test(line) || !SIGNATURE_LINE.test(next)) continue;
    const letters = line.replace(/[^A-Za-z]/g, '');
    const upper = letters.length ? line.replace(/[^A-Z]/g, '').length / letters.length : 0;
    const name = line.replace(/[:,]$/, '').trim();
    if (
      name.length < 3 ||
      name.length > 100 ||
      /^(?:in\s+witness|dated?\b|witness|signature|accepted|agreed|company|licensor|licensee)|please\s+print|print\s+name/i.test(
        name,
      )
    )
      continue;
    if (
      upper < 0.6 &&
      !/\b(?:inc|llc|l\.l\.c|ltd|limited|corp|corporation|company|l\.p|lp|plc|gmbh|ag|s\.a|n\.a|trust|fund|bank)\b\.?/i.test(
        name,
      )
    )
      continue;
    if (!found.some((p) => p.name.toLowerCase() === name.toLowerCase())) {
      const start = lineStart + raw.indexOf(name);
      found.push({ name, role: null, start, end: start + name.length });
    }
    if (found.length >= 60) break;
  }
  if (found.length < 2) return null;
  return partiesFinding(view, found, 0.5);
}
