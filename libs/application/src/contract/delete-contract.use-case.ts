import { NotFoundError } from '@cb/domain';
import type { ContractsRepository, TenantDb } from '@cb/persistence';
import type { Actor } from '../audit/actor';
import type { AuditTrail } from '../audit/audit-trail.service';
import type { ContractFiles } from './contract-files.service';
import type { RecomputeDeadlines } from './recompute-deadlines.use-case';

/** Deletes a contract (its deadlines, obligations and pending events go with it) and then its file, if unshared. */
export class DeleteContract {
  constructor(
    private readonly db: TenantDb,
    private readonly contracts: ContractsRepository,
    private readonly files: ContractFiles,
    private readonly audit: AuditTrail,
    private readonly recompute: RecomputeDeadlines,
  ) {}

  async execute(tenantId: string, actor: Actor, id: string): Promise<void> {
    const contract = await this.db.run(tenantId, async () => {
      const c = await this.contracts.get(tenantId, id);
      if (!c) throw new NotFoundError('Contract');
      const amendments = await this.contracts.amendmentsOf(tenantId, [id]);
      await this.contracts.delete(tenantId, { id });
      // Its amendments stand alone now (the key sets their parent to null): each gets its own deadlines;
      // when it was an amendment, its master's terms in force lose it.
      for (const a of amendments) await this.recompute.recomputeRootOf(tenantId, a.id);
      if (c.parentId) await this.recompute.recomputeRootOf(tenantId, c.parentId);
      await this.audit.record(tenantId, 'contract.deleted', {
        actor,
        targetType: 'contract',
        targetId: id,
        contractId: id,
        data: { title: c.title, fileName: c.fileName },
      });
      return c;
    });
    await this.files.discardIfUnused(tenantId, contract.storageKey);
  }
}
