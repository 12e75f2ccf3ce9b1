import type { StoragePort } from '@cb/domain';
import type { ContractsRepository, ImportsRepository } from '@cb/persistence';

/**
 * Stored files are content-addressed and shared by the contracts of a tenant that hold the same bytes: a file
 * is deleted only when no contract points at it any more, and no import still being read (its ZIP).
 */
export class ContractFiles {
  constructor(
    private readonly storage: StoragePort,
    private readonly contracts: ContractsRepository,
    private readonly imports: ImportsRepository,
  ) {}

  async discardIfUnused(tenantId: string, storageKey: string): Promise<void> {
    if (
      (await this.contracts.countByStorageKey(tenantId, storageKey)) === 0 &&
      (await this.imports.countUnexpandedByStorageKey(tenantId, storageKey)) === 0
    )
      await this.storage.delete(storageKey);
  }
}
