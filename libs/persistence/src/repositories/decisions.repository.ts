import type { DecisionKind } from '@cb/domain';
import { ContractDecisionEntity } from '../entities';
import type { TenantDb } from '../tenant-db';
import { TenantScopedRepository } from '../tenant-scoped-repository';

/** A decision with the name of the person who made it (null for an API key or once they left). */
export type DecisionView = ContractDecisionEntity & { decidedByName: string | null };

export interface NewDecision {
  contractId: string;
  deadline: string;
  termEnd: string;
  decision: DecisionKind;
  noticeSentOn: string | null;
  note: string | null;
  actorType: string;
  actorId: string | null;
}

/** A notice deadline that passed without a decision, on a contract that is not ending. */
export interface UndecidedDeadline {
  contractId: string;
  contractTitle: string;
  counterparty: string | null;
  date: string;
}

/** An undecided notice deadline as the worklist shows it (GET /v1/deadlines?undecided=true). */
export interface WorklistDeadline extends UndecidedDeadline {
  ownerId: string | null;
  language: string | null;
  /** The renewal this deadline stops (or, once passed, could have stopped): the next renewal. */
  renewalDate: string | null;
  /** How long that renewal runs (the renewal term, else the initial term again). */
  renewalTerm: string | null;
  /** The day a snooze on this deadline ends, or null. */
  snoozedUntil: string | null;
}

export interface UndecidedCounts {
  /** Before today. */
  passed: number;
  /** From today to the end of the window (inclusive), snoozed ones too: they are still undecided. */
  upcoming: number;
  /** Of those, the ones snoozed beyond today. */
  snoozed: number;
}

/**
 * The undecided notice deadlines of a tenant: each master contract's current-term notice deadline
 * (decision_deadline) without a decision, on a contract that is parsed or needs review and is not ending.
 */
const UNDECIDED = `FROM contracts c
  LEFT JOIN deadline_snoozes s
    ON s.tenant_id = c.tenant_id AND s.contract_id = c.id AND s.deadline = c.decision_deadline
 WHERE c.tenant_id = $1 AND c.decision_deadline IS NOT NULL AND c.ending_on IS NULL
   AND c.parent_id IS NULL AND c.status IN ('parsed', 'needs_review')
   AND NOT EXISTS (SELECT 1 FROM contract_decisions x
                    WHERE x.tenant_id = c.tenant_id AND x.contract_id = c.id AND x.deadline = c.decision_deadline)`;

const VIEW = `SELECT x.*, u.name AS decided_by_name
                FROM contract_decisions x
                LEFT JOIN users u ON x.actor_type = 'user' AND u.id = x.actor_id AND u.tenant_id = x.tenant_id`;

type Row = {
  id: string;
  tenant_id: string;
  contract_id: string;
  deadline: string;
  term_end: string;
  decision: DecisionKind;
  notice_sent_on: string | null;
  note: string | null;
  actor_type: string;
  actor_id: string | null;
  decided_at: Date;
  decided_by_name: string | null;
};

function toView(r: Row): DecisionView {
  return Object.assign(new ContractDecisionEntity(), {
    id: r.id,
    tenantId: r.tenant_id,
    contractId: r.contract_id,
    deadline: r.deadline,
    termEnd: r.term_end,
    decision: r.decision,
    noticeSentOn: r.notice_sent_on,
    note: r.note,
    actorType: r.actor_type,
    actorId: r.actor_id,
    decidedAt: r.decided_at,
    decidedByName: r.decided_by_name,
  });
}

export class DecisionsRepository extends TenantScopedRepository<ContractDecisionEntity> {
  constructor(db: TenantDb) {
    super(db, ContractDecisionEntity);
  }

  /** Every decision of one contract (a handful: one per notice deadline decided). */
  forContract(tenantId: string, contractId: string): Promise<DecisionView[]> {
    return this.forContracts(tenantId, [contractId]);
  }

  forContracts(tenantId: string, contractIds: string[]): Promise<DecisionView[]> {
    if (contractIds.length === 0) return Promise.resolve([]);
    return this.run(tenantId, async (m) => {
      const rows: Row[] = await m.query(
        `${VIEW} WHERE x.tenant_id = $1 AND x.contract_id = ANY($2::uuid[]) ORDER BY x.deadline`,
        [tenantId, contractIds],
      );
      return rows.map(toView);
    });
  }

