import { Logger } from '@nestjs/common';
import {
  JOBS,
  MAX_PARSE_ENQUEUES,
  STUCK_AFTER_MS,
  type JobPayloads,
  type JobPublisher,
} from '@cb/jobs';
import type { ContractsRepository, StuckContractsQuery } from '@cb/persistence';
import type { GiveUpParse } from './give-up-parse.use-case';

/** Attempts per parse job times the enqueues the sweeper allows: past this, give up. */
const MAX_ATTEMPTS = (JOBS['contract.parse'].options.attempts ?? 1) * MAX_PARSE_ENQUEUES;
const LIVE_STATES = new Set(['waiting', 'active', 'delayed', 'prioritized', 'waiting-children']);

/**
 * Finds contracts left in `processing` (the enqueue failed because Redis was down, or a worker died and the
 * job was lost) and enqueues them again under the same deterministic job id; a contract whose job already
 * failed for good, or that used up its attempts, is given up (failed).
 */
export class SweepStuckContracts {
  private readonly logger = new Logger(SweepStuckContracts.name);

  constructor(
    private readonly stuck: StuckContractsQuery,
    private readonly contracts: ContractsRepository,
    private readonly giveUp: GiveUpParse,
    private readonly jobs: JobPublisher,
  ) {}

  async execute(stuckAfterMs = STUCK_AFTER_MS): Promise<{ requeued: number; failed: number }> {
    let requeued = 0;
    let failed = 0;
    for (const row of await this.stuck.run(stuckAfterMs)) {
      const payload: JobPayloads['contract.parse'] = {
        tenantId: row.tenantId,
        contractId: row.contractId,
        parseVersion: row.parseVersion,
      };
      const state = await this.jobs.state('contract.parse', payload);
      if (state === 'failed' || row.parseAttempts >= MAX_ATTEMPTS) {
        await this.giveUp.execute(
          payload,
          state === 'failed' ? 'its last attempt failed' : 'too many attempts',
        );
        failed++;
        continue;
      }
      if (LIVE_STATES.has(state)) continue;
      // Completed but the contract did not move (or the job is gone): run it again.
      await this.jobs.discard('contract.parse', payload);
      await this.contracts.update(row.tenantId, { id: row.contractId }, { updatedAt: new Date() });
      await this.jobs.publish('contract.parse', payload);
      requeued++;
    }
    if (requeued || failed)
      this.logger.log({ requeued, failed }, 'Swept contracts stuck in processing');
    return { requeued, failed };
  }
}
