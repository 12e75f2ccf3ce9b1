import { NotFoundError, decisionFor, snoozeUntil, type IsoDate } from '@cb/domain';
import type {
  ContractsRepository,
  DecisionsRepository,
  SnoozesRepository,
  TenantDb,
} from '@cb/persistence';
import type { Actor } from '../audit/actor';
import type { AuditTrail } from '../audit/audit-trail.service';
import type { TenantCalendar } from '../calendar/tenant-calendar.service';
import type { RecomputeDeadlines } from '../contract/recompute-deadlines.use-case';

export interface SnoozeDeadlineCommand {
  tenantId: string;
  actor: Actor;
  contractId: string;
  /** Default: a week from the tenant's today. */
  until?: IsoDate | null;
}

export interface DeadlineSnooze {
  contractId: string;
  /** The notice deadline snoozed (the one decisions answer now). */
  deadline: IsoDate;
  until: IsoDate;
}

/**
 * Hides a contract's undecided current notice deadline from the worklist until a day (replacing an earlier
 * snooze). Audited with old -> new. It does not touch alerts: only a decision stops them.
 */
export class SnoozeDeadline {
  constructor(
    private readonly db: TenantDb,
    private readonly contracts: ContractsRepository,
    private readonly decisions: DecisionsRepository,
    private readonly snoozes: SnoozesRepository,
    private readonly recompute: RecomputeDeadlines,
    private readonly calendar: TenantCalendar,
    private readonly audit: AuditTrail,
  ) {}

  execute(cmd: SnoozeDeadlineCommand, now = new Date()): Promise<DeadlineSnooze> {
    const { tenantId, contractId } = cmd;
    return this.db.run(tenantId, async () => {
      const contract = await this.contracts.lockForUpdate(tenantId, contractId);
      if (!contract) throw new NotFoundError('Contract');
      const today = await this.calendar.today(tenantId, now);
      // Fresh deadlines for today, as a decision takes them (the stored ones may predate a renewal).
      const { decisionDeadline } = await this.recompute.execute(tenantId, contract, {}, {}, now);
      const decided = !!decisionFor(
        await this.decisions.forContract(tenantId, contractId),
        decisionDeadline,
      );
      const until = snoozeUntil(
        cmd,
        decisionDeadline ? { deadline: decisionDeadline } : null,
        decided,
        today,
      );
      const deadline = decisionDeadline!;
      const old = await this.snoozes.forDeadline(tenantId, contractId, deadline);
      await this.snoozes.upsert(tenantId, {
        contractId,
        deadline,
        until,
        actorType: cmd.actor.type,
        actorId: cmd.actor.id,
      });
      await this.audit.record(tenantId, 'deadline.snoozed', {
        actor: cmd.actor,
        targetType: 'contract',
        targetId: contractId,
        contractId,
        data: { deadline, old: old ? { until: old.until } : null, new: { until } },
      });
      return { contractId, deadline, until };
    });
  }
}
