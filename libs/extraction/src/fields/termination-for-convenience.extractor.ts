import { cue, type ContractDocument } from '../document/contract-document';
import {
  candidate,
  type Candidate,
  type FieldExtractor,
  type KnownTerms,
} from './field-extractor.types';

const TERMINATE =
  /\b(?:(?:may|can)[\s,]+(?:[\w-]+[\s,]+){0,12}?(?:terminate|cancel)|(?:shall|may|will)\s+be\s+(?:earlier|sooner)\s+terminated|may\s+(?:also\s+|only\s+)?be\s+(?:\w+\s+){0,3}?(?:terminated|cancell?ed)|(?:sooner|earlier)\s+terminated\s+by\s+either\s+party|(?:can|shall)\s+be\s+(?:\w+\s+){0,2}?(?:terminated|cancell?ed)\s+(?:at\s+any\s+time|by\s+either)|terminable|cancell?able|right\s+to\s+terminate|until\s+terminated\s+by\s+(?:either|any)\s+party)\b/gi;
const CONVENIENCE =
  /\b(?:for\s+(?:its\s+|their\s+|any\s+party's\s+)?convenience|without\s+(?:any\s+)?cause|with\s+or\s+without\s+cause|for\s+non-?cause|for\s+any\s+reason(?:\s+or\s+(?:for\s+)?no\s+reason)?|for\s+no\s+reason|in\s+(?:its|their)\s+(?:sole|absolute)(?:\s+and\s+(?:sole|absolute))?\s+discretion|without\s+(?:the\s+payment\s+of\s+any\s+)?(?:penalty|liability)|with\s+no\s+(?:penalty|further\s+obligation))\b/i;
const ON_NOTICE =
  /\b(?:upon|on|with|by\s+giving|by\s+providing|giving|providing|by\s+delivering|after)\b[^.;]{0,80}?\bnotice\b/i;
const FOR_CAUSE =
  /\b(?:breach|default|fail(?:s|ed|ure)?\s+to|insolven|bankrupt|receiver|liquidat|violat|change\s+(?:of|in)\s+control|force\s+majeure|(?:for|with)\s+cause|unable\s+to|ceases?\s+to|if\s+(?:the\s+other|any|either|such|a)\b|in\s+the\s+event\s+(?:of|that)\s+(?:a|any|the\s+other|such)|upon\s+the\s+occurrence|acquired\s+by|merger|does\s+not\s+(?:meet|achieve|pay)|not\s+(?:met|achieve|satisf)|as\s+follows|under\s+the\s+following|any\s+of\s+the\s+following|material)\b/i;
const CONDITION_BEFORE =
  /\b(?:if|in\s+the\s+event|upon\s+(?:the\s+)?(?:occurrence|receipt|learning|expiration)|should|unless(?!\s+(?:sooner|earlier)\s+terminated)|where|in\s+case)\b|\bfor\s+(?:bankruptcy|cause|breach|default)/i;
const CONDITION_AFTER =
  /\bimmediately\b|\bif\b|\bin\s+the\s+event\b|\bin\s+case\b|\bwith\s+cause\b|\bfor\s+(?:cause|bankruptcy|breach|business\s+reasons)|\bat\s+the\s+(?:expiration|end)\s+of\s+(?:its|the|any)\s+(?:initial\s+)?term|\bupon\s+the\s+(?:filing|occurrence)|\bwithin\s+\w+\s+\(\d+\)\s+days\s+following/i;
const LISTED_WITHOUT_CAUSE =
  /(?:^|[:;,]\s*|\(\w{1,3}\)\s*|\b\d\)\s*|\bor\s+)(?:\(\w{1,3}\)\s*)?(?:without\s+(?:any\s+)?cause|for\s+(?:its\s+)?convenience|for\s+any\s+reason\s+or\s+(?:for\s+)?no\s+reason)\b/i;
// A listed ground that is only a notice period: "(ii) at any other time upon ninety (90) days' prior written
// notice", "; by Licensor or Licensee upon sixty (60) days' written notice to the other party;", "(b) by the
// Company electing to give the Consultant 3 months prior notice". The rest of the item must name no event.
const LISTED_ON_NOTICE =
  /(?:\(\w{1,3}\)|\b\d\)|;)\s*(?:or\s+)?(?:by\s+(?:\w+\s+){1,5}?)?(?:at\s+any\s+(?:other\s+)?time\s+)?(?:electing\s+to\s+)?(?:upon|on|by\s+giving|giving|give|with|providing|provide)\s+[\w\s()',-]{0,60}?\bnotice\b([^;.]{0,100})/gi;
const ITEM_CONDITION =
  /\b(?:if|in\s+the\s+event|in\s+case|breach|default|fail\w*|insolven\w*|bankrupt\w*|cause|following|upon\s+the\s+occurrence|change\s+(?:of|in)\s+control|not\s+cured|unless)\b/i;
const CONTRACT_WORD = /\b(?:agreement|contract|engagement|its\s+participation|arrangement|term)\b/i;

/** Whether a party may end the contract without cause (for convenience, for any reason, or simply on notice). */
export const terminationForConvenienceExtractor: FieldExtractor<'terminationForConvenience'> = {
  field: 'terminationForConvenience',
  requires: ['perpetual'],
  propose(doc, known) {
    return doc.language === 'en' ? englishRules(doc) : lexiconRules(doc, known);
  },
};

function englishRules(doc: ContractDocument): Candidate<boolean>[] {
  const view = doc.view;
  const convenient: Candidate<boolean>[] = [];
  const onNotice: Candidate<boolean>[] = [];
  const listed: Candidate<boolean>[] = [];
  for (const m of view.flat.matchAll(TERMINATE)) {
    const sentence = view.sentenceAt(m.index + 1, 900);
    const text = view.flat.slice(sentence.start, sentence.end);
    if (!CONTRACT_WORD.test(text)) continue;
    // Look at the clause around the termination right, not at unrelated parts of a long sentence.
    const clause = view.flat.slice(
      Math.max(sentence.start, m.index - 200),
      Math.min(sentence.end, m.index + m[0].length + 300),
    );
    const evidence = [view.span(sentence.start, sentence.end)];
    // A right that depends on an event ("If ... fails", "in the event of", "immediately ... if") is for cause.
    const prefix = view.flat.slice(sentence.start, m.index);
    const after = view.flat.slice(m.index, Math.min(sentence.end, m.index + 300));
    if (/\bnot\s+be\s+terminable|\bnot\s+terminate/i.test(text)) continue;
    // Grounds listed one by one, one of them none at all: "may terminate ... upon ninety (90) days
    // written notice: 1) if ... or 2) without cause for any reason or no reason", "(e) Without cause on
    // no less than seven (7) days prior written notice", "(ii) at any other time upon ninety (90) days'
    // prior written notice".
    const pushListed = () => {
      if (listed.length >= 2) return;
      const items = view.flat.slice(m.index, Math.min(sentence.end, m.index + 1200));
      const ground = LISTED_WITHOUT_CAUSE.exec(items);
      if (ground && !/\bnot\b[^.]{0,20}$/i.test(items.slice(0, ground.index))) {
        listed.push(
          candidate(true, evidence, 'without_cause_listed', 0.6, { rank: listed.length }),
        );
        return;
      }
      for (const item of items.matchAll(LISTED_ON_NOTICE)) {
        if (ITEM_CONDITION.test(item[0]) || !/\btermin|\bcancel/i.test(items.slice(0, item.index)))
          continue;
        listed.push(candidate(true, evidence, 'notice_only_listed', 0.55, { rank: listed.length }));
        return;
      }
    };
    if (CONDITION_BEFORE.test(prefix) || CONDITION_AFTER.test(after)) {
      pushListed();
      continue;
    }
    // What ends must be the agreement itself, not "its obligations to supply a Product" or a licence.
    const object =
      /^\S*\s*(?:[\w-]+[\s,]+){0,14}?(?:terminate|cancel)\s+(?:its|their|your|the|any|such)\s+(?:\w+\s+){0,2}?(?:obligations?|licen[cs]es?|rights?|exclusivity|participation\s+in\s+(?:a|any)|supply|purchase\s+orders?|orders?|statements?\s+of\s+work|sow|appointment|performance)\b/i;
    if (/^(?:may|can)/i.test(m[0]) && object.test(view.flat.slice(m.index, m.index + 220)))
      continue;
    // "... and thereafter until terminated by either party on notice": an evergreen term, not a convenience right.
    if (/until\s+terminated/i.test(m[0]) && /\bthereafter\b|\bafter\s+that\b/i.test(text)) continue;
    const convenience = CONVENIENCE.exec(clause);
    if (convenience && !/\bnot\b[^.]{0,20}$/i.test(clause.slice(0, convenience.index))) {
      convenient.push(
        candidate(true, evidence, 'without_cause', 0.85, { rank: convenient.length }),
      );
    } else if (
      ON_NOTICE.test(clause.slice(m.index - Math.max(sentence.start, m.index - 200))) &&
      // Conditions before the right are CONDITION_BEFORE's; "So long as no default exists, either party
      // may terminate ... upon 30 days notice" is still a right without cause.
      !FOR_CAUSE.test(clause.slice(m.index - Math.max(sentence.start, m.index - 200)))
    ) {
      onNotice.push(candidate(true, evidence, 'on_notice', 0.7, { rank: onNotice.length }));
    } else {
      // "This Agreement can be terminated at any time ..., as follows: (a) ... (b) ...".
      pushListed();
    }
    if (convenient.length >= 3) break;
  }
  return [...convenient, ...onNotice.slice(0, 3), ...listed];
}

/**
 * "Kumpikin osapuoli voi irtisanoa sopimuksen kolmen kuukauden irtisanomisajalla", "Vardera parten får
 * säga upp avtalet med tre månaders uppsägningstid": a right to end it by notice (irtisanoa, säga upp),
 * not rescission for cause (purkaa, häva) and not a right that needs a breach or an event (jos, om).
 */
function lexiconRules(doc: ContractDocument, known: KnownTerms): Candidate<boolean>[] {
  const { cues } = doc.lexicon;
  const view = doc.view;
  const out: Candidate<boolean>[] = [];
  const seen = new Set<number>();
  const right = cue(
    `\\b(?:voi|voivat|saa|saavat|on\\s+oikeus|on\\s+oikeutettu|kan|får|har\\s+rätt\\s+att)\\b(?:\\s+\\S+){0,6}?\\s+(?:${cues.terminateByNotice})`,
  );
  for (const m of view.flat.matchAll(right)) {
    const sentence = view.sentenceAt(m.index + 1, 700);
    if (seen.has(sentence.start)) continue;
    seen.add(sentence.start);
    const text = view.flat.slice(sentence.start, sentence.end);
    const prefix = view.flat.slice(sentence.start, m.index);
    if (cue(cues.condition, 'iu').test(prefix) || cue(cues.forCause, 'iu').test(text)) continue;
    // "kan sägas upp ... senast tre månader före avtalsperiodens utgång": notice of non-renewal.
    if (cue(cues.beforeEnd, 'iu').test(text)) continue;
    // "... till omedelbart upphörande om den andra Parten väsentligen bryter mot avtalet": for cause.
    const after = view.flat.slice(
      m.index + m[0].length,
      Math.min(sentence.end, m.index + m[0].length + 160),
    );
    if (
      cue(cues.condition, 'iu').test(after) ||
      /\b(?:omedelbar\w*|välittöm\w*|heti)\b/i.test(after)
    )
      continue;
    // "ei voi irtisanoa kesken sopimuskauden", "kan inte sägas upp under avtalstiden": no such right.
    if (
      /\b(?:ei|eivät|inte|ej)\b/i.test(
        view.flat.slice(Math.max(sentence.start, m.index - 20), m.index + m[0].length),
      )
    )
      continue;
    out.push(
      candidate(true, [view.span(sentence.start, sentence.end)], 'may_give_notice', 0.75, {
        rank: out.length,
      }),
    );
    if (out.length >= 3) break;
  }
  // "gäller ... tills vidare med en ömsesidig uppsägningstid om två månader", "on voimassa toistaiseksi
  // kolmen kuukauden irtisanomisajalla": an open-ended contract either party ends by notice.
  for (const m of known.perpetual?.value === true ? view.flat.matchAll(cue(cues.indefinite)) : []) {
    const sentence = view.sentenceAt(m.index + 1, 600);
    const text = view.flat.slice(sentence.start, sentence.end);
    if (!cue(cues.noticePeriodIs, 'iu').test(text) || cue(cues.forCause, 'iu').test(text)) continue;
    out.push(
      candidate(true, [view.span(sentence.start, sentence.end)], 'open_ended_with_notice', 0.7),
    );
    break;
  }
  return out;
}
