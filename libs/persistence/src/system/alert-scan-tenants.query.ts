import { isPlanId, type Subscription } from '@cb/domain';
import type { SystemDb } from '../tenant-db';

/** What the alert scan needs about a tenant: its alert settings and its subscription. */
export interface TenantAlertProfile {
  tenantId: string;
  timezone: string | null;
  leadDays: number[] | null;
  subscription: Subscription | null;
}

interface Row {
  id: string;
  timezone: string | null;
  lead_days: number[] | null;
  plan: string | null;
  status: Subscription['status'] | null;
  trial_ends_at: Date | null;
  current_period_end: Date | null;
  canceled_at: Date | null;
}

const SQL = `SELECT t.id, s.timezone, s.lead_days,
                    sub.plan, sub.status, sub.trial_ends_at, sub.current_period_end, sub.canceled_at
               FROM tenants t
               LEFT JOIN alert_settings s ON s.tenant_id = t.id
               LEFT JOIN subscriptions sub ON sub.tenant_id = t.id`;

/** Tenants with their alert settings and subscription, in keyset pages on the tenant id (cross-tenant, read-only). */
export class AlertScanTenantsQuery {
  constructor(private readonly system: SystemDb) {}

  async page(afterId: string, limit: number): Promise<TenantAlertProfile[]> {
    const rows: Row[] = await this.system.dataSource.query(
      `${SQL} WHERE t.id > $1 ORDER BY t.id LIMIT $2`,
      [afterId, limit],
    );
    return rows.map(toProfile);
  }

  async one(tenantId: string): Promise<TenantAlertProfile | null> {
    const rows: Row[] = await this.system.dataSource.query(`${SQL} WHERE t.id = $1`, [tenantId]);
    return rows[0] ? toProfile(rows[0]) : null;
  }
}

function toProfile(r: Row): TenantAlertProfile {
  return {
    tenantId: r.id,
    timezone: r.timezone,
    leadDays: r.lead_days,
    subscription:
      r.plan && isPlanId(r.plan) && r.status
        ? {
            plan: r.plan,
            status: r.status,
            trialEndsAt: r.trial_ends_at,
            currentPeriodEnd: r.current_period_end,
            canceledAt: r.canceled_at,
          }
        : null,
  };
}
