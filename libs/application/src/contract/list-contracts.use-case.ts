import { amendmentEffectiveDate, decisionFor, mergeTerms } from '@cb/domain';
import type { ContractListQuery, ContractsRepository, DecisionsRepository } from '@cb/persistence';
import { DEFAULT_PAGE_SIZE, asPage } from '../common/paging';
import type { ContractRecord } from './contract-record';

export type ListContractsQuery = Omit<ContractListQuery, 'limit'> & { limit?: number };

/** A page of the tenant's contracts (search, filters, sort), each with its obligations and amendments. */
export class ListContracts {
  constructor(
    private readonly contracts: ContractsRepository,
    private readonly decisions: DecisionsRepository,
  ) {}

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
    const amendments = await this.contracts.amendmentsOf(
      tenantId,
      rows.map((r) => r.id),
    );
    const decisions = await this.decisions.forContracts(
      tenantId,
      rows.map((r) => r.id),
    );
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
      })),
      nextCursor,
    };
  }
}
