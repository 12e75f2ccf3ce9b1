import type { ContractDocument } from '../../document/contract-document';
import { findDurations, oneUnit, type FoundDuration } from '../../parse/duration-parse';
import type { RenewalReading } from './renewal-clause';

const AUTO_RENEW =
  /\b(?:automatic(?:ally)?\s+(?:be\s+)?(?:renew|extend|continu|roll)|auto-?renew|(?:renew|extend|continu)(?:e|es|ed|s)?\s+automatically|extended\s+automatically|indefinitely\s+(?:after\s+that|thereafter)|evergreen|renewed\s+tacitly|tacit(?:ly)?\s+renew|(?:shall|will)\s+(?:thereafter\s+)?(?:be\s+)?(?:renewed|extended|renew)\s+(?:thereafter\s+)?(?:for|on\s+a|from)\s+(?:(?:an?|one|two|three|four|five|successive|additional|consecutive|further|subsequent|like|similar)\b|\w+\s*\(\d+\)|year[\s-]+to[\s-]+year|month[\s-]+to[\s-]+month)|(?:shall|will)\s+(?:thereafter\s+)?continue\s+(?:in\s+(?:full\s+)?(?:force|effect)\s+(?:and\s+effect\s+)?)?(?:thereafter\s+)?(?:for\s+(?:successive|additional|consecutive|further|subsequent)|(?:on\s+a\s+|from\s+)?(?:year[\s-]+to[\s-]+year|month[\s-]+to[\s-]+month)|thereafter\s+until\s+terminated)|unless\s+(?:a\s+)?notice\s+of\s+non-?\s?renewal)/gi;
const OPTION_RENEW =
  /\b(?:options?|right|may|can)\b[^.;]{0,100}?\b(?:renew|extend|extension|continue\s+the\s+franchise)|\brenewable\b|\b(?:renewed|extended)\s+(?:for|by)\s+(?:an?\s+)?(?:additional|further|one\s+further)\b/gi;
const NOT_AUTO =
  /\b(?:mutual(?:ly)?\s+(?:written\s+)?(?:agree|consent|agreement)|upon\s+(?:the\s+)?(?:mutual|written\s+agreement)|by\s+(?:mutual\s+)?agreement\s+of\s+(?:both|the)\s+parties|if\s+(?:both|the)\s+parties\s+(?:so\s+)?agree|option\s+to\s+(?:renew|extend)|may\s+(?:be\s+)?(?:renew|extend)|at\s+(?:its|their)\s+(?:sole\s+)?(?:option|election|discretion)|right\s+to\s+(?:renew|extend)|(?:parties|party)\s+(?:may|shall)\s+(?:negotiate|discuss)|subject\s+to\s+(?:the\s+)?(?:mutual|written)\s+agreement|(?:elects?|requests?)\s+to\s+(?:renew|extend))\b/i;
const UNLESS_NOTICE =
  /\b(?:unless|until|except\s+if|provided\s+(?:that\s+)?(?:neither|no))\b|non-?renewal|not\s+to\s+renew|terminate/i;
const EVERGREEN =
  /evergreen|automatic|auto-?renew|tacit|indefinitely|year\s+to\s+year|month\s+to\s+month|non-?\s?renewal|thereafter\s+until\s+terminated/;
const MAX_READINGS = 4;

/** English renewal sentences: automatic or evergreen ones, then one renewal by option or agreement. */
export function englishRenewalReadings(doc: ContractDocument): RenewalReading[] {
  const view = doc.view;
  const out: RenewalReading[] = [];
  let optionSentence: { start: number; end: number } | null = null;
  const seen = new Set<number>();
  for (const m of view.flat.matchAll(AUTO_RENEW)) {
    const sentence = view.sentenceAt(m.index + 1, 1200);
    if (seen.has(sentence.start)) continue;
    seen.add(sentence.start);
    const lower = view.lower.slice(sentence.start, sentence.end);
    if (
      /\b(?:license|warranty|insurance|policy|policies|patent|lease|guarantee)\b[^.]{0,40}\b(?:shall|will)\s+(?:automatically\s+)?(?:renew|extend|continue)/.test(
        lower,
      ) &&
      !/\bagreement\b|\bterm\b/.test(lower)
    )
      continue;
    // The agreement (or its term) must be what renews, not a "Support Period" or a licence. "It" at the start
    // of the sentence counts when the sentence before is about the agreement.
    if (
      !/\b(?:agreement|term|contract|arrangement)\b/.test(
        view.lower.slice(sentence.start, m.index + m[0].length),
      ) &&
      !(
        /^\s*it\s+(?:is|shall|will)\b/.test(view.lower.slice(sentence.start, m.index)) &&
        sentence.start > 1 &&
        /\b(?:agreement|contract)\b/.test(
          view.lower.slice(view.sentenceAt(sentence.start - 2, 600).start, sentence.start),
        )
      )
    )
      continue;
    if (NOT_AUTO.test(lower) && !/automatic/.test(lower)) {
      optionSentence ??= sentence;
      continue;
    }
    if (!(EVERGREEN.test(lower) || UNLESS_NOTICE.test(lower))) continue;
    const kind = /automatic|auto-?renew/.test(lower)
      ? 'automatic'
      : /evergreen/.test(lower)
        ? 'evergreen'
        : /non-?\s?renewal|unless/.test(lower)
          ? 'unless_notice'
          : 'continues';
    out.push({
      ...sentence,
      rank: out.length,
      automatic: true,
      kind,
      prior: /automatic|evergreen/.test(lower) ? 0.9 : 0.75,
      evidence: [view.span(sentence.start, sentence.end)],
      renewalTerm: renewalDuration(doc, sentence.start, sentence.end, m.index),
      indefiniteRenewal: false,
      notice: noticeDuration(doc, sentence.start, sentence.end),
    });
    if (out.length >= MAX_READINGS) break;
  }
  if (!optionSentence) {
    for (const m of view.flat.matchAll(OPTION_RENEW)) {
      const sentence = view.sentenceAt(m.index + 1, 1000);
      const lower = view.lower.slice(sentence.start, sentence.end);
      if (
        !/\b(?:agreement|term|franchise|contract)\b/.test(lower) ||
        /\b(?:license|warranty|insurance|policy|lease)\b[^.]{0,30}\b(?:renew|extend)/.test(lower)
      )
        continue;
      if (!renewalDuration(doc, sentence.start, sentence.end, m.index)) continue;
      optionSentence = sentence;
      break;
    }
  }
  if (optionSentence) {
    out.push({
      ...optionSentence,
      rank: out.length,
      automatic: false,
      kind: 'option',
      prior: 0.6,
      evidence: [view.span(optionSentence.start, optionSentence.end)],
      renewalTerm: renewalDuration(
        doc,
        optionSentence.start,
        optionSentence.end,
        optionSentence.start,
      ),
      indefiniteRenewal: false,
      notice: null,
    });
  }
  return out;
}

