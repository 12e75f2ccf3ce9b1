import { NotFoundError } from '@cb/domain';
import type { ContractsRepository, TenantDb } from '@cb/persistence';
import type { ContractRecord } from './contract-record';

/** One contract with its obligations; another tenant's contract is "not found". */
export class GetContract {
  constructor(
    private readonly db: TenantDb,
    private readonly contracts: ContractsRepository,
  ) {}

  execute(tenantId: string, id: string): Promise<ContractRecord> {
    return this.db.run(tenantId, async () => {
      const contract = await this.contracts.get(tenantId, id);
      if (!contract) throw new NotFoundError('Contract');
      return { contract, obligations: await this.contracts.obligations(tenantId, id) };
    });
  }
}
