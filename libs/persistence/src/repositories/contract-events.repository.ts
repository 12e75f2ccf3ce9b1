import type { ContractEventType, ContractStatus } from '@cb/domain';
import { ContractEventEntity, type ContractEventData } from '../entities';
import type { TenantDb } from '../tenant-db';
import { TenantScopedRepository } from '../tenant-scoped-repository';

export interface NewContractEvent {
  contractId: string;
  parseVersion: number;
  type: ContractEventType;
  status: Exclude<ContractStatus, 'processing'>;
  data: ContractEventData;
}

/** The outbox of finished parses (one row per contract and parse version). */
export class ContractEventsRepository extends TenantScopedRepository<ContractEventEntity> {
  constructor(db: TenantDb) {
    super(db, ContractEventEntity);
  }

  /**
   * Appends an event inside the caller's transaction (the one that records the parse outcome). Returns its id,
   * or null when this parse version already has its event.
   */
  append(tenantId: string, event: NewContractEvent): Promise<number | null> {
    return this.run(tenantId, async (m) => {
      const rows: { id: string }[] = await m.query(
        `INSERT INTO contract_events (tenant_id, contract_id, parse_version, type, status, data)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (tenant_id, contract_id, parse_version) DO NOTHING
         RETURNING id`,
        [
          tenantId,
          event.contractId,
          event.parseVersion,
          event.type,
          event.status,
          JSON.stringify(event.data),
        ],
      );
      return rows[0] ? Number(rows[0].id) : null;
    });
  }

  /** Locks the event for the rest of the caller's transaction, so two publishers never hand it over twice. */
  lockForPublish(tenantId: string, id: number): Promise<ContractEventEntity | null> {
    return this.run(tenantId, (m) =>
      m.findOne(ContractEventEntity, {
        where: this.scoped(tenantId, { id }),
        lock: { mode: 'pessimistic_write' },
      }),
    );
  }

  async markPublished(tenantId: string, id: number): Promise<void> {
    await this.update(tenantId, { id }, { publishedAt: new Date() });
  }

  /** The tenant's events after `afterId`, oldest first (the live status replays what a client missed). */
  after(tenantId: string, afterId: number, limit: number): Promise<ContractEventEntity[]> {
    return this.run(tenantId, (m) =>
      m
        .createQueryBuilder(ContractEventEntity, 'e')
        .where('e.tenant_id = :tenantId AND e.id > :afterId', { tenantId, afterId })
        .orderBy('e.id', 'ASC')
        .limit(limit)
        .getMany(),
    );
  }

  /** The id of the tenant's latest event (0 when none): a new live-status client starts after it. */
  async latestId(tenantId: string): Promise<number> {
    return this.run(tenantId, async (m) => {
      const rows: { id: string | null }[] = await m.query(
        `SELECT max(id) AS id FROM contract_events WHERE tenant_id = $1`,
        [tenantId],
      );
      return Number(rows[0]?.id ?? 0);
    });
  }
}
