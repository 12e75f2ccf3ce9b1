import type { EntityManager } from 'typeorm';
import type { DeadlineKind } from '@cb/domain';
import { AlertEntity, ContractEntity, type AlertStatus } from '../entities';
import type { TenantDb } from '../tenant-db';
import { TenantScopedRepository } from '../tenant-scoped-repository';
import { decodeCursor, encodeCursor } from './list-cursor';

export interface NewAlert {
  alertKey: string;
  contractId: string;
  obligationId: string | null;
  kind: DeadlineKind;
  deadline: string;
  leadDays: number;
  channel: 'email' | 'webhook' | 'escalation';
  recipient: string;
}

/** A deadline that can carry an alert, with what the message needs about its contract. */
export interface AlertableDeadline {
  id: string;
  contractId: string;
  kind: DeadlineKind;
  date: string;
  obligationId: string | null;
  contractTitle: string;
  /** The contract owner's e-mail address (the owner gets its alerts too), or null. */
  ownerEmail: string | null;
  /** The contract's owner was removed from the team and nobody took it over. */
  ownerRemoved: boolean;
}

/** A notice deadline that passed with no decision and has not been escalated yet. */
export interface EscalationCandidate {
  contractId: string;
  deadline: string;
}

// The contracts whose decision deadline is undecided (DecisionsRepository.undecidedPassed, the same rule).
const UNDECIDED = `c.ending_on IS NULL AND c.parent_id IS NULL AND c.status IN ('parsed', 'needs_review')
  AND NOT EXISTS (SELECT 1 FROM contract_decisions x
                   WHERE x.tenant_id = c.tenant_id AND x.contract_id = c.id AND x.deadline = c.decision_deadline)`;

export class AlertsRepository extends TenantScopedRepository<AlertEntity> {
  constructor(db: TenantDb) {
    super(db, AlertEntity);
  }

  /**
   * The alert log, newest first, keyset-paged on (created_at, id), with each contract's title as it is now
   * (null once the contract is deleted: the log outlives it).
   */
  async list(
    tenantId: string,
    limit: number,
    cursor?: string,
  ): Promise<{
    rows: (AlertEntity & { contractTitle: string | null })[];
    nextCursor: string | null;
  }> {
    const after = cursor ? decodeCursor(cursor, 'timestamptz') : null;
    return this.run(tenantId, async (m) => {
      // The cursor keeps created_at as PostgreSQL prints it (microseconds): a JS Date would cut it to
      // milliseconds, and rows inserted together would be skipped.
      const qb = m
        .createQueryBuilder(AlertEntity, 'a')
        .addSelect('a.created_at::text', 'sort_key')
        .leftJoin(ContractEntity, 'c', 'c.id = a.contract_id AND c.tenant_id = a.tenant_id')
        .addSelect('coalesce(c.title, c.file_name)', 'contract_title')
        .where('a.tenant_id = :tenantId', { tenantId });
      if (after) {
        qb.andWhere('(a.created_at, a.id) < (CAST(:cv AS timestamptz), CAST(:cid AS uuid))', {
          cv: after.v,
          cid: after.id,
        });
      }
      const { entities, raw } = await qb
        .orderBy('a.created_at', 'DESC')
        .addOrderBy('a.id', 'DESC')
        .limit(limit + 1)
        .getRawAndEntities<{ sort_key: string; contract_title: string | null }>();
      const page = entities
        .slice(0, limit)
        .map((e, i) => Object.assign(e, { contractTitle: raw[i]?.contract_title ?? null }));
      const last = page[page.length - 1];
      const lastRaw = raw[page.length - 1];
      return {
        rows: page,
        nextCursor:
          entities.length > limit && last && lastRaw
            ? encodeCursor(lastRaw.sort_key, last.id)
            : null,
      };
    });
  }

