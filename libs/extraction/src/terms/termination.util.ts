import type { EvidenceSpan } from '@cb/domain';
import type { TextView } from './text-view.util';

export interface TerminationFinding {
  value: boolean;
  confidence: number;
  evidence: EvidenceSpan[];
}

const CONVENIENCE =
  /\b(?:for\s+(?:its\s+|their\s+)?convenience|without\s+(?:any\s+)?cause|with\s+or\s+without\s+cause|for\s+any\s+(?:reason|or\s+no\s+reason)|for\s+no\s+reason|at\s+(?:its|their)\s+(?:sole\s+)?(?:discretion|option)|at\s+any\s+time\s+(?:and\s+)?for\s+any\s+reason)\b/i;
const MAY_TERMINATE = /\bmay\s+(?:(?:at\s+any\s+time|immediately|also|thereafter|only)\s*,?\s*)?(?:terminate|cancel)\b|\bright\s+to\s+terminate\b|\bmay\s+(?:elect\s+to\s+)?terminate\b|\bterminable\s+by\b/gi;
const FOR_CAUSE =
  /\b(?:breach|default|fail(?:s|ed|ure)?|insolven|bankrupt|receiver|liquidat|violat|change\s+(?:of|in)\s+control|force\s+majeure|cease|ceases|unable|if\s|in\s+the\s+event|upon\s+the\s+occurrence|should\s|unless|where\s|provided\s+that|acquired|merger|terminated\s+for\s+cause|does\s+not|not\s+(?:met|achieve|satisf)|under\s+section|pursuant\s+to\s+section|set\s+forth\s+in)\b/i;

/** Whether a party may end the contract without cause (for convenience, for any reason, or simply on notice). */
export function findTerminationForConvenience(view: TextView): TerminationFinding | null {
  for (const m of view.flat.matchAll(MAY_TERMINATE)) {
    const sentence = view.sentenceAt(m.index + 1, 900);
    const text = view.flat.slice(sentence.start, sentence.end);
    const lower = text.toLowerCase();
    if (!/\b(?:agreement|contract|order|sow|statement\s+of\s+work|engagement|services)\b/.test(lower)) continue;
    const clause = view.flat.slice(m.index, Math.min(sentence.end, m.index + 260));
    const evidence = [view.span(sentence.start, sentence.end)];
    if (CONVENIENCE.test(clause) && !/\bnot\b[^.]{0,20}\b(?:for\s+convenience|without\s+cause)/i.test(clause)) {
      return { value: true, confidence: 0.85, evidence };
    }
    // "Either party may terminate this Agreement upon thirty (30) days' written notice to the other party."
    const onNotice = /^\s*(?:may\s+(?:at\s+any\s+time\s*,?\s*)?(?:terminate|cancel)\s+(?:this\s+(?:agreement|contract)|the\s+(?:agreement|services|contract))(?:\s+(?:in\s+(?:its|their)\s+entirety|or\s+any\s+[\w\s]{1,30}?))?\s*,?\s*(?:at\s+any\s+time\s*,?\s*)?(?:upon|by|on|with|after|by\s+giving|by\s+providing|giving|providing)\s+(?:(?:at\s+least|not\s+less\s+than|no\s+less\s+than)\s+)?[\w\s()-]{1,40}?(?:days?|months?)'?s?\s*(?:\(\s*\d+\s*\)\s*)?(?:prior\s+|advance\s+)?(?:written\s+)?notice)/i.exec(clause);
    const rest = onNotice ? view.flat.slice(m.index + onNotice[0].length, sentence.end) : '';
    if (onNotice && !FOR_CAUSE.test(rest.slice(0, 160)) && !FOR_CAUSE.test(view.flat.slice(sentence.start, m.index))) {
      return { value: true, confidence: 0.75, evidence };
    }
  }
  return null;
}
