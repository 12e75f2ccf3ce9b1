import type { FieldError } from '../common/domain.error';
import { isValidIsoDate, isZeroDuration, parseIsoDuration } from './calendar-date';
import {
  TERM_FIELDS,
  emptyTerms,
  type ContractTerms,
  type TermEvidence,
  type TermField,
  type TermSources,
} from './contract-terms.types';

/** The terms a person sees: what was extracted, overridden field by field by what a person set. */
export function mergeTerms(
  extracted: ContractTerms | null,
  user: Partial<ContractTerms>,
): ContractTerms {
  return { ...emptyTerms(), ...(extracted ?? {}), ...user };
}

export function termSources(
  extracted: ContractTerms | null,
  user: Partial<ContractTerms>,
): TermSources {
  const sources: TermSources = {};
  for (const field of TERM_FIELDS) {
    if (field in user) sources[field] = 'user';
    else if (extracted) sources[field] = 'extracted';
  }
  return sources;
}

/**
 * The evidence after a (re)parse: the engine's spans, except for the fields a person set. A person's field
 * keeps the span it had (the sentence they selected, or the candidate they picked); when it had none, the
 * engine's span is kept only if the engine read the same value, because a span for another value would seem
 * to back a value it does not say.
 */
export function evidenceAfterParse(
  extracted: { terms: ContractTerms; evidence: TermEvidence },
  user: Partial<ContractTerms>,
  previous: TermEvidence,
): TermEvidence {
  const evidence: TermEvidence = { ...extracted.evidence };
  for (const field of TERM_FIELDS) {
    if (!(field in user)) continue;
    const kept = previous[field];
    if (kept && kept.length > 0) evidence[field] = kept;
    else if (!sameValue(extracted.terms[field], user[field])) delete evidence[field];
  }
  return evidence;
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (!sameValue((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]))
      return false;
  }
  return true;
}

const ISO_CURRENCY = /^[A-Z]{3}$/;

/**
 * Validates a person's corrections (`PATCH terms`): every field must be a known term with a value of
 * its type, or null ("the contract does not say"). Returns the clean patch or the field errors.
 */
export function validateTermsPatch(input: unknown): {
  patch: Partial<ContractTerms>;
  errors: FieldError[];
} {
  const errors: FieldError[] = [];
  const patch: Partial<Record<TermField, unknown>> = {};
  if (input === null || typeof input !== 'object' || Array.isArray(input)) {
    return { patch: {}, errors: [{ field: 'terms', message: 'must be an object of term fields' }] };
  }
  for (const [field, value] of Object.entries(input as Record<string, unknown>)) {
    const at = `terms.${field}`;
    if (!(TERM_FIELDS as readonly string[]).includes(field)) {
      errors.push({ field: at, message: 'is not a known term field' });
      continue;
    }
    const f = field as TermField;
    if (value === null) {
      patch[f] = f === 'parties' ? [] : null;
      continue;
    }
    const bad = (message: string) => errors.push({ field: at, message });
    switch (f) {
      case 'title':
      case 'governingLaw':
      case 'paymentTerms':
        if (typeof value !== 'string' || !value.trim() || value.length > 500)
          bad('must be a non-empty string of at most 500 characters');
        else patch[f] = value.trim();
        break;
      case 'agreementDate':
      case 'effectiveDate':
      case 'expirationDate':
        if (typeof value !== 'string' || !isValidIsoDate(value))
          bad('must be a calendar date YYYY-MM-DD');
        else patch[f] = value;
        break;
      case 'initialTerm':
      case 'renewalTerm':
      case 'noticePeriod':
        if (typeof value !== 'string' || !isPositiveDuration(value))
          bad('must be an ISO 8601 duration such as P90D, P3M or P1Y');
        else patch[f] = value.toUpperCase();
        break;
      case 'perpetual':
      case 'autoRenewal':
      case 'terminationForConvenience':
        if (typeof value !== 'boolean') bad('must be true or false');
        else patch[f] = value;
        break;
      case 'parties':
        if (
          !Array.isArray(value) ||
          value.length > 20 ||
          !value.every(
            (p) =>
              p &&
              typeof p === 'object' &&
              typeof (p as { name?: unknown }).name === 'string' &&
              (p as { name: string }).name.trim().length > 0 &&
              (p as { name: string }).name.length <= 300 &&
              ((p as { role?: unknown }).role === undefined ||
                (p as { role?: unknown }).role === null ||
                (typeof (p as { role?: unknown }).role === 'string' &&
                  (p as { role: string }).role.length <= 100)),
          )
        ) {
          bad('must be a list of { name, role } with a non-empty name');
        } else {
          patch[f] = (value as { name: string; role?: string | null }[]).map((p) => ({
            name: p.name.trim(),
            role: p.role?.trim() || null,
          }));
        }
        break;
      case 'contractValue': {
        const v = value as { amount?: unknown; currency?: unknown };
        if (
          typeof v !== 'object' ||
          typeof v.amount !== 'number' ||
          !Number.isFinite(v.amount) ||
          v.amount < 0 ||
          typeof v.currency !== 'string' ||
          !ISO_CURRENCY.test(v.currency)
        ) {
          bad('must be { amount: a non-negative number, currency: an ISO 4217 code such as EUR }');
        } else {
          patch[f] = { amount: v.amount, currency: v.currency };
        }
        break;
      }
      default: {
        const never: never = f;
        bad(`unsupported field ${String(never)}`);
      }
    }
  }
  return { patch: patch as Partial<ContractTerms>, errors };
}

function isPositiveDuration(value: string): boolean {
  const d = parseIsoDuration(value.toUpperCase());
  return d !== null && !isZeroDuration(d);
}
