import { NotFoundError, decisionFor, mergeTerms, termsInForce } from '@cb/domain';
import type { ContractsRepository, DecisionsRepository, TenantDb } from '@cb/persistence';
import type { TenantCalendar } from '../calendar/tenant-calendar.service';
import { amendmentInput } from './contract-family';
import type { ContractRecord } from './contract-record';

/**
 * One contract with its obligations and its family: a master's amendments, each with the terms it changes and
 * the sentence it came from, and the terms in force (termsInForce); another tenant's contract is "not found".
 */
export class GetContract {
  constructor(
    private readonly db: TenantDb,
    private readonly contracts: ContractsRepository,
    private readonly calendar: TenantCalendar,
    private readonly decisions: DecisionsRepository,
  ) {}

  execute(tenantId: string, id: string): Promise<ContractRecord> {
    return this.db.run(tenantId, async () => {
      const found = await this.contracts.getWithFamilyFlag(tenantId, id);
      if (!found) throw new NotFoundError('Contract');
      const { contract, hasAmendments } = found;
      const obligations = await this.contracts.obligations(tenantId, id);
      // A master without amendments has no family to read (most contracts).
      const family =
        contract.parentId || !hasAmendments ? [] : await this.contracts.descendants(tenantId, id);
      const inForce = contract.parentId
        ? null
        : termsInForce(
            mergeTerms(contract.extractedTerms, contract.userTerms),
            family.map(amendmentInput),
            await this.calendar.today(tenantId),
          );
      const suggested =
        contract.suggestedParentId && !contract.parentId && contract.parentSuggestion
          ? await this.contracts.get(tenantId, contract.suggestedParentId)
          : null;
      // Only a contract with a current notice deadline can have a decision for it: no read otherwise (as the list).
      const decision = contract.decisionDeadline
        ? decisionFor(await this.decisions.forContract(tenantId, id), contract.decisionDeadline)
        : null;
      return {
        contract,
        obligations,
        decision,
        amendments: (inForce?.amendments ?? []).map((a) => ({
          id: a.id,
          title: a.title,
          effectiveDate: a.effectiveDate,
        })),
        family: {
          amendments: inForce?.amendments ?? [],
          termsInForce: inForce?.terms ?? null,
          parentSuggestion:
            suggested && contract.parentSuggestion
              ? {
                  id: suggested.id,
                  title: suggested.title ?? suggested.fileName,
                  sentence: contract.parentSuggestion.sentence,
                }
              : null,
        },
      };
    });
  }
}
