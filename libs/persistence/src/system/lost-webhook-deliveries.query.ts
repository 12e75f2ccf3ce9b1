import type { SystemDb } from '../tenant-db';

/**
 * Deliveries still pending without any attempt `olderThanMs` after they were recorded: their job may have been
 * lost (the process died between the commit and the enqueue). Cross-tenant, read-only.
 */
export class LostWebhookDeliveriesQuery {
  constructor(private readonly system: SystemDb) {}

  async run(olderThanMs: number, limit = 500): Promise<{ tenantId: string; deliveryId: string }[]> {
    const rows: { tenant_id: string; id: string }[] = await this.system.dataSource.query(
      `SELECT tenant_id, id FROM webhook_deliveries
        WHERE status = 'pending' AND attempts = 0
          AND created_at < now() - ($1::int * interval '1 millisecond')
        ORDER BY created_at LIMIT $2`,
      [olderThanMs, limit],
    );
    return rows.map((r) => ({ tenantId: r.tenant_id, deliveryId: r.id }));
  }
}
