// Jurisdiction names as English contracts write them, and the name we report for each.
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
