import type { ContractListQuery, ContractsRepository } from '@cb/persistence';
import { DEFAULT_PAGE_SIZE, asPage } from '../common/paging';
import type { ContractRecord } from './contract-record';

export type ListContractsQuery = Omit<ContractListQuery, 'limit'> & { limit?: number };

/** A page of the tenant's contracts (search, filters, sort), each with its obligations. */
export class ListContracts {
  constructor(private readonly contracts: ContractsRepository) {}

  async execute(
    tenantId: string,
    query: ListContractsQuery,
  ): Promise<{ data: ContractRecord[]; nextCursor: string | null }> {
    const { rows, nextCursor } = await asPage(
      this.contracts.list(tenantId, { ...query, limit: query.limit ?? DEFAULT_PAGE_SIZE }),
    );
    const obligations = await this.contracts.obligationsFor(
      tenantId,
      rows.map((r) => r.id),
    );
    return {
      data: rows.map((contract) => ({
        contract,
        obligations: obligations.filter((o) => o.contractId === contract.id),
      })),
      nextCursor,
    };
  }
}
