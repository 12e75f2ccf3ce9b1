import { cue, type ContractDocument } from '../document/contract-document';
import { EN } from '../lexicon';
import { candidate, type Candidate, type FieldExtractor } from './field-extractor.types';

const NOT_TITLE =
  /^(?:this|the\s+following|these|tämä|nämä|detta|denna|dessa|sivu\b|sida\b|sisällys|innehåll|source:|page\b|table\s+of\s+contents|in\s+witness|whereas|now,?\s+therefore|execution\s+(?:version|copy)|confidential|certain\b|portions|\[\*|\*)|omitted|confidential\s+treatment|securities\s+and\s+exchange|pursuant\s+to\s+rule|redacted|\b(?:shall|will|hereby|is\s+made|entered\s+into|dated\s+as\s+of)\b/i;
const TRAILER =
  /\s+(?:by\s+and\s+)?(?:between|among|by\s+and\s+among|mellan)\b.*$|\s*,?\s+dated\b.*$|\s+\(.*$/i;
// A heading run into the first sentence: "Manufacturing Agreement This Amendment ...".
const SENTENCE_START = /\s+(?:This|THIS)\s+.*$/;

/** The document's own name ("Master Services Agreement", "PALVELUSOPIMUS", "Hyresavtal"). */
export const titleExtractor: FieldExtractor<'title'> = {
  field: 'title',
  requires: [],
  propose(doc) {
    return findTitles(doc);
  },
};

/** Heading-like lines that name an agreement (best first), else the name the preamble gives itself. */
function findTitles(doc: ContractDocument): Candidate<string>[] {
  const view = doc.view;
  const docWordSource = `(?<![\\p{L}])(${doc.lexicon.documentWords}${doc.language === 'en' ? '' : `|${EN.documentWords}`})(?![\\p{L}])`;
  const DOC_WORD = cue(docWordSource, 'iu');
  const head = view.text.slice(0, 4000);
  const preambleAt = head.search(
    /\b(?:this|the)\s+[^\n.]{0,120}?\b(?:agreement|contract|amendment)\b[^.]{0,200}?\b(?:is\s+(?:made|entered|dated)|made\s+and\s+entered|entered\s+into|dated\s+as\s+of|by\s+and\s+between|between)\b/i,
  );
  const limit = preambleAt > 0 ? preambleAt + 200 : head.length;
  let offset = 0;
  const found: Array<{ value: string; start: number; end: number; score: number }> = [];
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
    const letters = cut.replace(/[^\p{L}]/gu, '');
    const upperRatio = letters.length ? cut.replace(/[^\p{Lu}]/gu, '').length / letters.length : 0;
    const titleCase = cut
      .split(/\s+/)
      .every((w) =>
        /^[\p{Lu}0-9&("'®-]|^(?:and|of|to|for|the|in|on|with|a|an|no\.|ja|och|för|av|om)$/u.test(w),
      );
    if (!titleCase && upperRatio < 0.6) continue;
    const score =
      (upperRatio > 0.8 ? 3 : 1) +
      (/agreement|contract|amendment|sopimus|avtal/i.test(cut) ? 1 : 0) -
      lineStart / 4000;
    const start = lineStart + lead + prefix;
    found.push({ value: cut, start, end: start + cut.length, score });
  }
  // Best score first; the first line among equals (a stable sort keeps reading order).
  const out = found
    .sort((a, b) => b.score - a.score)
    .slice(0, 4)
    .map((t, rank) =>
      candidate(
        t.value,
        [view.span(t.start, t.end)],
        t.score >= 3 ? 'upper_heading' : 'heading',
        t.score >= 3 ? 0.85 : 0.6,
        {
          rank,
          headingScore: t.score,
        },
      ),
    );
  // "This Distribution Agreement (the "Agreement") ...": the name the preamble gives itself.
  const m =
    /\b(?:[Tt]his|[Tt]he)\s+((?:[A-Z][\w&®'-]*,?\s+(?:and\s+|of\s+|for\s+|to\s+)?){0,8}(?:Agreement|Contract|Amendment|Addendum|License))\b/.exec(
      view.flat.slice(0, 6000),
    );
  if (m) {
    const start = m.index + m[0].indexOf(m[1]);
    out.push(
      candidate(
        m[1].replace(/\s+/g, ' '),
        [view.span(start, start + m[1].length)],
        'preamble_name',
        0.5,
      ),
    );
  }
  return out;
}
