import { LOST_DELIVERY_AFTER_MS } from '@cb/jobs';
import type { LostWebhookDeliveriesQuery } from '@cb/persistence';
import type { WebhookEvents } from './webhook-events.service';

/**
 * Deliveries still pending a minute after they were recorded and without an attempt (the process died between
 * the commit and the enqueue) are enqueued again; the deterministic job id makes this a no-op for a delivery
 * whose job exists (waiting, retrying or running).
 */
export class RecoverWebhookDeliveries {
  constructor(
    private readonly lost: LostWebhookDeliveriesQuery,
    private readonly events: WebhookEvents,
  ) {}

  async execute(olderThanMs = LOST_DELIVERY_AFTER_MS): Promise<{ requeued: number }> {
    const rows = await this.lost.run(olderThanMs);
    const byTenant = new Map<string, string[]>();
    for (const r of rows)
      byTenant.set(r.tenantId, [...(byTenant.get(r.tenantId) ?? []), r.deliveryId]);
    for (const [tenantId, ids] of byTenant) await this.events.enqueue(tenantId, ids);
    return { requeued: rows.length };
  }
}
