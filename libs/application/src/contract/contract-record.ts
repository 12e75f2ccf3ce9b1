import type { ContractEntity, ObligationEntity } from '@cb/persistence';

/** A contract as the use cases hand it to an adapter: the row and its obligations (the API maps both). */
export interface ContractRecord {
  contract: ContractEntity;
  obligations: ObligationEntity[];
}
