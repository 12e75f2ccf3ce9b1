import type { SystemDb } from '../tenant-db';

export interface StuckContract {
  tenantId: string;
  contractId: string;
  parseVersion: number;
  parseAttempts: number;
}

/** Contracts left in `processing` for longer than `stuckAfterMs`, oldest first (cross-tenant, read-only). */
export class StuckContractsQuery {
  constructor(private readonly system: SystemDb) {}

  async run(stuckAfterMs: number, limit = 500): Promise<StuckContract[]> {
    const rows: { id: string; tenant_id: string; parse_version: number; parse_attempts: number }[] =
      await this.system.dataSource.query(
        `SELECT id, tenant_id, parse_version, parse_attempts FROM contracts
          WHERE status = 'processing' AND updated_at < now() - ($1::int * interval '1 millisecond')
          ORDER BY updated_at LIMIT $2`,
        [stuckAfterMs, limit],
      );
    return rows.map((r) => ({
      tenantId: r.tenant_id,
      contractId: r.id,
      parseVersion: r.parse_version,
      parseAttempts: r.parse_attempts,
    }));
  }
}
