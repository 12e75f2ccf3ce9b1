import type { EvidenceSpan, Party } from '@cb/domain';
import type { TextView } from '../../document/text-view';

/** A list of parties one rule found, with the defined-term labels they go by. */
export interface PartiesFinding {
  parties: Party[];
  /** The defined-term labels the parties go by ("Supplier", "Licensee"), with the party each one names. */
  labels: Array<{ label: string; name: string }>;
  confidence: number;
  evidence: EvidenceSpan[];
}

export interface FoundParty extends Party {
  label?: string;
  start: number;
  end: number;
}

export const ROLE_WORDS = new Set(
  [
    'company',
    'supplier',
    'distributor',
    'licensor',
    'licensee',
    'customer',
    'client',
    'consultant',
    'manufacturer',
    'franchisee',
    'franchisor',
    'reseller',
    'provider',
    'service provider',
    'vendor',
    'buyer',
    'seller',
    'purchaser',
    'agent',
    'sponsor',
    'contractor',
    'partner',
    'developer',
    'publisher',
    'owner',
    'operator',
    'lessor',
    'lessee',
    'landlord',
    'tenant',
    'employer',
    'employee',
    'executive',
    'investor',
    'lender',
    'borrower',
    'shipper',
    'carrier',
    'marketer',
    'affiliate',
    'promoter',
    'endorser',
    'talent',
    'host',
    'sub-advisor',
    'adviser',
    'advisor',
    'manager',
    'administrator',
    'servicer',
    'collaborator',
    'member',
    'producer',
    'representative',
    'sales agent',
    'recipient',
    'discloser',
    'university',
    'institution',
    'sublicensee',
    'sublicensor',
    'participant',
    'transporter',
    'hospital',
    'school',
    'bank',
    'trust',
    'fund',
    'guarantor',
    'principal',
    'dealer',
    'wholesaler',
    'retailer',
    'processor',
    'contract manufacturer',
    'cmo',
    'cro',
    'purchasing party',
    'selling party',
    'celebrity',
    'athlete',
    'artist',
  ].map((w) => w.toLowerCase()),
);
export const NOT_PARTY_TERMS =
  /^(?:the\s+)?(?:agreement|effective\s+date|parties|party|recitals?|territory|products?|services?|system|premises|property|term|commencement\s+date|closing|execution\s+date|original\s+agreement|amendment|plan|program|license|licensed\s+\w+|software|marks?|trademarks?|site|contract|letter|schedule|exhibit|work|project|fund|funds)$/i;
export const LEGAL_SUFFIX =
  /^(?:inc|incorporated|llc|l\.l\.c|ltd|limited|l\.p|lp|llp|l\.l\.p|corp|corporation|co|company|n\.a|s\.a|s\.a\.s|s\.r\.l|srl|gmbh|ag|plc|p\.l\.c|b\.v|n\.v|pty|pte|s\.p\.a|spa|kg|oy|ab|as|a\/s|sa|bv|nv|se|p\.c|pc|d\/b\/a|dba)\b\.?/i;
export const DEFINED_TERM =
  /\([^()"]{0,100}?"([^"]{1,60})"[^()]{0,100}?\)|\bhere(?:in)?after(?:\s+\w+)?(?:\s+(?:referred\s+to|called))?(?:\s+as)?\s+(?:the\s+)?"?([A-Z][\w&.' -]{1,40}?)"?(?=\s*[),;]|\s+-|\s+—|\s+and\b)/g;

/** A rule's list of parties with the spans they were named at. */
export function partiesFinding(
  view: TextView,
  found: Array<FoundParty & { label?: string }>,
  confidence: number,
  labels: PartiesFinding['labels'] = [],
): PartiesFinding {
  return {
    parties: found.map(({ name, role }) => ({ name, role })),
    labels,
    confidence,
    evidence: found.map((p) => view.span(p.start, p.end)),
  };
}
