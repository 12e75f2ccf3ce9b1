import { NotFoundError } from '@cb/domain';
import type { ContractsRepository, TenantDb } from '@cb/persistence';
import type { Actor } from '../audit/actor';
import type { AuditTrail } from '../audit/audit-trail.service';
import type { ContractFiles } from './contract-files.service';

/** Deletes a contract (its deadlines, obligations and pending events go with it) and then its file, if unshared. */
export class DeleteContract {
  constructor(
    private readonly db: TenantDb,
    private readonly contracts: ContractsRepository,
    private readonly files: ContractFiles,
    private readonly audit: AuditTrail,
  ) {}

  async execute(tenantId: string, actor: Actor, id: string): Promise<void> {
    const contract = await this.db.run(tenantId, async () => {
      const c = await this.contracts.get(tenantId, id);
      if (!c) throw new NotFoundError('Contract');
      await this.contracts.delete(tenantId, { id });
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
