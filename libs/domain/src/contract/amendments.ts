import { compareDates, isValidIsoDate } from './calendar-date';
import type {
  ContractTerms,
  EvidenceSpan,
  IsoDate,
  TermEvidence,
  TermField,
} from './contract-terms.types';
import { computeDeadlines } from './deadlines';

/**
 * The terms an amendment can change in its master. Not the master's identity (title, parties) nor its own
 * dates of signature and start: an amendment's effectiveDate is when the amendment takes effect.
 */
export const AMENDABLE_FIELDS = [
  'expirationDate',
  'perpetual',
  'initialTerm',
  'autoRenewal',
  'renewalTerm',
  'noticePeriod',
  'governingLaw',
  'terminationForConvenience',
  'contractValue',
  'paymentTerms',
] as const satisfies readonly TermField[];
export type AmendableField = (typeof AMENDABLE_FIELDS)[number];

/** An amendment as the rule reads it: its own terms in force (extracted, overridden by a person) and evidence. */
export interface AmendmentInput {
  id: string;
  title: string | null;
  terms: ContractTerms;
  evidence: TermEvidence;
  /** Tie-break for amendments with the same (or no) effective date: the order they came into the bank. */
  createdAt: string;
}

/** One term an amendment changes: the value before it, the value after, and the sentence it came from. */
export interface AmendmentChange {
  field: AmendableField;
  from: unknown;
  to: unknown;
  evidence: EvidenceSpan[];
}

export interface AppliedAmendment {
  id: string;
  title: string | null;
  /** When the amendment takes effect: its effectiveDate, else its agreementDate, else unknown (null). */
  effectiveDate: IsoDate | null;
  /** False while it takes effect only after the current term of the master has ended (a later term). */
  inForce: boolean;
  changes: AmendmentChange[];
}

export interface TermsInForce {
  terms: ContractTerms;
  /** Every amendment, in the order it applies (effective date, then arrival). */
  amendments: AppliedAmendment[];
}

/** When an amendment takes effect: its effective date, else the date it was signed, else unknown. */
export function amendmentEffectiveDate(
  terms: Pick<ContractTerms, 'effectiveDate' | 'agreementDate'>,
) {
  if (isValidIsoDate(terms.effectiveDate)) return terms.effectiveDate;
  if (isValidIsoDate(terms.agreementDate)) return terms.agreementDate;
  return null;
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * The master's terms in force: its own, overridden field by field by each amendment from that amendment's
 * effective date, in date order (undated amendments last, in the order they arrived). Rules:
 * - an amendment changes a field when it states a value (not null) that differs from the one in force;
 * - a new term length (initialTerm) without a new end date replaces the old end date: the term is then
 *   counted from the master's start (a stated expirationDate that disagrees would otherwise win);
 * - an amendment is in force when it has no date, when its date is today or earlier, or when its date falls
 *   within the master's current term as amended so far (it then governs that term's notice deadline and
 *   renewal); one that takes effect only after the current term has ended is listed with inForce false and
 *   changes nothing yet.
 * Pure: the same inputs always give the same terms, so deadlines and alerts follow them.
 */
export function termsInForce(
  master: ContractTerms,
  amendments: readonly AmendmentInput[],
  today: IsoDate,
): TermsInForce {
  const ordered = [...amendments]
    .map((a) => ({ a, date: amendmentEffectiveDate(a.terms) }))
    .sort((x, y) => {
      if (x.date && y.date) {
        const byDate = compareDates(x.date, y.date);
        if (byDate) return byDate;
      } else if (x.date || y.date) {
        return x.date ? -1 : 1;
      }
      return x.a.createdAt.localeCompare(y.a.createdAt) || x.a.id.localeCompare(y.a.id);
    });
  let current: ContractTerms = { ...master };
  const applied: AppliedAmendment[] = [];
  for (const { a, date } of ordered) {
    const changes: AmendmentChange[] = [];
    for (const field of AMENDABLE_FIELDS) {
      const to = a.terms[field];
      if (to === null || to === undefined) continue;
      if (sameValue(current[field], to)) continue;
      changes.push({ field, from: current[field], to, evidence: a.evidence[field] ?? [] });
    }
    let inForce = true;
    if (date && compareDates(date, today) > 0) {
      const termEnd = computeDeadlines(current, today).currentTermEnd;
      inForce = termEnd !== null && compareDates(date, termEnd) <= 0;
    }
    if (inForce && changes.length) {
      const next: ContractTerms = { ...current };
      for (const c of changes) (next as unknown as Record<string, unknown>)[c.field] = c.to;
      const newLength = changes.some((c) => c.field === 'initialTerm');
      const newEnd = changes.some((c) => c.field === 'expirationDate');
      if (newLength && !newEnd) next.expirationDate = null;
      current = next;
    }
    applied.push({ id: a.id, title: a.title, effectiveDate: date, inForce, changes });
  }
  return { terms: current, amendments: applied };
}

