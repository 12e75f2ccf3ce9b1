import type { EvidenceSpan } from '@cb/domain';
import type { TextView } from './text-view.util';

export interface TitleFinding {
  value: string;
  confidence: number;
  evidence: EvidenceSpan[];
}

const DOC_WORD =
  /\b(agreement|contract|amendment|addendum|license|licence|lease|memorandum\s+of\s+understanding|terms\s+and\s+conditions|statement\s+of\s+work|letter\s+agreement|joint\s+venture|arrangement|undertaking|deed)\b/i;
const NOT_TITLE =
  /^(?:this|the\s+following|these|source:|page\b|table\s+of\s+contents|in\s+witness|whereas|now,?\s+therefore|execution\s+(?:version|copy)|confidential|certain\b|portions|\[\*|\*)|omitted|confidential\s+treatment|securities\s+and\s+exchange|pursuant\s+to\s+rule|redacted|\b(?:shall|will|hereby|is\s+made|entered\s+into|dated\s+as\s+of)\b/i;
const TRAILER =
  /\s+(?:by\s+and\s+)?(?:between|among|by\s+and\s+among)\b.*$|\s*,?\s+dated\b.*$|\s+\(.*$/i;
// A heading run into the first sentence: "Manufacturing Agreement This Amendment ...".
const SENTENCE_START = /\s+(?:This|THIS)\s+.*$/;

/** The document's own name: the first heading-like line that names an agreement, else the preamble's name. */
export function findTitle(view: TextView): TitleFinding | null {
  const head = view.text.slice(0, 4000);
  const preambleAt = head.search(
    /\b(?:this|the)\s+[^\n.]{0,120}?\b(?:agreement|contract|amendment)\b[^.]{0,200}?\b(?:is\s+(?:made|entered|dated)|made\s+and\s+entered|entered\s+into|dated\s+as\s+of|by\s+and\s+between|between)\b/i,
  );
  const limit = preambleAt > 0 ? preambleAt + 200 : head.length;
  let offset = 0;
  let best: { value: string; start: number; end: number; score: number } | null = null;
  for (const rawLine of head.split('\n')) {
    const lineStart = offset;
    offset += rawLine.length + 1;
    if (lineStart > limit) break;
    let line = rawLine.trim();
    const lead = rawLine.indexOf(line);
    line = line.replace(/^exhibit\s+[\w.()-]+\s*/i, '');
    const prefix = rawLine.trim().length - line.length;
    if (line.length < 6 || line.length > 140 || !DOC_WORD.test(line) || NOT_TITLE.test(line))
      continue;
    // A table-of-contents entry without dot leaders: "2. Grant of License 4".
    if (/^(?:\d+(?:\.\d+)*\.?|article\s+\w+|section\s+\d+)\s.*\s\d{1,3}$/i.test(line)) continue;
    const cut = line
      .replace(TRAILER, '')
      .replace(SENTENCE_START, '')
      .replace(/[\s.:;,]+$/, '');
    if (cut.length < 6 || !DOC_WORD.test(cut) || cut.split(/\s+/).length > 14) continue;
    const letters = cut.replace(/[^A-Za-z]/g, '');
    const upperRatio = letters.length ? cut.replace(/[^A-Z]/g, '').length / letters.length : 0;
    const titleCase = cut
      .split(/\s+/)
      .every((w) => /^[A-Z0-9&("'®-]|^(?:and|of|to|for|the|in|on|with|a|an|no\.)$/.test(w));
    if (!titleCase && upperRatio < 0.6) continue;
    const score =
      (upperRatio > 0.8 ? 3 : 1) +
      (/agreement|contract|amendment/i.test(cut) ? 1 : 0) -
      lineStart / 4000;
    const start = lineStart + lead + prefix;
    if (!best || score > best.score) best = { value: cut, start, end: start + cut.length, score };
  }
  if (best) {
    return {
      value: best.value,
      confidence: best.score >= 3 ? 0.85 : 0.6,
      evidence: [view.span(best.start, best.end)],
    };
  }
  // "This Distribution Agreement (the "Agreement") ...": the name the preamble gives itself.
  const m =
    /\b(?:[Tt]his|[Tt]he)\s+((?:[A-Z][\w&®'-]*,?\s+(?:and\s+|of\s+|for\s+|to\s+)?){0,8}(?:Agreement|Contract|Amendment|Addendum|License))\b/.exec(
      view.flat.slice(0, 6000),
    );
  if (m) {
    const start = m.index + m[0].indexOf(m[1]);
    return {
      value: m[1].replace(/\s+/g, ' '),
      confidence: 0.5,
      evidence: [view.span(start, start + m[1].length)],
    };
  }
  return null;
}
