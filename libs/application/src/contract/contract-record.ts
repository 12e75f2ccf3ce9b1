import type { AppliedAmendment, ContractTerms, IsoDate } from '@cb/domain';
import type {
  ContractEntity,
  ContractSearchHit,
  DecisionView,
  ObligationEntity,
} from '@cb/persistence';

/** An amendment as a list shows it under its master. */
export interface AmendmentSummary {
  id: string;
  title: string | null;
  effectiveDate: IsoDate | null;
}

/** A contract's family as its own page shows it (GET one): each amendment's changes and the terms in force. */
export interface ContractFamily {
  amendments: AppliedAmendment[];
  /** The master's terms overridden by its amendments (null for an amendment: its master has them). */
  termsInForce: ContractTerms | null;
  /** The master a parse proposes for a document that calls itself an amendment. */
  parentSuggestion: { id: string; title: string | null; sentence: string } | null;
}

/** A contract as the use cases hand it to an adapter: the row and its obligations (the API maps both). */
export interface ContractRecord {
  contract: ContractEntity;
  obligations: ObligationEntity[];
  /** Its amendments (a list page gives the direct ones; GET one gives the whole family with `family`). */
  amendments?: AmendmentSummary[];
  family?: ContractFamily;
  /** In a search's page: the row's rank and highlighted snippet. */
  search?: ContractSearchHit;
  /** The decision on the notice deadline decisions answer now (contract.decisionDeadline), or null. */
  decision?: DecisionView | null;
}