/** Why a parent link is refused, or null when it is allowed. */
export function parentLinkError(
  contractId: string,
  parentId: string,
  /** The parent and its ancestors (the parent's parent, and so on), as ids. */
  parentAncestry: readonly string[],
): string | null {
  if (parentId === contractId) return 'a contract cannot amend itself';
  if (parentAncestry.includes(contractId))
    return 'the parent is itself an amendment of this contract (the link would make a cycle)';
  return null;
}

/** A document that calls itself an amendment: the sentence, and the agreement it names. */
export interface AmendmentReference {
  /** The agreement the document amends, as it names it ("Master Services Agreement"). */
  agreementTitle: string;
  /** The sentence that says so, and where it is in the document text. */
  sentence: string;
  start: number;
  end: number;
}

// "Amendment No. 2 to the Master Services Agreement", "First Addendum to the Supply Agreement dated ...",
// "amends the Distribution Agreement"; Finnish "muutos ... sopimukseen", Swedish "tillägg till ...avtalet".
const REFERENCE_PATTERNS: RegExp[] = [
  /\b(?:amendment|addendum|amending agreement|supplement)(?:\s+(?:no\.?|number)\s*\w+)?\s+(?:to|of)\s+(?:the\s+|that\s+certain\s+)?((?:[A-Z][\w&'’-]*\s+){0,6}?(?:Agreement|Contract))\b/i,
  /\bamends?\s+(?:the\s+|that\s+certain\s+)?((?:[A-Z][\w&'’-]*\s+){0,6}?(?:Agreement|Contract))\b/,
  /\b(?:muutos|lisäys)\w*\s+(?:\S+\s+){0,3}?(\p{L}*sopimu\p{L}*)/iu,
  /\b(?:tillägg|ändring)\w*\s+(?:nr\s*\d+\s+)?till\s+(?:\S+\s+){0,3}?(\p{L}*avtal\p{L}*)/iu,
];

/**
 * Whether a document says, near its start, that it amends another agreement. Looks at the first 4,000
 * characters only (the heading and recitals): a master agreement that merely mentions future amendments in
 * its body is not an amendment.
 */
export function findAmendmentReference(text: string | null): AmendmentReference | null {
  if (!text) return null;
  const head = text.slice(0, 4000);
  for (const pattern of REFERENCE_PATTERNS) {
    const m = pattern.exec(head);
    if (!m || m.index === undefined) continue;
    const title = m[1]?.trim().replace(/\s+/g, ' ');
    if (!title || /^(?:this|the)\s/i.test(title)) continue;
    const start = Math.max(
      head.lastIndexOf('.', m.index) + 1,
      head.lastIndexOf('\n\n', m.index) + 1,
      0,
    );
    const stop = head.slice(m.index + m[0].length).search(/[.\n]/);
    const end = stop < 0 ? head.length : m.index + m[0].length + stop + 1;
    return {
      agreementTitle: title,
      sentence: head.slice(start, end).replace(/\s+/g, ' ').trim(),
      start,
      end,
    };
  }
  return null;
}

const STOP = new Set([
  'the',
  'and',
  'of',
  'a',
  'an',
  'to',
  'this',
  'that',
  'agreement',
  'contract',
]);
const CORPORATE =
  /\b(?:inc|ltd|llc|oy|oyj|ab|abp|as|gmbh|corp|corporation|company|co|plc|limited)\b\.?/g;

function words(s: string | null, stop: Set<string>): Set<string> {
  return new Set(
    (s ?? '')
      .toLowerCase()
      .replace(CORPORATE, ' ')
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1 && !stop.has(w)),
  );
}

function normalParty(name: string): string {
  return [...words(name, new Set())].sort().join(' ');
}

/**
 * Whether a contract in the bank is the agreement an amendment refers to: the same parties (every party the
 * amendment names that the master names too, at least one, and no party the master does not know when both
 * name two or more), and a title that shares the distinctive words of the referenced title.
 */
export function isLikelyMaster(
  amendment: { parties: readonly { name: string }[]; reference: AmendmentReference },
  candidate: { title: string | null; parties: readonly { name: string }[] },
): boolean {
  const a = amendment.parties.map((p) => normalParty(p.name)).filter(Boolean);
  const m = new Set(candidate.parties.map((p) => normalParty(p.name)).filter(Boolean));
  if (a.length === 0 || m.size === 0) return false;
  const shared = a.filter((p) => m.has(p)).length;
  if (shared === 0) return false;
  if (a.length >= 2 && m.size >= 2 && shared < Math.min(a.length, m.size)) return false;
  const wanted = words(amendment.reference.agreementTitle, STOP);
  const have = words(candidate.title, STOP);
  if (wanted.size === 0) return /agreement|contract/i.test(candidate.title ?? '');
  return [...wanted].every((w) => have.has(w));
}