  /**
   * One page of the tenant's deadlines dated `from`..`to`, keyset-paged on (date, id) so a tenant with many
   * deadlines is never loaded at once.
   */
  deadlinesBetween(
    tenantId: string,
    from: string,
    to: string,
    after: { date: string; id: string } | null,
    limit: number,
  ): Promise<AlertableDeadline[]> {
    return this.run(tenantId, async (m) => {
      const rows: {
        id: string;
        contract_id: string;
        kind: DeadlineKind;
        date: string;
        obligation_id: string | null;
        title: string;
        owner_email: string | null;
        owner_removed: boolean;
      }[] = await m.query(
        `SELECT d.id, d.contract_id, d.kind, to_char(d.date, 'YYYY-MM-DD') AS date, d.obligation_id,
                  coalesce(c.title, c.file_name) AS title,
                  u.email AS owner_email, c.owner_removed_at IS NOT NULL AS owner_removed
             FROM deadlines d JOIN contracts c ON c.id = d.contract_id AND c.tenant_id = d.tenant_id
             LEFT JOIN users u ON u.id = c.owner_id AND u.tenant_id = c.tenant_id
            WHERE d.tenant_id = $1 AND d.date BETWEEN $2 AND $3
              AND ($4::date IS NULL OR (d.date, d.id) > ($4::date, $5::uuid))
              -- A decided notice deadline gets no further alerts (docs/deadlines.md, "Decisions").
              AND NOT (d.kind = 'notice' AND EXISTS (
                    SELECT 1 FROM contract_decisions x
                     WHERE x.tenant_id = d.tenant_id AND x.contract_id = d.contract_id AND x.deadline = d.date))
            ORDER BY d.date, d.id
            LIMIT $6`,
        [tenantId, from, to, after?.date ?? null, after?.id ?? null, limit],
      );
      return rows.map((r) => ({
        id: r.id,
        contractId: r.contract_id,
        kind: r.kind,
        date: r.date,
        obligationId: r.obligation_id,
        contractTitle: r.title,
        ownerEmail: r.owner_email,
        ownerRemoved: r.owner_removed,
      }));
    });
  }

  /**
   * The tenant's notice deadlines that passed (before `today`) undecided on contracts that are not ending
   * (the ?undecided=true list), without an escalation recorded for them yet. Oldest first.
   */
  escalationCandidates(
    tenantId: string,
    today: string,
    limit = 1000,
  ): Promise<EscalationCandidate[]> {
    return this.run(tenantId, async (m) => {
      const rows: { id: string; date: string }[] = await m.query(
        `SELECT c.id, to_char(c.decision_deadline, 'YYYY-MM-DD') AS date
           FROM contracts c
          WHERE c.tenant_id = $1 AND c.decision_deadline < $2::date AND ${UNDECIDED}
            AND NOT EXISTS (SELECT 1 FROM alerts a
                             WHERE a.tenant_id = c.tenant_id AND a.channel = 'escalation'
                               AND a.contract_id = c.id AND a.deadline = c.decision_deadline)
          ORDER BY c.decision_deadline, c.id
          LIMIT $3`,
        [tenantId, today, limit],
      );
      return rows.map((r) => ({ contractId: r.id, deadline: r.date }));
    });
  }

  /**
   * Whether an escalation is still news: the contract's decision deadline is still the one escalated, it
   * has passed (before `today`), nobody decided it and the contract is not ending.
   */
  escalationStillDue(
    tenantId: string,
    alert: { contractId: string; deadline: string },
    today: string,
  ): Promise<boolean> {
    return this.run(tenantId, async (m: EntityManager) => {
      const rows: unknown[] = await m.query(
        `SELECT 1 FROM contracts c
          WHERE c.tenant_id = $1 AND c.id = $2 AND c.decision_deadline = $3::date AND c.decision_deadline < $4::date
            AND ${UNDECIDED}`,
        [tenantId, alert.contractId, alert.deadline, today],
      );
      return rows.length > 0;
    });
  }

  /**
   * Records alerts; a key that already exists is left alone (ON CONFLICT DO NOTHING). Returns the ids of the
   * rows this call created: only those may be enqueued for sending by this caller.
   */
  async insertNew(tenantId: string, alerts: NewAlert[]): Promise<string[]> {
    if (alerts.length === 0) return [];
    return this.run(tenantId, async (m) => {
      const rows: { id: string }[] = await m.query(
        `INSERT INTO alerts (tenant_id, alert_key, contract_id, obligation_id, kind, deadline, lead_days, channel, recipient)
         SELECT $1, k, c, o, kd, d, l, ch, r
           FROM unnest($2::text[], $3::uuid[], $4::uuid[], $5::text[], $6::date[], $7::int[], $8::text[], $9::text[])
                AS x(k, c, o, kd, d, l, ch, r)
         ON CONFLICT (tenant_id, alert_key) DO NOTHING
         RETURNING id`,
        [
          tenantId,
          alerts.map((a) => a.alertKey),
          alerts.map((a) => a.contractId),
          alerts.map((a) => a.obligationId),
          alerts.map((a) => a.kind),
          alerts.map((a) => a.deadline),
          alerts.map((a) => a.leadDays),
          alerts.map((a) => a.channel),
          alerts.map((a) => a.recipient),
        ],
      );
      return rows.map((r) => r.id);
    });
  }

