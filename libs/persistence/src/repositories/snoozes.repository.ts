import { DeadlineSnoozeEntity } from '../entities';
import type { TenantDb } from '../tenant-db';
import { TenantScopedRepository } from '../tenant-scoped-repository';

export interface NewSnooze {
  contractId: string;
  deadline: string;
  until: string;
  actorType: string;
  actorId: string | null;
}

/** Snoozes on notice deadlines: one per contract and deadline, replaced by a new one. */
export class SnoozesRepository extends TenantScopedRepository<DeadlineSnoozeEntity> {
  constructor(db: TenantDb) {
    super(db, DeadlineSnoozeEntity);
  }

  forDeadline(
    tenantId: string,
    contractId: string,
    deadline: string,
  ): Promise<DeadlineSnoozeEntity | null> {
    return this.findOne(tenantId, { contractId, deadline });
  }

  /** Records (or replaces) the snooze on one notice deadline. */
  upsert(tenantId: string, s: NewSnooze): Promise<void> {
    return this.run(tenantId, async (m) => {
      await m.query(
        `INSERT INTO deadline_snoozes (tenant_id, contract_id, deadline, until, actor_type, actor_id)
         VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (tenant_id, contract_id, deadline) DO UPDATE
           SET until = EXCLUDED.until, actor_type = EXCLUDED.actor_type, actor_id = EXCLUDED.actor_id,
               snoozed_at = now()`,
        [tenantId, s.contractId, s.deadline, s.until, s.actorType, s.actorId],
      );
    });
  }

  /** Ends the snooze on one notice deadline; returns whether there was one. */
  async remove(tenantId: string, contractId: string, deadline: string): Promise<boolean> {
    return (await this.delete(tenantId, { contractId, deadline })) > 0;
  }
}
