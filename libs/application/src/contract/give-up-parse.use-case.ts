import { isCurrentParse, parseGivenUp } from '@cb/domain';
import type { JobPayloads, JobPublisher } from '@cb/jobs';
import type { ContractEventsRepository, ContractsRepository, TenantDb } from '@cb/persistence';
import { appendFinishedEvent } from './record-parse-result.use-case';

/**
 * After a parse's last attempt (or when the sweeper finds it beyond help): the contract ends `failed` with a
 * reason, never stuck in `processing`, and its contract.failed event is recorded like any finished parse.
 */
export class GiveUpParse {
  constructor(
    private readonly db: TenantDb,
    private readonly contracts: ContractsRepository,
    private readonly events: ContractEventsRepository,
    private readonly jobs: JobPublisher,
  ) {}

  async execute(p: JobPayloads['contract.parse'], reason: string): Promise<void> {
    const { tenantId, contractId, parseVersion } = p;
    const eventId = await this.db.run(tenantId, async () => {
      const locked = await this.contracts.lockForUpdate(tenantId, contractId);
      if (!isCurrentParse(locked, parseVersion)) return null;
      const failed = parseGivenUp(reason);
      await this.contracts.update(tenantId, { id: contractId }, failed);
      return appendFinishedEvent(this.events, tenantId, locked, 'failed', locked.title, failed);
    });
    if (eventId !== null)
      await this.jobs.tryPublish('contract-event.publish', { tenantId, eventId });
  }
}
