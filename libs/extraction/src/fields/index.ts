import type { TermField } from '@cb/domain';
import { agreementDateExtractor } from './agreement-date.extractor';
import { autoRenewalExtractor } from './auto-renewal.extractor';
import { contractValueExtractor } from './contract-value.extractor';
import { effectiveDateExtractor } from './effective-date.extractor';
import { expirationDateExtractor } from './expiration-date.extractor';
import type { FieldExtractor } from './field-extractor.types';
import { governingLawExtractor } from './governing-law.extractor';
import { initialTermExtractor } from './initial-term.extractor';
import { noticePeriodExtractor } from './notice-period.extractor';
import { partiesExtractor } from './parties.extractor';
import { paymentTermsExtractor } from './payment-terms.extractor';
import { perpetualExtractor } from './perpetual.extractor';
import { renewalTermExtractor } from './renewal-term.extractor';
import { terminationForConvenienceExtractor } from './termination-for-convenience.extractor';
import { titleExtractor } from './title.extractor';

export * from './field-extractor.types';
export { findObligations } from './obligations.extractor';
export { partyLabels } from './parties.extractor';

/**
 * Every field's extractor, in an order where each comes after the fields it `requires` (checked by a spec).
 */
export const FIELD_EXTRACTORS: ReadonlyArray<FieldExtractor<TermField>> = [
  titleExtractor,
  partiesExtractor,
  agreementDateExtractor,
  effectiveDateExtractor,
  initialTermExtractor,
  expirationDateExtractor,
  perpetualExtractor,
  autoRenewalExtractor,
  renewalTermExtractor,
  noticePeriodExtractor,
  governingLawExtractor,
  terminationForConvenienceExtractor,
  contractValueExtractor,
  paymentTermsExtractor,
] as ReadonlyArray<FieldExtractor<TermField>>;
