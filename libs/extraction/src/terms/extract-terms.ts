import { emptyTerms, type TermConfidence, type TermEvidence, type TermField } from '@cb/domain';
import type { TermsResult } from '../extraction.types';
import { findDatesAndTerm } from './dates-and-term.util';
import { findGoverningLaw } from './governing-law.util';
import { findMoney } from './money.util';
import { findObligations } from './obligations.util';
import { findParties } from './parties.util';
import { TextView } from './text-view.util';
import { findTerminationForConvenience } from './termination.util';
import { findTitle } from './title.util';

interface Found<T> {
  value: T;
  confidence: number;
  evidence: TermEvidence[TermField];
}

/**
 * Reads contract terms, their evidence and obligations from extracted text. `pageStarts` (offsets where each
 * page begins) lets every evidence span name its page. Fields the text does not state stay null.
 */
export function extractTermsFromText(text: string, pageStarts: number[] = [0]): TermsResult {
  const view = new TextView(text, pageStarts.length > 0 ? pageStarts : [0]);
  const terms = emptyTerms();
  const evidence: TermEvidence = {};
  const confidence: TermConfidence = {};
  const set = <K extends TermField>(
    field: K,
    found: Found<unknown> | null,
    apply: () => void,
  ): void => {
    if (!found) return;
    apply();
    evidence[field] = found.evidence ?? [];
    confidence[field] = Math.round(found.confidence * 100) / 100;
  };

  const title = findTitle(view);
  set('title', title, () => (terms.title = title!.value));
  const parties = findParties(view);
  set(
    'parties',
    parties
      ? { value: parties.parties, confidence: parties.confidence, evidence: parties.evidence }
      : null,
    () => (terms.parties = parties!.parties),
  );

  const d = findDatesAndTerm(view);
  set('agreementDate', d.agreementDate, () => (terms.agreementDate = d.agreementDate!.value));
  set('effectiveDate', d.effectiveDate, () => (terms.effectiveDate = d.effectiveDate!.value));
  set('initialTerm', d.initialTerm, () => (terms.initialTerm = d.initialTerm!.value));
  set('expirationDate', d.expirationDate, () => (terms.expirationDate = d.expirationDate!.value));
  set('autoRenewal', d.autoRenewal, () => (terms.autoRenewal = d.autoRenewal!.value));
  set('renewalTerm', d.renewalTerm, () => (terms.renewalTerm = d.renewalTerm!.value));
  set('noticePeriod', d.noticePeriod, () => (terms.noticePeriod = d.noticePeriod!.value));
  // Perpetual only when nothing fixes an end: an explicit or computed expiration date, or an initial term.
  const perpetual =
    d.perpetual && d.perpetual.value && (terms.expirationDate || terms.initialTerm)
      ? null
      : d.perpetual;
  set('perpetual', perpetual, () => (terms.perpetual = perpetual!.value));

  const law = findGoverningLaw(view);
  set('governingLaw', law, () => (terms.governingLaw = law!.value));
  const tfc = findTerminationForConvenience(view);
  set('terminationForConvenience', tfc, () => (terms.terminationForConvenience = tfc!.value));
  const money = findMoney(view);
  set(
    'contractValue',
    money.contractValue,
    () => (terms.contractValue = money.contractValue!.value),
  );
  set('paymentTerms', money.paymentTerms, () => (terms.paymentTerms = money.paymentTerms!.value));

  const obligations = findObligations(view, terms.parties, parties?.labels ?? []);
  return { terms, evidence, confidence, obligations };
}
