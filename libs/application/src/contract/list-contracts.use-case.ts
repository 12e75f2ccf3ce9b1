import { amendmentEffectiveDate, mergeTerms } from '@cb/domain';
import type { ContractListQuery, ContractsRepository } from '@cb/persistence';
import { DEFAULT_PAGE_SIZE, asPage } from '../common/paging';
import type { ContractRecord } from './contract-record';

export type ListContractsQuery = Omit<ContractListQuery, 'limit' | 'ownerId'> & {
  limit?: number;
  /** A user id, or `me`: the contracts that user (the caller) owns. */
  owner?: string;
};

/** The value of the owner filter that means the caller ("my contracts"). */
export const OWNER_ME = 'me';

/**
 * A page of the tenant's contracts (search, filters, sort), each with its obligations and amendments.
 * `callerId` is the user asking (for an API key, the user who created it), which `owner=me` stands for.
 */
export class ListContracts {
  constructor(private readonly contracts: ContractsRepository) {}

  async execute(
    tenantId: string,
    query: ListContractsQuery,
    callerId: string,
  ): Promise<{ data: ContractRecord[]; nextCursor: string | null }> {
    const { owner, ...filters } = query;
    const ownerId = owner === OWNER_ME ? callerId : owner;
    const { rows, nextCursor } = await asPage(
      this.contracts.list(tenantId, {
        ...filters,
        ...(owner !== undefined ? { ownerId } : {}),
        limit: query.limit ?? DEFAULT_PAGE_SIZE,
      }),
    );
    const obligations = await this.contracts.obligationsFor(
      tenantId,
      rows.map((r) => r.id),
    );
    const amendments = await this.contracts.amendmentsOf(
      tenantId,
      rows.map((r) => r.id),
    );
    return {
      data: rows.map((contract) => ({
        contract,
        obligations: obligations.filter((o) => o.contractId === contract.id),
        amendments: amendments
          .filter((a) => a.parentId === contract.id)
          .map((a) => ({
            id: a.id,
            title: a.title ?? a.extractedTerms?.title ?? a.fileName,
            effectiveDate: amendmentEffectiveDate(mergeTerms(a.extractedTerms, a.userTerms)),
          })),
      })),
      nextCursor,
    };
  }
}
