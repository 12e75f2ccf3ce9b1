import {
  computeDeadlines,
  deadlineList,
  mergeTerms,
  type ContractTerms,
  type ExtractedObligation,
} from '@cb/domain';
import type { ContractEntity, ContractsRepository, TenantDb } from '@cb/persistence';
import type { TenantCalendar } from '../calendar/tenant-calendar.service';

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
 * mergeTerms (a person's value wins), computeDeadlines and deadlineList.
 */
export class RecomputeDeadlines {
  constructor(
    private readonly db: TenantDb,
    private readonly contracts: ContractsRepository,
    private readonly calendar: TenantCalendar,
  ) {}

  async execute(
    tenantId: string,
    contract: ContractEntity,
    change: TermsChange,
    patch: Partial<ContractEntity> = {},
    now = new Date(),
  ): Promise<void> {
    const extractedTerms = change.extracted ? change.extracted.terms : contract.extractedTerms;
    const userTerms = change.userTerms ?? contract.userTerms;
    const terms = mergeTerms(extractedTerms, userTerms);
    await this.db.run(tenantId, async () => {
      const today = await this.calendar.today(tenantId, now);
      const deadlines = computeDeadlines(terms, today);
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
        },
      );
      await this.contracts.replaceDeadlines(
        tenantId,
        contract.id,
        deadlineList(deadlines, obligations, today),
      );
    });
  }
}
