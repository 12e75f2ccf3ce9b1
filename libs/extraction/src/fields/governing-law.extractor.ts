import { cue, type ContractDocument } from '../document/contract-document';
import { candidate, type Candidate, type FieldExtractor } from './field-extractor.types';
import { jurisdictionAt } from './governing-law/jurisdictions';

/** The jurisdiction whose law governs ("New York", "England and Wales", "Finland", "Sweden"). */
export const governingLawExtractor: FieldExtractor<'governingLaw'> = {
  field: 'governingLaw',
  requires: [],
  propose(doc) {
    return doc.language === 'en' ? englishRules(doc) : lexiconRules(doc);
  },
};

// "governed by ... the laws of X", "construed under the laws of X", "laws of X shall govern".
const GOVERNED =
  /\b(?:govern(?:ed|s)?|constru(?:ed|e)|interpreted|enforced|subject|controlled|determined|applied)\b[^.;]{0,160}?\blaws?\b\s*(?:in\s+force\s+in\s+|of\s*(?=the\b|[A-Z])|of\s+|in\s+)/gi;
const LAWS_THEREOF =
  /\b(?:govern(?:ed|s)?|constru(?:ed|e)|interpreted)\b[^.;]{0,120}?\blaws\s+(?:thereof|of\s+(?:that|such|said)\s+state)\b/gi;
// "construed in accordance with Ohio law", "governed by English law".
const ADJECTIVE_LAW =
  /\b(?:govern(?:ed|s)?|constru(?:ed|e)|interpreted)\b[^.;]{0,100}?\b(?:with|by|under)\s+(?:the\s+)?((?:[A-Z][\w']+\s+){1,3})law\b/g;
const ADJECTIVES: Record<string, string> = {
  English: 'England',
  Scottish: 'Scotland',
  Irish: 'Ireland',
  German: 'Germany',
  Swiss: 'Switzerland',
  French: 'France',
  Dutch: 'Netherlands',
  Finnish: 'Finland',
  Swedish: 'Sweden',
  Norwegian: 'Norway',
  Danish: 'Denmark',
  Italian: 'Italy',
  Spanish: 'Spain',
  Japanese: 'Japan',
  Chinese: "People's Republic of China",
  Canadian: 'Canada',
  Israeli: 'Israel',
  Australian: 'Australia',
  Belgian: 'Belgium',
  Austrian: 'Austria',
  Korean: 'Korea',
  Indian: 'India',
};
const LAW_GOVERNS = /\bthe\s+(?:internal\s+|substantive\s+)?laws?\s+of\s+/gi;

/** English governing-law clauses, best first. */
function englishRules(doc: ContractDocument): Candidate<string>[] {
  const view = doc.view;
  const candidates: Array<{ value: string; index: number; score: number }> = [];
  for (const m of view.flat.matchAll(GOVERNED)) {
    const after = view.flat.slice(m.index + m[0].length, m.index + m[0].length + 260);
    const value = jurisdictionAt(after);
    if (value) {
      const context = view.lower.slice(Math.max(0, m.index - 200), m.index + m[0].length);
      const score = /governing\s+law|applicable\s+law|choice\s+of\s+law|governed/.test(context)
        ? 2
        : 1;
      candidates.push({ value, index: m.index, score });
    }
  }
  // "in the State of Nevada and shall be governed by ... the laws thereof" / "the laws of that State".
  for (const m of view.flat.matchAll(LAWS_THEREOF)) {
    const sentence = view.sentenceAt(m.index, 600);
    const earlier = /\b(?:state|commonwealth|province)\s+of\s+/i.exec(
      view.flat.slice(sentence.start, m.index + m[0].length),
    );
    const value = earlier
      ? jurisdictionAt(
          view.flat.slice(sentence.start + earlier.index, sentence.start + earlier.index + 80),
        )
      : null;
    if (value) candidates.push({ value, index: m.index, score: 2 });
  }
  if (candidates.length === 0) {
    for (const m of view.flat.matchAll(ADJECTIVE_LAW)) {
      const words = m[1].trim();
      const value = ADJECTIVES[words] ?? jurisdictionAt(`${words} `);
      if (value) candidates.push({ value, index: m.index, score: 1 });
    }
  }
  if (candidates.length === 0) {
    for (const m of view.flat.matchAll(LAW_GOVERNS)) {
      const rest = view.lower.slice(m.index, m.index + 300);
      if (!/\b(?:shall|will)\s+(?:govern|apply|control)|\bgovern(?:s)?\b|\bapplies\b/.test(rest))
        continue;
      const value = jurisdictionAt(
        view.flat.slice(m.index + m[0].length, m.index + m[0].length + 200),
      );
      if (value) candidates.push({ value, index: m.index, score: 1 });
    }
  }
  candidates.sort((a, b) => b.score - a.score || a.index - b.index);
  return candidates.slice(0, 4).map((c, rank) => {
    const sentence = view.sentenceAt(c.index, 600);
    return candidate(
      c.value,
      [view.span(sentence.start, sentence.end)],
      c.score === 2 ? 'governed_by_heading' : 'governed_by',
      c.score === 2 ? 0.9 : 0.7,
      {
        rank,
        agrees: candidates.filter((o) => o.value === c.value).length - 1,
      },
    );
  });
}

/** "Sopimukseen sovelletaan Suomen lakia", "Svensk rätt ska tillämpas på avtalet", "svensk lag". */
function lexiconRules(doc: ContractDocument): Candidate<string>[] {
  const view = doc.view;
  const names = Object.keys(doc.lexicon.lawNames).join('|');
  const out: Candidate<string>[] = [];
  const lawWord = cue(
    `(?<![\\p{L}])(${names})\\s+(?:lak\\w*|lain\\w*|oikeu\\w*|rätt|lag(?:en|stiftning)?)(?![\\p{L}])`,
  );
  for (const m of view.flat.matchAll(lawWord)) {
    const sentence = view.sentenceAt(m.index, 500);
    const text = view.flat.slice(sentence.start, sentence.end);
    const clause = cue(doc.lexicon.cues.governingLaw, 'iu').test(text);
    const value = doc.lexicon.lawNames[m[1].toLowerCase()];
    out.push(
      candidate(
        value,
        [view.span(sentence.start, sentence.end)],
        clause ? 'law_applies' : 'law_named',
        clause ? 0.9 : 0.5,
        { rank: out.length },
      ),
    );
    if (out.length >= 4) break;
  }
  // An English clause in a Nordic contract ("This Agreement is governed by the laws of Finland").
  return [...out.sort((a, b) => b.prior - a.prior), ...englishRules(doc)];
}
