import type { SystemDb } from '../tenant-db';

export interface OperatorOrderRow {
  id: string;
  tenantId: string;
  company: string;
  plan: string;
  interval: string;
  totalMinor: number;
  currency: string;
  billingEmail: string;
  createdAt: Date;
}

/**
 * For the operator CLI (cross-tenant, read-only): which tenant an order belongs to, and the pending orders
 * waiting for an operator. Changing an order always happens in its tenant's scope.
 */
export class BillingOrdersQuery {
  constructor(private readonly system: SystemDb) {}

  async tenantOf(orderId: string): Promise<string | null> {
    const rows: { tenant_id: string }[] = await this.system.dataSource.query(
      `SELECT tenant_id FROM billing_orders WHERE id = $1`,
      [orderId],
    );
    return rows[0]?.tenant_id ?? null;
  }

  async tenantOfInvoice(number: string): Promise<string | null> {
    const rows: { tenant_id: string }[] = await this.system.dataSource.query(
      `SELECT tenant_id FROM billing_invoices WHERE number = $1`,
      [number],
    );
    return rows[0]?.tenant_id ?? null;
  }

  async pending(limit = 200): Promise<OperatorOrderRow[]> {
    const rows: Record<string, unknown>[] = await this.system.dataSource.query(
      `SELECT id, tenant_id, company, plan, billing_interval, total_minor, currency, billing_email, created_at
         FROM billing_orders WHERE status = 'pending' ORDER BY created_at LIMIT $1`,
      [limit],
    );
    return rows.map((r) => ({
      id: r.id as string,
      tenantId: r.tenant_id as string,
      company: r.company as string,
      plan: r.plan as string,
      interval: r.billing_interval as string,
      totalMinor: Number(r.total_minor),
      currency: r.currency as string,
      billingEmail: r.billing_email as string,
      createdAt: r.created_at as Date,
    }));
  }
}
