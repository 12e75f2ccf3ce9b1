import { AlertDigestEntity } from '../entities';
import type { TenantDb } from '../tenant-db';
import { TenantScopedRepository } from '../tenant-scoped-repository';

export interface DigestDeadline {
  contractId: string;
  contractTitle: string;
  counterparty: string | null;
  kind: 'notice' | 'renewal' | 'expiration' | 'obligation';
  date: string;
}

export class AlertDigestsRepository extends TenantScopedRepository<AlertDigestEntity> {
  constructor(db: TenantDb) {
    super(db, AlertDigestEntity);
  }

  /** Records this week's digest per recipient; returns the ids created by this call (existing ones are left alone). */
  async insertNew(tenantId: string, recipients: string[], weekStart: string): Promise<string[]> {
    if (recipients.length === 0) return [];
    return this.run(tenantId, async (m) => {
      const rows: { id: string }[] = await m.query(
        `INSERT INTO alert_digests (tenant_id, recipient, week_start)
         SELECT $1, r, $3 FROM unnest($2::text[]) AS x(r)
         ON CONFLICT (tenant_id, recipient, week_start) DO NOTHING
         RETURNING id`,
        [tenantId, recipients.map((r) => r.trim().toLowerCase()), weekStart],
      );
      return rows.map((r) => r.id);
    });
  }

  /**
   * Records this week's digest per recipient, but only when the tenant has a deadline dated from..to (one
   * statement); returns the ids created by this call.
   */
  async insertIfUpcoming(
    tenantId: string,
    recipients: string[],
    weekStart: string,
    from: string,
    to: string,
  ): Promise<string[]> {
    if (recipients.length === 0) return [];
    return this.run(tenantId, async (m) => {
      const rows: { id: string }[] = await m.query(
        `INSERT INTO alert_digests (tenant_id, recipient, week_start)
         SELECT $1, r, $3 FROM unnest($2::text[]) AS x(r)
          WHERE EXISTS (SELECT 1 FROM deadlines d WHERE d.tenant_id = $1 AND d.date BETWEEN $4 AND $5)
         ON CONFLICT (tenant_id, recipient, week_start) DO NOTHING
         RETURNING id`,
        [tenantId, recipients.map((r) => r.trim().toLowerCase()), weekStart, from, to],
      );
      return rows.map((r) => r.id);
    });
  }

  /** Locks the digest row for the rest of the enclosing tenant transaction (see AlertsRepository.lockForSend). */
  lockForSend(tenantId: string, id: string): Promise<AlertDigestEntity | null> {
    return this.run(tenantId, (m) =>
      m.findOne(AlertDigestEntity, {
        where: this.scoped(tenantId, { id }),
        lock: { mode: 'pessimistic_write' },
      }),
    );
  }

  async finish(
    tenantId: string,
    id: string,
    status: 'sent' | 'failed',
    error: string | null,
  ): Promise<boolean> {
    return this.run(tenantId, async (m) => {
      const result: [unknown[], number] = await m.query(
        `UPDATE alert_digests SET status = $3, error = $4, sent_at = CASE WHEN $3 = 'sent' THEN now() ELSE NULL END
          WHERE tenant_id = $1 AND id = $2 AND status = 'pending'`,
        [tenantId, id, status, error],
      );
      return result[1] > 0;
    });
  }

  /** The tenant's deadlines dated from..to, at most `limit`, for the digest. */
  deadlinesBetween(
    tenantId: string,
    from: string,
    to: string,
    limit: number,
  ): Promise<DigestDeadline[]> {
    return this.run(tenantId, async (m) => {
      const rows: {
        contract_id: string;
        title: string;
        counterparty: string | null;
        kind: DigestDeadline['kind'];
        date: string;
      }[] = await m.query(
        `SELECT d.contract_id, coalesce(c.title, c.file_name) AS title, c.counterparty, d.kind, to_char(d.date, 'YYYY-MM-DD') AS date
           FROM deadlines d JOIN contracts c ON c.id = d.contract_id AND c.tenant_id = d.tenant_id
          WHERE d.tenant_id = $1 AND d.date BETWEEN $2 AND $3
          ORDER BY d.date, d.kind, title
          LIMIT $4`,
        [tenantId, from, to, limit],
      );
      return rows.map((r) => ({
        contractId: r.contract_id,
        contractTitle: r.title,
        counterparty: r.counterparty,
        kind: r.kind,
        date: r.date,
      }));
    });
  }
}
