import { CalendarFeedEntity } from '../entities';
import type { TenantDb } from '../tenant-db';
import { TenantScopedRepository } from '../tenant-scoped-repository';

export interface CalendarDeadline {
  contractId: string;
  contractTitle: string;
  kind: 'notice' | 'renewal' | 'expiration' | 'obligation';
  date: string;
  obligationId: string | null;
  obligationText: string | null;
  /** The contract's counterparty, for the "Counterparty – Title" heading. */
  counterparty: string | null;
  /** Notice deadlines: the renewal the deadline stops (contracts.notice_renewal_date), when known. */
  noticeRenewalDate: string | null;
  /** The length of a renewal (the renewal term, else the initial term), ISO 8601. */
  renewalTerm: string | null;
}

export class CalendarFeedsRepository extends TenantScopedRepository<CalendarFeedEntity> {
  constructor(db: TenantDb) {
    super(db, CalendarFeedEntity);
  }

  live(tenantId: string): Promise<CalendarFeedEntity | null> {
    return this.run(tenantId, (m) =>
      m
        .createQueryBuilder(CalendarFeedEntity, 'f')
        .where('f.tenant_id = :tenantId AND f.revoked_at IS NULL', { tenantId })
        .getOne(),
    );
  }

  /**
   * Creates the live feed unless one exists (a unique partial index allows one per tenant, so two racing
   * requests end up with the same feed). The caller derives `tokenHash` from `newId`.
   */
  async ensureLive(
    tenantId: string,
    newId: string,
    tokenHash: string,
  ): Promise<CalendarFeedEntity> {
    return this.run(tenantId, async (m) => {
      await m.query(
        `INSERT INTO calendar_feeds (id, tenant_id, token_hash) VALUES ($1, $2, $3)
         ON CONFLICT (tenant_id) WHERE revoked_at IS NULL DO NOTHING`,
        [newId, tenantId, tokenHash],
      );
      const feed = await m
        .createQueryBuilder(CalendarFeedEntity, 'f')
        .where('f.tenant_id = :tenantId AND f.revoked_at IS NULL', { tenantId })
        .getOne();
      if (!feed) throw new Error('calendar feed vanished while being created');
      return feed;
    });
  }

  /** Revokes the live feed; returns how many were revoked (0 or 1). */
  async revoke(tenantId: string): Promise<number> {
    return this.run(tenantId, async (m) => {
      const result: [unknown[], number] = await m.query(
        `UPDATE calendar_feeds SET revoked_at = now() WHERE tenant_id = $1 AND revoked_at IS NULL`,
        [tenantId],
      );
      return result[1];
    });
  }

  /** Before a tenant is known: the tenant of a live feed with this token hash (a security-definer function). */
  async tenantForTokenHash(tokenHash: string): Promise<string | null> {
    const rows: { tenant_id: string | null }[] = await this.db.dataSource.query(
      'SELECT calendar_feed_tenant($1) AS tenant_id',
      [tokenHash],
    );
    return rows[0]?.tenant_id ?? null;
  }

  /** Every deadline of the tenant from `from` on, for the feed (bounded by `limit`). */
  deadlinesFrom(tenantId: string, from: string, limit: number): Promise<CalendarDeadline[]> {
    return this.run(tenantId, async (m) => {
      const rows: {
        contract_id: string;
        title: string;
        kind: CalendarDeadline['kind'];
        date: string;
        obligation_id: string | null;
        obligation_text: string | null;
        counterparty: string | null;
        notice_renewal_date: string | null;
        renewal_term: string | null;
      }[] = await m.query(
        `SELECT d.contract_id, coalesce(c.title, c.file_name) AS title, d.kind, to_char(d.date, 'YYYY-MM-DD') AS date,
                  d.obligation_id, o.text AS obligation_text, c.counterparty,
                  CASE WHEN d.kind = 'notice' AND c.notice_deadline = d.date
                       THEN to_char(c.notice_renewal_date, 'YYYY-MM-DD') END AS notice_renewal_date,
                  coalesce(c.terms->>'renewalTerm', c.terms->>'initialTerm') AS renewal_term
             FROM deadlines d
             JOIN contracts c ON c.id = d.contract_id AND c.tenant_id = d.tenant_id
             LEFT JOIN obligations o ON o.id = d.obligation_id AND o.tenant_id = d.tenant_id
            WHERE d.tenant_id = $1 AND d.date >= $2
            ORDER BY d.date, d.kind, d.contract_id
            LIMIT $3`,
        [tenantId, from, limit],
      );
      return rows.map((r) => ({
        contractId: r.contract_id,
        contractTitle: r.title,
        kind: r.kind,
        date: r.date,
        obligationId: r.obligation_id,
        obligationText: r.obligation_text,
        counterparty: r.counterparty,
        noticeRenewalDate: r.notice_renewal_date,
        renewalTerm: r.renewal_term,
      }));
    });
  }
}
