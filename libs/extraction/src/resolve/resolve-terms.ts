import type { TermField } from '@cb/domain';
import type { ContractDocument } from '../document/contract-document';
import type { Finding, KnownTerms } from '../fields/field-extractor.types';
import { renewalReadings } from '../fields/renewal/renewal-clause';

/** A change the resolve stage made, and why (kept for the CLI and for tests). */
export interface Resolution {
  field: TermField;
  rule: string;
}

const AMENDMENT = /\b(?:amendment|addendum|muutos|lisäys|liite|ändring|tillägg)\w*/i;

/**
 * Rules that span fields, applied after every field has its value:
 * - a contract with a fixed end (an expiration date or an initial term) is not perpetual;
 * - an automatic renewal "for like periods" renews for the initial term's length; one that runs on into an
 *   indefinite term ("jatkuu tämän jälkeen toistaiseksi") has no renewal length of its own;
 * - a notice period belongs to a contract that renews or has no fixed end: in a fixed-term contract that
 *   simply expires, a termination notice period gives no notice deadline ("irtisanomisaika" of a
 *   framework agreement), so it is not the notice period of TERMS.md;
 * - an end date before the start date is a date of some other agreement (a master agreement quoted by an
 *   amendment, a prior term): it is dropped.
 * (expiration = start + initial term - 1 day is computed by the expiration extractor with
 * `expirationFromTerm`, so the scoring model can weigh it against an end date the clause states.)
 */
export function resolveTerms(doc: ContractDocument, known: KnownTerms): Resolution[] {
  const changes: Resolution[] = [];
  const drop = (field: TermField, rule: string) => {
    if (!known[field]) return;
    delete known[field];
    changes.push({ field, rule });
  };
  if (known.perpetual?.value === true && (known.expirationDate || known.initialTerm))
    drop('perpetual', 'fixed_end_is_not_perpetual');
  if (known.noticePeriod && known.autoRenewal?.value !== true && known.perpetual?.value !== true)
    drop('noticePeriod', 'no_renewal_no_notice_deadline');
  const start = known.effectiveDate?.value ?? known.agreementDate?.value ?? null;
  if (start && known.expirationDate && known.expirationDate.value < start) {
    const title = known.title?.value ?? '';
    drop(
      'expirationDate',
      AMENDMENT.test(title) ? 'amendment_quotes_earlier_end' : 'end_before_start',
    );
  }
  if (known.autoRenewal?.value === true) {
    const reading = renewalReadings(doc).find((r) => r.automatic);
    if (reading?.indefiniteRenewal && known.renewalTerm && !reading.renewalTerm)
      drop('renewalTerm', 'indefinite_renewal');
    if (
      !known.renewalTerm &&
      reading &&
      known.initialTerm &&
      /\b(?:like|same|similar|equal)\s+(?:periods?|terms?|duration)|samaksi\s+ajaksi|samanpituis\w*|lika\s+lång|samma\s+(?:period|tid)/i.test(
        doc.view.flat.slice(reading.start, reading.end),
      )
    ) {
      known.renewalTerm = {
        ...known.initialTerm,
        evidence: [...known.initialTerm.evidence, ...reading.evidence],
      } as Finding<string>;
      changes.push({ field: 'renewalTerm', rule: 'renews_for_like_periods' });
    }
  }
  return changes;
}
