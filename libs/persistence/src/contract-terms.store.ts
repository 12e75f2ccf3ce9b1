import {
  DEFAULT_ALERT_SETTINGS,
  computeDeadlines,
  mergeTerms,
  nextObligationDate,
  todayInTimeZone,
  type ContractTerms,
  type ExtractedObligation,
  type IsoDate,
} from '@cb/domain';
import { ObligationEntity, type ContractEntity } from './entities';
import type { ContractsRepository, DeadlineRow } from './repositories/contracts.repository';
import type { TenantDb } from './tenant-db';

export interface TermsChange {
  /** New extraction output (a parse); omitted when only a person's corrections change. */
  extracted?: { terms: ContractTerms; obligations: ExtractedObligation[] };
  userTerms?: Partial<ContractTerms>;
}

/**
 * Writes a contract's terms and recomputes its deadlines in the same transaction, so the stored
 * deadlines never disagree with the terms (used by parsing in the worker and corrections in the API).
 */
export class ContractTermsStore {
  constructor(
    private readonly db: TenantDb,
    private readonly contracts: ContractsRepository,
  ) {}

  async recompute(
    tenantId: string,
    contract: ContractEntity,
    change: TermsChange,
    patch: Partial<ContractEntity> = {},
    now = new Date(),
  ): Promise<void> {
    const extractedTerms = change.extracted ? change.extracted.terms : contract.extractedTerms;
    const userTerms = change.userTerms ?? contract.userTerms;
    const terms = mergeTerms(extractedTerms, userTerms);
    await this.db.run(tenantId, async (m) => {
      // "Today" is the tenant's calendar day (its alert-settings time zone), which decides the current term.
      const zone: { timezone: string }[] = await m.query(
        'SELECT timezone FROM alert_settings WHERE tenant_id = $1',
        [tenantId],
      );
      const today: IsoDate = todayInTimeZone(
        zone[0]?.timezone ?? DEFAULT_ALERT_SETTINGS.timezone,
        now,
      );
      const deadlines = computeDeadlines(terms, today);
      const obligations = change.extracted
        ? change.extracted.obligations
        : (
            await m.find(ObligationEntity, {
              where: { tenantId, contractId: contract.id },
              order: { position: 'ASC' },
            })
          ).map((o) => ({
            party: o.party,
            kind: o.kind,
            text: o.text,
            dueDate: o.dueDate,
            recurrence: o.recurrence,
            evidence: o.evidence,
          }));
      const rows: DeadlineRow[] = [];
      if (deadlines.noticeDeadline) rows.push({ kind: 'notice', date: deadlines.noticeDeadline });
      if (deadlines.nextRenewalDate)
        rows.push({ kind: 'renewal', date: deadlines.nextRenewalDate });
      if (deadlines.expirationDate)
        rows.push({ kind: 'expiration', date: deadlines.expirationDate });
      obligations.forEach((o, i) => {
        const next = nextObligationDate({ dueDate: o.dueDate, recurrence: o.recurrence }, today);
        if (next) rows.push({ kind: 'obligation', date: next, obligationIndex: i });
      });
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
      await this.contracts.replaceObligationsAndDeadlines(
        tenantId,
        contract.id,
        change.extracted ? change.extracted.obligations : null,
        rows,
      );
    });
  }
}
