import type { IsoDate } from '@cb/domain';
import type { SystemDb } from '../tenant-db';

export interface ContractWithPassedDeadline {
  tenantId: string;
  contractId: string;
  /** The earliest notice, renewal or obligation date before `before`. */
  earliest: IsoDate;
  /** The tenant's stored time zone (null: never set); the caller decides what "today" is there. */
  timezone: string | null;
}

/**
 * A page (keyset on the contract id) of parsed contracts with a notice, renewal or obligation deadline dated
 * before `before`. Cross-tenant and read-only; the caller passes the latest calendar date anywhere on Earth and
 * keeps the contracts whose deadline has passed in their tenant's own time zone.
 */
export class ContractsWithPassedDeadlinesQuery {
  constructor(private readonly system: SystemDb) {}

  async page(
    afterId: string,
    before: IsoDate,
    limit: number,
  ): Promise<ContractWithPassedDeadline[]> {
    const rows: { id: string; tenant_id: string; earliest: string; timezone: string | null }[] =
      await this.system.dataSource.query(
        `SELECT c.id, c.tenant_id, to_char(min(d.date), 'YYYY-MM-DD') AS earliest, s.timezone
           FROM contracts c
           JOIN deadlines d ON d.contract_id = c.id AND d.tenant_id = c.tenant_id
                           AND d.kind IN ('notice', 'renewal', 'obligation') AND d.date < $2::date
           LEFT JOIN alert_settings s ON s.tenant_id = c.tenant_id
          WHERE c.id > $1 AND c.status IN ('parsed', 'needs_review')
          GROUP BY c.id, c.tenant_id, s.timezone
          ORDER BY c.id LIMIT $3`,
        [afterId, before, limit],
      );
    return rows.map((r) => ({
      tenantId: r.tenant_id,
      contractId: r.id,
      earliest: r.earliest,
      timezone: r.timezone,
    }));
  }
}