  /** Pending alerts older than `olderThanMs` (their send job may have been lost): to enqueue again. */
  async stalePendingIds(tenantId: string, olderThanMs: number, limit = 1000): Promise<string[]> {
    return this.run(tenantId, async (m) => {
      const rows: { id: string }[] = await m.query(
        `SELECT id FROM alerts
          WHERE tenant_id = $1 AND status = 'pending' AND created_at < now() - ($2::int * interval '1 millisecond')
          ORDER BY created_at LIMIT $3`,
        [tenantId, olderThanMs, limit],
      );
      return rows.map((r) => r.id);
    });
  }

  /**
   * Locks the alert row for the rest of the enclosing tenant transaction (SELECT ... FOR UPDATE): a second
   * job for the same alert waits here until the first commits, then sees the final status.
   */
  lockForSend(tenantId: string, alertId: string): Promise<AlertEntity | null> {
    return this.run(tenantId, (m) =>
      m.findOne(AlertEntity, {
        where: this.scoped(tenantId, { id: alertId }),
        lock: { mode: 'pessimistic_write' },
      }),
    );
  }

  /**
   * Whether the deadline an alert (or a deadline.upcoming event) was made for still exists unchanged: same
   * contract, kind, date and obligation. A deleted contract has no deadlines left.
   */
  deadlineStillMatches(
    tenantId: string,
    alert: {
      contractId: string;
      kind: DeadlineKind;
      deadline: string;
      obligationId: string | null;
    },
  ): Promise<boolean> {
    return this.run(tenantId, async (m: EntityManager) => {
      const rows: unknown[] = await m.query(
        `SELECT 1 FROM deadlines
          WHERE tenant_id = $1 AND contract_id = $2 AND kind = $3 AND date = $4
            AND obligation_id IS NOT DISTINCT FROM $5::uuid
          LIMIT 1`,
        [tenantId, alert.contractId, alert.kind, alert.deadline, alert.obligationId],
      );
      return rows.length > 0;
    });
  }

  /** Whether the notice deadline an alert is about has a decision (its alerts stop). */
  deadlineDecided(
    tenantId: string,
    alert: { contractId: string; kind: DeadlineKind; deadline: string },
  ): Promise<boolean> {
    if (alert.kind !== 'notice') return Promise.resolve(false);
    return this.run(tenantId, async (m: EntityManager) => {
      const rows: unknown[] = await m.query(
        `SELECT 1 FROM contract_decisions WHERE tenant_id = $1 AND contract_id = $2 AND deadline = $3 LIMIT 1`,
        [tenantId, alert.contractId, alert.deadline],
      );
      return rows.length > 0;
    });
  }

  /**
   * Moves a pending alert to its final status. Conditional on `status = 'pending'`, so of two racing
   * writers only one wins; returns whether this call made the transition.
   */
  async finish(
    tenantId: string,
    alertId: string,
    status: Exclude<AlertStatus, 'pending'>,
    error: string | null,
  ): Promise<boolean> {
    return this.run(tenantId, async (m) => {
      const result: [unknown[], number] = await m.query(
        `UPDATE alerts SET status = $3, error = $4, sent_at = CASE WHEN $3 = 'sent' THEN now() ELSE NULL END,
                attempts = attempts + 1, updated_at = now()
          WHERE tenant_id = $1 AND id = $2 AND status = 'pending'`,
        [tenantId, alertId, status, error],
      );
      return result[1] > 0;
    });
  }

  /** Counts a failed attempt that will be retried, keeping its reason for the log. */
  async recordAttemptError(tenantId: string, alertId: string, error: string): Promise<void> {
    await this.run(tenantId, (m) =>
      m.query(
        `UPDATE alerts SET attempts = attempts + 1, error = $3, updated_at = now()
          WHERE tenant_id = $1 AND id = $2 AND status = 'pending'`,
        [tenantId, alertId, error],
      ),
    );
  }
}
