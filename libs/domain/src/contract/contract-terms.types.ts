/** A calendar date `YYYY-MM-DD` (no time of day, no time zone). */
export type IsoDate = string;
/** An ISO 8601 duration such as `P30D`, `P3M`, `P1Y`, `P2W`. */
export type IsoDuration = string;

/** Money in major units as a decimal number, currency ISO 4217. */
export interface Money {
  amount: number;
  currency: string;
}

export interface Party {
  name: string;
  role: string | null;
}

/** A span of the extracted document text that supports a value. */
export interface EvidenceSpan {
  /** 1-based page number. */
  page: number;
  /** Offsets into the whole extracted text of the document (UTF-16 units). */
  start: number;
  end: number;
  text: string;
}

export const TERM_FIELDS = [
  'title',
  'parties',
  'agreementDate',
  'effectiveDate',
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
] as const;

export type TermField = (typeof TERM_FIELDS)[number];

export interface ContractTerms {
  title: string | null;
  parties: Party[];
  agreementDate: IsoDate | null;
  effectiveDate: IsoDate | null;
  expirationDate: IsoDate | null;
  perpetual: boolean | null;
  initialTerm: IsoDuration | null;
  autoRenewal: boolean | null;
  renewalTerm: IsoDuration | null;
  noticePeriod: IsoDuration | null;
  governingLaw: string | null;
  terminationForConvenience: boolean | null;
  contractValue: Money | null;
  paymentTerms: string | null;
}

export type TermEvidence = Partial<Record<TermField, EvidenceSpan[]>>;
export type TermConfidence = Partial<Record<TermField, number>>;
export type TermSource = 'extracted' | 'user';
export type TermSources = Partial<Record<TermField, TermSource>>;

export const OBLIGATION_KINDS = [
  'payment',
  'delivery',
  'reporting',
  'insurance',
  'audit',
  'confidentiality',
  'other',
] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

export interface ExtractedObligation {
  party: string | null;
  kind: ObligationKind;
  text: string;
  dueDate: IsoDate | null;
  /** ISO duration of the repeat interval, e.g. `P3M` for quarterly. */
  recurrence: IsoDuration | null;
  evidence: EvidenceSpan[];
}

export function emptyTerms(): ContractTerms {
  return {
    title: null,
    parties: [],
    agreementDate: null,
    effectiveDate: null,
    expirationDate: null,
    perpetual: null,
    initialTerm: null,
    autoRenewal: null,
    renewalTerm: null,
    noticePeriod: null,
    governingLaw: null,
    terminationForConvenience: null,
    contractValue: null,
    paymentTerms: null,
  };
}
