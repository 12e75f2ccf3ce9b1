import { NotFoundError, decisionFor } from '@cb/domain';
import type { JobPublisher } from '@cb/jobs';
import type { ContractsRepository, DecisionsRepository, TenantDb } from '@cb/persistence';
import type { Actor } from '../audit/actor';
import type { AuditTrail } from '../audit/audit-trail.service';
import type { RecomputeDeadlines } from '../contract/recompute-deadlines.use-case';
import { decisionValues } from './decide-deadline.use-case';

/**
 * Takes back the decision on the current notice deadline (none: nothing to do). The deadlines are recomputed
 * (a termination is undone) and the deadline's alerts resume with the next lead that falls due.
 */
export class UndoDecision {
  constructor(
    private readonly db: TenantDb,
    private readonly contracts: ContractsRepository,
    private readonly decisions: DecisionsRepository,
    private readonly recompute: RecomputeDeadlines,
    private readonly audit: AuditTrail,
    private readonly jobs: JobPublisher,
  ) {}

  async execute(
    cmd: { tenantId: string; actor: Actor; contractId: string },
    now = new Date(),
  ): Promise<void> {
    const { tenantId, contractId } = cmd;
    const undone = await this.db.run(tenantId, async () => {
      const contract = await this.contracts.lockForUpdate(tenantId, contractId);
      if (!contract) throw new NotFoundError('Contract');
      const before = await this.recompute.execute(tenantId, contract, {}, {}, now);
      const deadline = before.decisionDeadline;
      const old = decisionFor(await this.decisions.forContract(tenantId, contractId), deadline);
      if (!old || !deadline) return false;
      await this.decisions.remove(tenantId, contractId, deadline);
      const after = await this.recompute.execute(tenantId, contract, {}, {}, now);
      await this.audit.record(tenantId, 'deadline.decision_undone', {
        actor: cmd.actor,
        targetType: 'contract',
        targetId: contractId,
        contractId,
        data: {
          deadline,
          old: decisionValues(old),
          new: null,
          ...(before.endingOn !== after.endingOn
            ? { endingOn: { old: before.endingOn, new: after.endingOn } }
            : {}),
        },
      });
      return true;
    });
    if (undone) await this.jobs.tryPublish('alerts.refresh', { tenantId });
  }
}
