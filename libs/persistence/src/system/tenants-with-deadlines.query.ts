import type { IsoDate } from '@cb/domain';
import type { SystemDb } from '../tenant-db';

export interface TenantWindow {
  tenantId: string;
  from: IsoDate;
  to: IsoDate;
}

/**
 * Of the given tenants, those with at least one deadline inside their own window: one statement that probes
 * the (tenant_id, date) index per tenant, so a page of tenants costs one round trip however many deadlines
 * there are (cross-tenant, read-only).
 */
export class TenantsWithDeadlinesQuery {
  constructor(private readonly system: SystemDb) {}

  async run(windows: readonly TenantWindow[]): Promise<Set<string>> {
    if (windows.length === 0) return new Set();
    const rows: { tenant_id: string }[] = await this.system.dataSource.query(
      `SELECT x.tenant_id FROM unnest($1::uuid[], $2::date[], $3::date[]) AS x(tenant_id, d_from, d_to)
        WHERE EXISTS (SELECT 1 FROM deadlines d
                       WHERE d.tenant_id = x.tenant_id AND d.date BETWEEN x.d_from AND x.d_to)`,
      [windows.map((w) => w.tenantId), windows.map((w) => w.from), windows.map((w) => w.to)],
    );
    return new Set(rows.map((r) => r.tenant_id));
  }
}
