import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  JOB_OPTIONS,
  MAX_PARSE_ENQUEUES,
  QUEUES,
  STUCK_AFTER_MS,
  parseJobId,
  type JobPayloads,
} from '@cb/jobs';
import { ContractsRepository, SystemDb } from '@cb/persistence';
import type { Queue } from 'bullmq';
import { ContractParseHandler } from '../document-extraction/contract-parse.handler';

interface StuckRow {
  id: string;
  tenant_id: string;
  parse_version: number;
  parse_attempts: number;
}

/** Attempts per parse job times the enqueues the sweeper allows: past this, give up. */
const MAX_ATTEMPTS = (JOB_OPTIONS['contract.parse'].attempts ?? 1) * MAX_PARSE_ENQUEUES;

/**
 * Finds contracts left in `processing` (the enqueue failed because Redis was down, or a worker died
 * and the job was lost) and enqueues them again under the same deterministic job id; a contract
 * whose job already failed for good, or that used up its attempts, is marked failed.
 */
@Injectable()
export class ContractSweepHandler {
  private readonly logger = new Logger(ContractSweepHandler.name);

  constructor(
    @Inject(SystemDb) private readonly system: SystemDb,
    @Inject(ContractsRepository) private readonly contracts: ContractsRepository,
    @Inject(ContractParseHandler) private readonly parse: ContractParseHandler,
    @InjectQueue(QUEUES.documentExtraction) private readonly queue: Queue,
  ) {}

  async sweep(stuckAfterMs = STUCK_AFTER_MS): Promise<{ requeued: number; failed: number }> {
    // Cross-tenant by nature: the owner connection finds candidates, tenant scopes do the writes.
    const rows: StuckRow[] = await this.system.dataSource.query(
      `SELECT id, tenant_id, parse_version, parse_attempts FROM contracts
        WHERE status = 'processing' AND updated_at < now() - ($1::int * interval '1 millisecond')
        ORDER BY updated_at LIMIT 500`,
      [stuckAfterMs],
    );
    let requeued = 0;
    let failed = 0;
    for (const row of rows) {
      const payload: JobPayloads['contract.parse'] = {
        tenantId: row.tenant_id,
        contractId: row.id,
        parseVersion: row.parse_version,
      };
      const jobId = parseJobId(payload);
      const job = await this.queue.getJob(jobId);
      const state = job ? await job.getState() : 'missing';
      if (state === 'failed' || row.parse_attempts >= MAX_ATTEMPTS) {
        await this.parse.giveUp(
          payload,
          state === 'failed' ? 'its last attempt failed' : 'too many attempts',
        );
        failed++;
        continue;
      }
      if (
        state === 'waiting' ||
        state === 'active' ||
        state === 'delayed' ||
        state === 'prioritized' ||
        state === 'waiting-children'
      ) {
        continue;
      }
      if (job) await job.remove().catch(() => undefined); // completed but the contract did not move: run it again
      await this.contracts.update(row.tenant_id, { id: row.id }, { updatedAt: new Date() });
      await this.queue.add('contract.parse', payload, { ...JOB_OPTIONS['contract.parse'], jobId });
      requeued++;
    }
    if (requeued || failed)
      this.logger.log({ requeued, failed }, 'Swept contracts stuck in processing');
    return { requeued, failed };
  }
}
