import type { IsoDate } from '@cb/domain';
import type { SystemDb } from '../tenant-db';

export interface TenantWindow {
  tenantId: string;
  from: IsoDate;
  to: IsoDate;
  /** The tenant's today: a notice deadline before it, undecided and not yet escalated, also counts. */
  today?: IsoDate;
}

/**
 * Of the given tenants, those with at least one deadline inside their own window, or (given `today`) a notice
 * deadline that passed undecided and has not been escalated: one statement that probes the (tenant_id, date)
 * and (tenant_id, decision_deadline) indexes per tenant, so a page of tenants costs one round trip however many deadlines
 * there are (cross-tenant, read-only).
 */
export class TenantsWithDeadlinesQuery {
  constructor(private readonly system: SystemDb) {}

  async run(windows: readonly TenantWindow[]): Promise<Set<string>> {
    if (windows.length === 0) return new Set();
    const rows: { tenant_id: string }[] = await this.system.dataSource.query(
      `SELECT x.tenant_id
         FROM unnest($1::uuid[], $2::date[], $3::date[], $4::date[]) AS x(tenant_id, d_from, d_to, today)
        WHERE EXISTS (SELECT 1 FROM deadlines d
                       WHERE d.tenant_id = x.tenant_id AND d.date BETWEEN x.d_from AND x.d_to)
           OR EXISTS (SELECT 1 FROM contracts c
                       WHERE c.tenant_id = x.tenant_id AND c.decision_deadline < x.today
                         AND c.ending_on IS NULL AND c.parent_id IS NULL
                         AND c.status IN ('parsed', 'needs_review')
                         AND NOT EXISTS (SELECT 1 FROM contract_decisions k
                                          WHERE k.tenant_id = c.tenant_id AND k.contract_id = c.id
                                            AND k.deadline = c.decision_deadline)
                         AND NOT EXISTS (SELECT 1 FROM alerts a
                                          WHERE a.tenant_id = c.tenant_id AND a.channel = 'escalation'
                                            AND a.contract_id = c.id AND a.deadline = c.decision_deadline))`,
      [
        windows.map((w) => w.tenantId),
        windows.map((w) => w.from),
        windows.map((w) => w.to),
        windows.map((w) => w.today ?? null),
      ],
    );
    return new Set(rows.map((r) => r.tenant_id));
  }
}
