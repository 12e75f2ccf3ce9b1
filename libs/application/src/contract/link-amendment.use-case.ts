import { NotFoundError, ValidationError, parentLinkError } from '@cb/domain';
import type { ContractsRepository, TenantDb } from '@cb/persistence';
import type { RecomputeDeadlines } from './recompute-deadlines.use-case';

export interface LinkAmendmentCommand {
  tenantId: string;
  contractId: string;
  /** The master agreement this contract amends, or null to make it standalone again. */
  parentId: string | null;
}

/**
 * Links a contract to its master agreement (or unlinks it), in the caller's transaction when there is one:
 * the parent must be a contract of the same tenant and the link may not make a cycle (the domain's
 * parentLinkError). The amendment's own deadlines are cleared and both families' masters recomputed from
 * their terms in force. Answers whether anything changed.
 */
export class LinkAmendment {
  constructor(
    private readonly db: TenantDb,
    private readonly contracts: ContractsRepository,
    private readonly recompute: RecomputeDeadlines,
  ) {}

  execute(cmd: LinkAmendmentCommand): Promise<boolean> {
    const { tenantId, contractId, parentId } = cmd;
    return this.db.run(tenantId, async () => {
      const contract = await this.contracts.lockForUpdate(tenantId, contractId);
      if (!contract) throw new NotFoundError('Contract');
      if (contract.parentId === parentId) return false;
      if (parentId) {
        const parent = await this.contracts.get(tenantId, parentId);
        const refuse = (message: string) =>
          new ValidationError('The master agreement cannot be linked', [
            { field: 'parentId', message },
          ]);
        if (!parent) throw refuse('is not a contract in this bank');
        const ancestry = [parentId, ...(await this.contracts.ancestry(tenantId, parentId))];
        const why = parentLinkError(contractId, parentId, ancestry);
        if (why) throw refuse(why);
      }
      const previousParent = contract.parentId;
      await this.recompute.execute(
        tenantId,
        contract,
        {},
        { parentId, suggestedParentId: null, parentSuggestion: null },
      );
      if (previousParent) await this.recompute.recomputeRootOf(tenantId, previousParent);
      if (!parentId) await this.recompute.recomputeRootOf(tenantId, contractId);
      return true;
    });
  }
}