function renewalDuration(
  doc: ContractDocument,
  start: number,
  end: number,
  cueAt: number,
): FoundDuration | null {
  const view = doc.view;
  const lower = view.lower.slice(start, end);
  const candidates = findDurations(view.flat.slice(start, end), start).filter((d) => {
    const after = view.lower.slice(d.end, d.end + 40);
    const before = view.lower.slice(Math.max(0, d.start - 40), d.start);
    if (
      /^\s*(?:'|')?s?\s*(?:prior|advance|written|notice|before|in\s+advance|after|following|of\s+(?:the\s+)?(?:expiration|end))/.test(
        after,
      )
    )
      return false;
    if (/\b(?:within|least|than|notice)\s*$/.test(before)) return false;
    return d.start >= cueAt - 200;
  });
  const tagged = candidates.find(
    (d) =>
      /(?:successive|additional|renewal|consecutive|further|subsequent|extension|like)\s*$/.test(
        view.lower.slice(Math.max(0, d.start - 30), d.start),
      ) ||
      /^\s*(?:renewal|extension|successive|additional)/.test(view.lower.slice(d.end, d.end + 20)),
  );
  if (tagged) return tagged;
  const ytoy =
    /\b(year|month)[\s-]+to[\s-]+(?:year|month)\b|\b(annual|yearly|monthly)\s+(?:basis|renewals?|periods?|terms?)\b|\b(?:each|every)\s+(year|month)\s+thereafter\b|\b(?:renew(?:ed|s)?|extend(?:ed|s)?)\s+(?:tacitly\s+|automatically\s+)?(?:every|each)\s+(year|month)\b/.exec(
      lower,
    );
  if (ytoy) {
    const unitWord = ytoy[1] ?? ytoy[2] ?? ytoy[3] ?? ytoy[4] ?? 'year';
    const unit = /month/.test(unitWord) ? 'M' : 'Y';
    return oneUnit(unit, start + ytoy.index, ytoy[0]);
  }
  return candidates.filter((d) => d.start > cueAt)[0] ?? null;
}

function noticeDuration(doc: ContractDocument, start: number, end: number): FoundDuration | null {
  const view = doc.view;
  // The renewal sentence and the one after it often carry the notice ("Either party may give notice of non-renewal ...").
  const next = view.sentenceAt(Math.min(view.flat.length - 1, end + 2), 800);
  const windowEnd = Math.max(end, next.end);
  for (const d of findDurations(view.flat.slice(start, windowEnd), start)) {
    if (d.unit === 'Y' && d.value > 1) continue;
    const after = view.lower.slice(d.end, d.end + 120);
    const before = view.lower.slice(Math.max(0, d.start - 80), d.start);
    const noticeAfter =
      /^\s*(?:'|')?s?\s*(?:\)\s*)?(?:prior|advance|written|notice|before|in\s+advance)/.test(
        after,
      ) &&
      /\b(?:expir|end\s+of|terminat|renew|conclusion|anniversary|then[\s-]current|initial\s+term|term)/.test(
        after,
      );
    const noticeBefore =
      /\b(?:notice|notify|notifies|notification)\b[^.]{0,40}\b(?:at\s+least|no\s+(?:less|later)\s+than|not\s+less\s+than|minimum\s+of|within|of)\s*$/.test(
        before,
      );
    if (noticeAfter || (noticeBefore && /\b(?:prior|before|preceding)\b/.test(after.slice(0, 80))))
      return d;
  }
  return null;
}
