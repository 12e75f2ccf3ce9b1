import { NotFoundError, type StoragePort } from '@cb/domain';
import type { ContractEntity, ContractsRepository } from '@cb/persistence';

/** The original bytes of a contract, as a stream, with the contract (name, type, size). */
export class OpenContractFile {
  constructor(
    private readonly storage: StoragePort,
    private readonly contracts: ContractsRepository,
  ) {}

  async execute(
    tenantId: string,
    id: string,
  ): Promise<{ contract: ContractEntity; stream: NodeJS.ReadableStream }> {
    const contract = await this.contracts.get(tenantId, id);
    if (!contract) throw new NotFoundError('Contract');
    return { contract, stream: this.storage.stream(contract.storageKey) };
  }
}
