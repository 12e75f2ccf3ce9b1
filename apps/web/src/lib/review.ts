import type {
  Contract,
  ReviewReason,
  TermCandidate,
  TermField,
  TextSettableField,
} from '../api/types';
import { TERM_FIELDS } from '../api/types';
import { t, tDynamic } from '../i18n';
import { formatPercent } from './format';

/** The fields that can be set from text selected in the document (POST /v1/contracts/:id/terms-from-text). */
export const TEXT_SETTABLE_FIELDS = [
  'noticePeriod',
  'expirationDate',
  'effectiveDate',
  'renewalTerm',
  'initialTerm',
  'agreementDate',
  'contractValue',
  'governingLaw',
  'title',
  'paymentTerms',
] as const satisfies readonly TextSettableField[];
// Compile-time: a field the API accepts that the list above misses fails the build.
type MissingSettable = Exclude<TextSettableField, (typeof TEXT_SETTABLE_FIELDS)[number]>;
export const NO_MISSING_SETTABLE: MissingSettable extends never ? true : never = true;

const KNOWN_CODES = [
  'low_confidence',
  'no_notice_deadline',
  'unsupported_language',
  'ocr_text',
  'no_parties',
] as const;

export function isTermField(field: string | null | undefined): field is TermField {
  return !!field && (TERM_FIELDS as readonly string[]).includes(field);
}

export function isTextSettable(field: string | null | undefined): field is TextSettableField {
  return !!field && (TEXT_SETTABLE_FIELDS as readonly string[]).includes(field);
}

/** A term's label in running text ("notice period"). */
export function fieldLabel(field: TermField): string {
  return tDynamic(`terms.${field}`).toLocaleLowerCase();
}

/** A review reason in the user's language (the API's message is English; unknown codes keep it). */
export function reasonText(
  reason: ReviewReason,
  contract: Pick<Contract, 'confidence' | 'language'>,
): string {
  const code = (KNOWN_CODES as readonly string[]).includes(reason.code) ? reason.code : null;
  if (!code) return reason.message;
  const field = isTermField(reason.field) ? tDynamic(`terms.${reason.field}`) : '';
  const confidence = reason.field ? contract.confidence[reason.field] : undefined;
  return tDynamic(`review.reasons.${code}`, {
    field,
    confidence: confidence === undefined ? '' : formatPercent(confidence),
    language: contract.language ?? '',
  });
}

/** The fields a contract's review reasons name, in the order of the terms list. */
export function fieldsInReview(contract: Pick<Contract, 'reviewReasons'>): TermField[] {
  const named = new Set(contract.reviewReasons.map((r) => r.field));
  return TERM_FIELDS.filter((f) => named.has(f));
}

/** The top candidates of a field (at most `n`), most probable first. */
export function topCandidates(
  contract: Pick<Contract, 'candidates'>,
  field: TermField,
  n = 3,
): TermCandidate[] {
  return (contract.candidates?.[field] ?? []).slice(0, n);
}

/** The quick "Set as …" choices for a selection: the fields in review first, then the deadline terms. */
export function quickSetFields(contract: Pick<Contract, 'reviewReasons'>): TextSettableField[] {
  const inReview = fieldsInReview(contract).filter(isTextSettable);
  const picks: TextSettableField[] = [...inReview];
  for (const f of ['noticePeriod', 'expirationDate'] as const)
    if (!picks.includes(f)) picks.push(f);
  return picks.slice(0, 4);
}

/**
 * What keeps a portfolio from being "every contract has been checked" beside the review queue: a read contract
 * that renews automatically without a notice deadline, or that neither renews, nor is open-ended, nor has an
 * end date (so no deadline at all); a contract still being read, or one that could not be read.
 */
export function uncheckedSummary(
  contracts: readonly Pick<Contract, 'status' | 'terms' | 'deadlines'>[],
): { missingNotice: number; missingEnd: number; processing: number; failed: number } {
  let missingNotice = 0;
  let missingEnd = 0;
  let processing = 0;
  let failed = 0;
  for (const c of contracts) {
    if (c.status === 'processing') processing++;
    else if (c.status === 'failed') failed++;
    else if (c.status !== 'parsed') continue;
    else if (c.terms.autoRenewal === true) {
      if (!c.deadlines.noticeDeadline) missingNotice++;
    } else if (c.terms.perpetual !== true && !c.deadlines.expirationDate && !c.terms.expirationDate)
      missingEnd++;
  }
  return { missingNotice, missingEnd, processing, failed };
}

/** "62 % sure" for a candidate. */
export function candidateConfidence(c: TermCandidate): string {
  return t('review.confidence', { percent: formatPercent(c.confidence) });
}
