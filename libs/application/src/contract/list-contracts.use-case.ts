import { amendmentEffectiveDate, mergeTerms } from '@cb/domain';
import type { ContractListQuery, ContractsRepository } from '@cb/persistence';
import { DEFAULT_PAGE_SIZE, asPage } from '../common/paging';
import type { ContractRecord } from './contract-record';

export type ListContractsQuery = Omit<ContractListQuery, 'limit' | 'withEvidence'> & {
  limit?: number;
};

/** What a list page reads beyond the summaries (`expand`). */
export interface ListContractsParts {
  evidence?: boolean;
  obligations?: boolean;
}

/**
 * A page of the tenant's contracts (search, filters, sort) as summaries with their direct amendments; evidence,
 * candidates and obligations only when asked for. Reads: the page, and the amendments or obligations only when
 * some row has any or they were asked for.
 */
export class ListContracts {
  constructor(private readonly contracts: ContractsRepository) {}

  async execute(
    tenantId: string,
    query: ListContractsQuery,
    parts: ListContractsParts = {},
  ): Promise<{ data: ContractRecord[]; nextCursor: string | null }> {
    const { rows, nextCursor, hits, withAmendments } = await asPage(
      this.contracts.list(tenantId, {
        ...query,
        limit: query.limit ?? DEFAULT_PAGE_SIZE,
        withEvidence: parts.evidence ?? false,
      }),
    );
    const ids = rows.map((r) => r.id);
    const obligations = parts.obligations ? await this.contracts.obligationsFor(tenantId, ids) : [];
    const amendments =
      withAmendments.size > 0
        ? await this.contracts.amendmentsOf(tenantId, [...withAmendments])
        : [];
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
        ...(hits?.has(contract.id) ? { search: hits.get(contract.id) } : {}),
      })),
      nextCursor,
    };
  }
}
