import {
  NotFoundError,
  ValidationError,
  reviewedStatus,
  validateTermsPatch,
  type TermEvidence,
  type TermField,
} from '@cb/domain';
import type { JobPublisher } from '@cb/jobs';
import type { ContractEntity, ContractsRepository, TenantDb } from '@cb/persistence';
import type { Actor } from '../audit/actor';
import type { AuditTrail } from '../audit/audit-trail.service';
import type { ContractOwners } from './contract-owners.service';
import type { ContractRecord } from './contract-record';
import { reviewReasonsOf } from './contract-review';
import type { GetContract } from './get-contract.use-case';
import type { LinkAmendment } from './link-amendment.use-case';
import type { RecomputeDeadlines } from './recompute-deadlines.use-case';

export interface CorrectTermsCommand {
  tenantId: string;
  actor: Actor;
  contractId: string;
  title?: string;
  counterparty?: string | null;
  tags?: string[];
  /** A person's corrections, field by field (validated by the domain's validateTermsPatch). */
  terms?: Record<string, unknown>;
  /** The master agreement this contract amends, or null to unlink it (LinkAmendment). */
  parentId?: string | null;
  /** The user responsible for the contract (a user of the tenant), or null for none. */
  ownerId?: string | null;
}

/** Evidence a caller has for corrected fields (the text a person selected in the document). */
export type CorrectionEvidence = Partial<TermEvidence>;

/**
 * A person corrects a contract: its title, counterparty and tags, and any term. Corrected terms are kept as
 * set by a person (they survive a reparse) and the deadlines are recomputed in the same transaction; then
 * the tenant's alerts are refreshed, since a corrected date may make an alert due now (or cancel one).
 * A corrected field leaves review: the review reasons are recomputed (reviewReasonsOf) and the status follows
 * them. A value that is one of the parse's candidates takes that candidate's evidence (a reviewer's pick);
 * `evidence` gives the span of a value set from selected text.
 * A new parentId links the contract to its master as an amendment (LinkAmendment), in the same transaction.
 * A new ownerId (a user of the tenant, or null) is recorded with the old and new owner in the audit trail; the
 * alerts are refreshed so a new owner gets what is due.
 */
export class CorrectTerms {
  constructor(
    private readonly db: TenantDb,
    private readonly contracts: ContractsRepository,
    private readonly recompute: RecomputeDeadlines,
    private readonly audit: AuditTrail,
    private readonly jobs: JobPublisher,
    private readonly getContract: GetContract,
    private readonly linkAmendment: LinkAmendment,
    private readonly owners: ContractOwners,
  ) {}

  async execute(
    cmd: CorrectTermsCommand,
    evidenceFor: CorrectionEvidence = {},
  ): Promise<ContractRecord> {
    const { tenantId, contractId: id } = cmd;
    const termsChanged = await this.db.run(tenantId, async () => {
      const contract = await this.contracts.lockForUpdate(tenantId, id);
      if (!contract) throw new NotFoundError('Contract');
      const patch: Partial<ContractEntity> = {};
      if (cmd.title !== undefined) patch.title = cmd.title;
      if (cmd.counterparty !== undefined) patch.counterparty = cmd.counterparty || null;
      if (cmd.tags !== undefined) patch.tags = [...new Set(cmd.tags.map((t) => t.trim()))];
      const owner =
        cmd.ownerId !== undefined && cmd.ownerId !== contract.ownerId
          ? { from: contract.ownerId, to: cmd.ownerId }
          : null;
      if (owner) {
        if (owner.to) await this.owners.assertTeamMember(tenantId, owner.to);
        // Someone took over (or explicitly left it unowned): the removed owner's fallback ends.
        patch.ownerId = owner.to;
        patch.ownerRemovedAt = null;
      }
      if (cmd.terms !== undefined) {
        const { patch: termsPatch, errors } = validateTermsPatch(cmd.terms);
        if (errors.length) throw new ValidationError('Some corrected terms are invalid', errors);
        const userTerms = { ...contract.userTerms, ...termsPatch };
        const evidence = { ...contract.evidence };
        for (const field of Object.keys(termsPatch) as TermField[]) {
          const picked = (contract.candidates[field] ?? []).find(
            (c) => JSON.stringify(c.value) === JSON.stringify(termsPatch[field]),
          );
          const spans = evidenceFor[field] ?? picked?.evidence;
          if (spans) evidence[field] = spans;
        }
        const reviewReasons = reviewReasonsOf({ ...contract, userTerms, evidence });
        await this.recompute.execute(
          tenantId,
          contract,
          { userTerms },
          {
            ...patch,
            evidence,
            reviewReasons,
            status: reviewedStatus(contract.status, reviewReasons),
          },
        );
      } else if (Object.keys(patch).length) {
        await this.contracts.update(tenantId, { id }, patch);
      }
      await this.audit.record(tenantId, 'contract.updated', {
        actor: cmd.actor,
        targetType: 'contract',
        targetId: id,
        contractId: id,
        data: {
          fields: (['title', 'counterparty', 'tags', 'parentId', 'ownerId'] as const).filter(
            (k) => cmd[k] !== undefined,
          ),
          terms: Object.keys(cmd.terms ?? {}),
          ...(owner ? { owner } : {}),
        },
      });
      const linked =
        cmd.parentId !== undefined &&
        (await this.linkAmendment.execute({ tenantId, contractId: id, parentId: cmd.parentId }));
      return cmd.terms !== undefined || linked || owner !== null;
    });
    // A new owner may have an alert due now (the lead stays due, and the owner is a new recipient).
    if (termsChanged) await this.jobs.tryPublish('alerts.refresh', { tenantId });
    return this.getContract.execute(tenantId, id);
  }
}
