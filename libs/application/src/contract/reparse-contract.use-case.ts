import { NotFoundError, reparseRequested } from '@cb/domain';
import type { JobPublisher } from '@cb/jobs';
import type { ContractsRepository, TenantDb } from '@cb/persistence';
import type { ContractRecord } from './contract-record';
import type { GetContract } from './get-contract.use-case';

/** Parses a contract again under a new parse version (a person's corrections survive, see mergeTerms). */
export class ReparseContract {
  constructor(
    private readonly db: TenantDb,
    private readonly contracts: ContractsRepository,
    private readonly jobs: JobPublisher,
    private readonly getContract: GetContract,
  ) {}

  async execute(tenantId: string, id: string): Promise<ContractRecord> {
    const parseVersion = await this.db.run(tenantId, async () => {
      const contract = await this.contracts.lockForUpdate(tenantId, id);
      if (!contract) throw new NotFoundError('Contract');
      const next = reparseRequested(contract);
      await this.contracts.update(tenantId, { id }, next);
      return next.parseVersion;
    });
    await this.jobs.tryPublish('contract.parse', { tenantId, contractId: id, parseVersion });
    return this.getContract.execute(tenantId, id);
  }
}