  /** Records (or replaces) the decision for one notice deadline. */
  upsert(tenantId: string, d: NewDecision): Promise<void> {
    return this.run(tenantId, async (m) => {
      await m.query(
        `INSERT INTO contract_decisions (tenant_id, contract_id, deadline, term_end, decision, notice_sent_on, note, actor_type, actor_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
         ON CONFLICT (tenant_id, contract_id, deadline) DO UPDATE
           SET term_end = EXCLUDED.term_end, decision = EXCLUDED.decision, notice_sent_on = EXCLUDED.notice_sent_on,
               note = EXCLUDED.note, actor_type = EXCLUDED.actor_type, actor_id = EXCLUDED.actor_id, decided_at = now()`,
        [
          tenantId,
          d.contractId,
          d.deadline,
          d.termEnd,
          d.decision,
          d.noticeSentOn,
          d.note,
          d.actorType,
          d.actorId,
        ],
      );
    });
  }

  /** Removes the decision for one notice deadline; returns whether there was one. */
  async remove(tenantId: string, contractId: string, deadline: string): Promise<boolean> {
    return (await this.delete(tenantId, { contractId, deadline })) > 0;
  }

  /**
   * The tenant's notice deadlines that passed (before `today`) without a decision: each master contract's
   * current-term notice deadline, unless the contract is ending (notice of termination sent). Oldest first.
   */
  undecidedPassed(tenantId: string, today: string, limit = 1000): Promise<UndecidedDeadline[]> {
    return this.run(tenantId, async (m) => {
      const rows: { id: string; title: string; counterparty: string | null; date: string }[] =
        await m.query(
          `SELECT c.id, coalesce(c.title, c.file_name) AS title, c.counterparty, c.decision_deadline AS date
           FROM contracts c
          WHERE c.tenant_id = $1 AND c.decision_deadline < $2::date AND c.ending_on IS NULL
            AND c.parent_id IS NULL AND c.status IN ('parsed', 'needs_review')
            AND NOT EXISTS (SELECT 1 FROM contract_decisions x
                             WHERE x.tenant_id = c.tenant_id AND x.contract_id = c.id AND x.deadline = c.decision_deadline)
          ORDER BY c.decision_deadline, c.id
          LIMIT $3`,
          [tenantId, today, limit],
        );
      return rows.map((r) => ({
        contractId: r.id,
        contractTitle: r.title,
        counterparty: r.counterparty,
        date: r.date,
      }));
    });
  }

  /**
   * Undecided notice deadlines dated from..to (inclusive; no lower bound without `from`), oldest first. With
   * `hideSnoozedOn` (the tenant's today), deadlines snoozed beyond that day are left out.
   */
  undecidedBetween(
    tenantId: string,
    range: { from: string | null; to: string; hideSnoozedOn: string | null },
    limit = 1000,
  ): Promise<WorklistDeadline[]> {
    return this.run(tenantId, async (m) => {
      const rows: {
        id: string;
        title: string;
        date: string;
        counterparty: string | null;
        owner_id: string | null;
        language: string | null;
        renewal_date: string | null;
        renewal_term: string | null;
        snoozed_until: string | null;
      }[] = await m.query(
        `SELECT c.id, coalesce(c.title, c.file_name) AS title,
                to_char(c.decision_deadline, 'YYYY-MM-DD') AS date, c.counterparty, c.owner_id, c.language,
                to_char(c.next_renewal_date, 'YYYY-MM-DD') AS renewal_date,
                coalesce(c.terms->>'renewalTerm', c.terms->>'initialTerm') AS renewal_term,
                to_char(s.until, 'YYYY-MM-DD') AS snoozed_until
           ${UNDECIDED}
            AND ($2::date IS NULL OR c.decision_deadline >= $2::date) AND c.decision_deadline <= $3::date
            AND ($4::date IS NULL OR s.until IS NULL OR s.until <= $4::date)
          ORDER BY c.decision_deadline, c.id
          LIMIT $5`,
        [tenantId, range.from, range.to, range.hideSnoozedOn, limit],
      );
      return rows.map((r) => ({
        contractId: r.id,
        contractTitle: r.title,
        date: r.date,
        counterparty: r.counterparty,
        ownerId: r.owner_id,
        language: r.language,
        renewalDate: r.renewal_date,
        renewalTerm: r.renewal_term,
        snoozedUntil: r.snoozed_until,
      }));
    });
  }

  /** How many notice deadlines are undecided: passed (before today), upcoming (today..to), snoozed. */
  undecidedCounts(tenantId: string, today: string, to: string): Promise<UndecidedCounts> {
    return this.run(tenantId, async (m) => {
      const [row]: { passed: number; upcoming: number; snoozed: number }[] = await m.query(
        `SELECT count(*) FILTER (WHERE c.decision_deadline < $2::date)::int AS passed,
                count(*) FILTER (WHERE c.decision_deadline >= $2::date)::int AS upcoming,
                count(*) FILTER (WHERE s.until > $2::date)::int AS snoozed
           ${UNDECIDED} AND c.decision_deadline <= $3::date`,
        [tenantId, today, to],
      );
      return row;
    });
  }
}
