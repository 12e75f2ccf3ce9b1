import type { EvidenceSpan } from '@cb/domain';
import type { TextView } from './text-view.util';

export interface GoverningLawFinding {
  value: string;
  confidence: number;
  evidence: EvidenceSpan[];
}

const US_STATES = [
  'Alabama',
  'Alaska',
  'Arizona',
  'Arkansas',
  'California',
  'Colorado',
  'Connecticut',
  'Delaware',
  'Florida',
  'Georgia',
  'Hawaii',
  'Idaho',
  'Illinois',
  'Indiana',
  'Iowa',
  'Kansas',
  'Kentucky',
  'Louisiana',
  'Maine',
  'Maryland',
  'Massachusetts',
  'Michigan',
  'Minnesota',
  'Mississippi',
  'Missouri',
  'Montana',
  'Nebraska',
  'Nevada',
  'New Hampshire',
  'New Jersey',
  'New Mexico',
  'New York',
  'North Carolina',
  'North Dakota',
  'Ohio',
  'Oklahoma',
  'Oregon',
  'Pennsylvania',
  'Rhode Island',
  'South Carolina',
  'South Dakota',
  'Tennessee',
  'Texas',
  'Utah',
  'Vermont',
  'Virginia',
  'Washington',
  'West Virginia',
  'Wisconsin',
  'Wyoming',
  'District of Columbia',
  'Puerto Rico',
];
const CANADIAN_PROVINCES = [
  'Ontario',
  'British Columbia',
  'Alberta',
  'Quebec',
  'Manitoba',
  'Saskatchewan',
  'Nova Scotia',
  'New Brunswick',
  'Newfoundland and Labrador',
  'Prince Edward Island',
  'Yukon',
];
const AUSTRALIAN_STATES = [
  'New South Wales',
  'Victoria',
  'Queensland',
  'Western Australia',
  'South Australia',
  'Tasmania',
];
const COUNTRIES = [
  "People's Republic of China",
  'Hong Kong',
  'Singapore',
  'Japan',
  'Korea',
  'India',
  'Israel',
  'Germany',
  'France',
  'Switzerland',
  'Netherlands',
  'the Netherlands',
  'Sweden',
  'Finland',
  'Norway',
  'Denmark',
  'Ireland',
  'Spain',
  'Italy',
  'Belgium',
  'Luxembourg',
  'Austria',
  'Canada',
  'Australia',
  'New Zealand',
  'Mexico',
  'Brazil',
  'Scotland',
  'Northern Ireland',
  'Cayman Islands',
  'Bermuda',
  'British Virgin Islands',
  'Taiwan',
  'Malaysia',
  'Thailand',
  'Philippines',
  'Indonesia',
  'Vietnam',
  'South Africa',
  'United Arab Emirates',
  'Russia',
  'Poland',
  'Portugal',
  'Greece',
  'Turkey',
  'Argentina',
  'Chile',
  'Colombia',
  'Cyprus',
  'Malta',
  'Gibraltar',
];

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

/** Finds the governing-law clause and names the jurisdiction ("New York", "England and Wales", "Ontario, Canada"). */
export function findGoverningLaw(view: TextView): GoverningLawFinding | null {
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
  if (candidates.length === 0) return null;
  candidates.sort((a, b) => b.score - a.score || a.index - b.index);
  const best = candidates[0];
  const sentence = view.sentenceAt(best.index, 600);
  return {
    value: best.value,
    confidence: best.score === 2 ? 0.9 : 0.7,
    evidence: [view.span(sentence.start, sentence.end)],
  };
}

function startsWithName(text: string, name: string): boolean {
  const re = new RegExp(
    `^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+')}\\b`,
    'i',
  );
  return re.test(text);
}

/** The jurisdiction named at the start of `after` ("the State of New York, without regard ..."). */
export function jurisdictionAt(after: string): string | null {
  let rest = after.replace(/^\s*(?:the\s*)?(?:internal\s+|substantive\s+)?/i, '');
  rest = rest.replace(
    /^(?:state|commonwealth|province|republic|kingdom|federal\s+republic|grand\s+duchy)\s*of\s*(?!china)/i,
    '',
  );
  rest = rest.replace(/^the\s+/i, '');
  if (/^england\s*(?:and|&)\s*wales/i.test(rest)) return 'England and Wales';
  if (/^england\b/i.test(rest)) return 'England';
  if (/^(?:the\s+)?united\s+kingdom/i.test(rest)) return 'United Kingdom';
  if (/^(?:the\s+)?people'?s\s+republic\s+of\s+china|^(?:the\s+)?prc\b|^china\b/i.test(rest))
    return "People's Republic of China";
  for (const province of CANADIAN_PROVINCES) {
    if (startsWithName(rest, province)) return `${province}, Canada`;
  }
  for (const state of [...US_STATES].sort((a, b) => b.length - a.length)) {
    if (startsWithName(rest, state)) {
      // "Washington, D.C." and "the District of Columbia" are not the State of Washington.
      if (state === 'Washington' && /^washington,?\s*d\.?\s*c\b/i.test(rest))
        return 'District of Columbia';
      return state;
    }
  }
  for (const state of AUSTRALIAN_STATES) {
    if (startsWithName(rest, state)) return `${state}, Australia`;
  }
  for (const country of COUNTRIES) {
    if (startsWithName(rest, country)) return country.replace(/^the\s+/i, '');
  }
  if (/^(?:the\s+)?united\s+states/i.test(rest)) {
    // "the United States and the State of X": prefer the state when it is named next.
    const state = US_STATES.find((s) =>
      new RegExp(`\\b(?:state|commonwealth)\\s+of\\s+${s}\\b`, 'i').test(rest.slice(0, 120)),
    );
    return state ?? 'United States';
  }
  return null;
}
