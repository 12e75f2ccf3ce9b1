import { NotFoundError } from '@cb/domain';
import type { ContractsRepository, SnoozesRepository, TenantDb } from '@cb/persistence';
import type { Actor } from '../audit/actor';
import type { AuditTrail } from '../audit/audit-trail.service';
import type { RecomputeDeadlines } from '../contract/recompute-deadlines.use-case';

/** Ends the snooze on a contract's current notice deadline (none: nothing to do); it is back on the worklist. */
export class EndSnooze {
  constructor(
    private readonly db: TenantDb,
    private readonly contracts: ContractsRepository,
    private readonly snoozes: SnoozesRepository,
    private readonly recompute: RecomputeDeadlines,
    private readonly audit: AuditTrail,
  ) {}

  execute(cmd: { tenantId: string; actor: Actor; contractId: string }, now = new Date()) {
    const { tenantId, contractId } = cmd;
    return this.db.run(tenantId, async () => {
      const contract = await this.contracts.lockForUpdate(tenantId, contractId);
      if (!contract) throw new NotFoundError('Contract');
      const { decisionDeadline: deadline } = await this.recompute.execute(
        tenantId,
        contract,
        {},
        {},
        now,
      );
      const old = deadline ? await this.snoozes.forDeadline(tenantId, contractId, deadline) : null;
      if (!old || !deadline) return;
      await this.snoozes.remove(tenantId, contractId, deadline);
      await this.audit.record(tenantId, 'deadline.snooze_ended', {
        actor: cmd.actor,
        targetType: 'contract',
        targetId: contractId,
        contractId,
        data: { deadline, old: { until: old.until }, new: null },
      });
    });
  }
}
