import type { ContractEventEntity, ContractEventsRepository } from '@cb/persistence';

/** The most events one read returns; a client far behind catches up over several reads. */
export const CONTRACT_EVENTS_PAGE = 100;

/** The tenant's finished parses after a given event id, oldest first (the web UI's live status). */
export class ListContractEvents {
  constructor(private readonly events: ContractEventsRepository) {}

  execute(tenantId: string, afterId: number): Promise<ContractEventEntity[]> {
    return this.events.after(tenantId, afterId, CONTRACT_EVENTS_PAGE);
  }

  /** Where a new client starts: after the latest event (it loads the current state itself). */
  latest(tenantId: string): Promise<number> {
    return this.events.latestId(tenantId);
  }
}
