import {
  applyDecisions,
  computeDeadlines,
  deadlineList,
  mergeTerms,
  termsInForce,
  type ContractDeadlines,
  type DecidedDeadlines,
  type ContractTerms,
  type ExtractedObligation,
} from '@cb/domain';
import type {
  ContractEntity,
  ContractsRepository,
  DecisionsRepository,
  TenantDb,
} from '@cb/persistence';
import type { TenantCalendar } from '../calendar/tenant-calendar.service';
import { amendmentInput } from './contract-family';

/** An amendment has no deadlines of its own: they are its master's, from the terms in force. */
const NONE: DecidedDeadlines = {
  noticeDeadline: null,
  nextRenewalDate: null,
  expirationDate: null,
  currentTermEnd: null,
  noticeRenewalDate: null,
  endingOn: null,
  decisionDeadline: null,
};

export interface TermsChange {
  /** New extraction output (a parse); omitted when only a person's corrections change. */
  extracted?: { terms: ContractTerms; obligations: ExtractedObligation[] };
  /** A person's corrections (replacing the stored ones); omitted to keep them. */
  userTerms?: Partial<ContractTerms>;
}

/**
 * Writes a contract's terms and recomputes its deadlines for the tenant's today, in one transaction (the
 * caller's, when it has one), so the stored deadlines never disagree with the terms. Used by a parse, by a
 * person's correction and by the daily roll-forward of passed deadlines. The rules are the domain's:
 * mergeTerms (a person's value wins), termsInForce (a master's terms overridden by its amendments),
 * computeDeadlines and deadlineList. An amendment keeps only its obligations' dates; a change to it recomputes
 * its master (the root of its family), whose deadlines follow the terms in force.
 */
export class RecomputeDeadlines {
  constructor(
    private readonly db: TenantDb,
    private readonly contracts: ContractsRepository,
    private readonly calendar: TenantCalendar,
    private readonly decisions: DecisionsRepository,
  ) {}

  async execute(
    tenantId: string,
    contract: ContractEntity,
    change: TermsChange,
    patch: Partial<ContractEntity> = {},
    now = new Date(),
  ): Promise<DecidedDeadlines> {
    const extractedTerms = change.extracted ? change.extracted.terms : contract.extractedTerms;
    const userTerms = change.userTerms ?? contract.userTerms;
    const terms = mergeTerms(extractedTerms, userTerms);
    return this.db.run(tenantId, async () => {
      const today = await this.calendar.today(tenantId, now);
      const parentId = patch.parentId !== undefined ? patch.parentId : contract.parentId;
      let deadlines = NONE;
      if (!parentId) {
        const family = await this.contracts.descendants(tenantId, contract.id);
        const inForce = termsInForce(terms, family.map(amendmentInput), today).terms;
        // A decision on a notice deadline (terminate with notice sent) ends the contract: docs/deadlines.md.
        const computed: ContractDeadlines = computeDeadlines(inForce, today);
        const decisions = await this.decisions.forContract(tenantId, contract.id);
        deadlines = applyDecisions(inForce, computed, decisions);
      }
      const obligations = change.extracted
        ? await this.contracts.replaceObligations(
            tenantId,
            contract.id,
            change.extracted.obligations,
          )
        : await this.contracts.obligations(tenantId, contract.id);
      await this.contracts.update(
        tenantId,
        { id: contract.id },
        {
          ...patch,
          extractedTerms,
          userTerms,
          terms,
          noticeDeadline: deadlines.noticeDeadline,
          nextRenewalDate: deadlines.nextRenewalDate,
          expirationDate: deadlines.expirationDate,
          noticeRenewalDate: deadlines.noticeRenewalDate,
          decisionDeadline: deadlines.decisionDeadline,
          endingOn: deadlines.endingOn,
        },
      );
      await this.contracts.replaceDeadlines(
        tenantId,
        contract.id,
        deadlineList(deadlines, obligations, today),
      );
      if (parentId) await this.recomputeRootOf(tenantId, contract.id, now);
      return deadlines;
    });
  }

  /**
   * Recomputes the root master of a contract's family (the contract itself when it has no parent), after
   * one of its amendments changed or left.
   */
  async recomputeRootOf(tenantId: string, contractId: string, now = new Date()): Promise<void> {
    await this.db.run(tenantId, async () => {
      const ancestry = await this.contracts.ancestry(tenantId, contractId);
      const rootId = ancestry[ancestry.length - 1] ?? contractId;
      const root = await this.contracts.get(tenantId, rootId);
      // A root has no parent; anything else would be a cycle, which links never allow.
      if (!root || root.parentId) return;
      await this.execute(tenantId, root, {}, {}, now);
    });
  }
}
