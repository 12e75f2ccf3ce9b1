import {
  NotFoundError,
  decisionFor,
  decisionTermEnd,
  validateDecision,
  type DecisionKind,
  type IsoDate,
} from '@cb/domain';
import type { JobPublisher } from '@cb/jobs';
import type {
  ContractsRepository,
  DecisionView,
  DecisionsRepository,
  TenantDb,
} from '@cb/persistence';
import type { Actor } from '../audit/actor';
import type { AuditTrail } from '../audit/audit-trail.service';
import type { TenantCalendar } from '../calendar/tenant-calendar.service';
import type { ContractRecord } from '../contract/contract-record';
import type { GetContract } from '../contract/get-contract.use-case';
import type { RecomputeDeadlines } from '../contract/recompute-deadlines.use-case';
import type { WebhookEvent, WebhookEvents } from '../webhooks/webhook-events.service';

export interface DecideDeadlineCommand {
  tenantId: string;
  actor: Actor;
  contractId: string;
  decision: DecisionKind;
  noticeSentOn?: IsoDate | null;
  note?: string | null;
}

/** A decision as the audit trail and the webhook show it. */
export function decisionValues(d: DecisionView | null) {
  return d ? { decision: d.decision, noticeSentOn: d.noticeSentOn, note: d.note } : null;
}

/**
 * Records a decision on a contract's current notice deadline (the domain's decisionTarget), replacing one made
 * before, and recomputes the deadlines in the same transaction: terminate with notice sent ends the contract at
 * the end of the current term. Audited with old -> new values; `deadline.decided` (and, when the contract now
 * ends, `contract.terminated`) webhooks are recorded in the transaction and enqueued after it. Alerts for a
 * decided deadline stop: the scan skips it and a send already queued is canceled (SendAlert).
 */
export class DecideDeadline {
  constructor(
    private readonly db: TenantDb,
    private readonly contracts: ContractsRepository,
    private readonly decisions: DecisionsRepository,
    private readonly recompute: RecomputeDeadlines,
    private readonly calendar: TenantCalendar,
    private readonly audit: AuditTrail,
    private readonly webhookEvents: WebhookEvents,
    private readonly jobs: JobPublisher,
    private readonly getContract: GetContract,
    private readonly options: { appUrl: string },
  ) {}

  async execute(cmd: DecideDeadlineCommand, now = new Date()): Promise<ContractRecord> {
    const { tenantId, contractId } = cmd;
    const deliveryIds = await this.db.run(tenantId, async () => {
      const contract = await this.contracts.lockForUpdate(tenantId, contractId);
      if (!contract) throw new NotFoundError('Contract');
      const today = await this.calendar.today(tenantId, now);
      // Fresh deadlines for today (the stored ones may predate a renewal that happened since midnight).
      const before = await this.recompute.execute(tenantId, contract, {}, {}, now);
      const termEnd = decisionTermEnd(before);
      const target =
        before.decisionDeadline && termEnd ? { deadline: before.decisionDeadline, termEnd } : null;
      const valid = validateDecision(cmd, target, today);
      const deadline = target!.deadline;
      const old = decisionFor(await this.decisions.forContract(tenantId, contractId), deadline);
      await this.decisions.upsert(tenantId, {
        contractId,
        deadline,
        termEnd: target!.termEnd,
        ...valid,
        actorType: cmd.actor.type,
        actorId: cmd.actor.id,
      });
      const after = await this.recompute.execute(tenantId, contract, {}, {}, now);
      const values = {
        decision: valid.decision,
        noticeSentOn: valid.noticeSentOn,
        note: valid.note,
      };
      await this.audit.record(tenantId, 'deadline.decided', {
        actor: cmd.actor,
        targetType: 'contract',
        targetId: contractId,
        contractId,
        data: { deadline, old: decisionValues(old), new: values },
      });
      const url = `${this.options.appUrl}/contracts/${contractId}`;
      const title = contract.title ?? contract.fileName;
      const events: WebhookEvent[] = [
        {
          type: 'deadline.decided',
          key: `deadline.decided.${contractId}.${deadline}.${now.getTime()}`,
          data: {
            contractId,
            contractTitle: title,
            kind: 'notice',
            date: deadline,
            ...values,
            url,
          },
          occurredAt: now,
        },
      ];
      if (after.endingOn && after.endingOn !== before.endingOn) {
        await this.audit.record(tenantId, 'contract.terminated', {
          actor: cmd.actor,
          targetType: 'contract',
          targetId: contractId,
          contractId,
          data: { old: { endingOn: before.endingOn }, new: { endingOn: after.endingOn } },
        });
        events.push({
          type: 'contract.terminated',
          key: `contract.terminated.${contractId}.${after.endingOn}`,
          data: {
            contractId,
            contractTitle: title,
            endingOn: after.endingOn,
            noticeSentOn: valid.noticeSentOn,
            url,
          },
          occurredAt: now,
        });
      }
      return this.webhookEvents.record(tenantId, events, now);
    });
    await this.webhookEvents.enqueue(tenantId, deliveryIds);
    // A termination moves the deadlines (the expiration may be due now): refresh the alerts, best effort.
    await this.jobs.tryPublish('alerts.refresh', { tenantId });
    return this.getContract.execute(tenantId, contractId);
  }
}
