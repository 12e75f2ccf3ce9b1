import { amendmentEffectiveDate, decisionFor, mergeTerms } from '@cb/domain';
import type { ContractListQuery, ContractsRepository, DecisionsRepository } from '@cb/persistence';
import { DEFAULT_PAGE_SIZE, asPage } from '../common/paging';
import type { ContractRecord } from './contract-record';

export type ListContractsQuery = Omit<ContractListQuery, 'limit' | 'ownerId' | 'withEvidence'> & {
  limit?: number;
  /** A user id, or `me`: the contracts that user (the caller) owns. */
  owner?: string;
};

/** The value of the owner filter that means the caller ("my contracts"). */
export const OWNER_ME = 'me';

/** What a list page reads beyond the summaries (`expand`). */
export interface ListContractsParts {
  evidence?: boolean;
  obligations?: boolean;
}

/**
 * A page of the tenant's contracts (search, filters, sort) as summaries with their direct amendments; evidence,
 * candidates and obligations only when asked for. Reads: the page, and the amendments or obligations only when
 * some row has any or they were asked for. `callerId` is the user asking (for an API key, the user who created
 * it), which `owner=me` stands for.
 */
export class ListContracts {
  constructor(
    private readonly contracts: ContractsRepository,
    private readonly decisions: DecisionsRepository,
  ) {}

  async execute(
    tenantId: string,
    query: ListContractsQuery,
    callerId: string,
    parts: ListContractsParts = {},
  ): Promise<{ data: ContractRecord[]; nextCursor: string | null }> {
    const { owner, ...filters } = query;
    const ownerId = owner === OWNER_ME ? callerId : owner;
    const { rows, nextCursor, hits, withAmendments } = await asPage(
      this.contracts.list(tenantId, {
        ...filters,
        ...(owner !== undefined ? { ownerId } : {}),
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
    // Only a contract with a current notice deadline can have a decision for it: no read otherwise.
    const decidable = rows.filter((r) => r.decisionDeadline).map((r) => r.id);
    const decisions =
      decidable.length > 0 ? await this.decisions.forContracts(tenantId, decidable) : [];
    return {
      data: rows.map((contract) => ({
        contract,
        decision: decisionFor(
          decisions.filter((d) => d.contractId === contract.id),
          contract.decisionDeadline,
        ),
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
