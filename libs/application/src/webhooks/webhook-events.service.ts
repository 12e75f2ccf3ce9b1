import type { JobPublisher } from '@cb/jobs';
import type { WebhooksRepository } from '@cb/persistence';

export type WebhookEventType =
  | 'contract.parsed'
  | 'contract.failed'
  | 'deadline.upcoming'
  | 'deadline.decided'
  | 'contract.terminated';

export interface WebhookEvent {
  type: WebhookEventType;
  /** Unique per event (e.g. contract.parsed.<contractId>.<parseVersion>): recorded once per endpoint. */
  key: string;
  data: Record<string, unknown>;
  /** When the event happened: endpoints created after it do not get it (none given: every subscriber). */
  occurredAt?: Date;
}

/**
 * Records events for every endpoint subscribed to them (one webhook_deliveries row per endpoint and event
 * key, ON CONFLICT DO NOTHING) and enqueues a delivery job for each new row on the `webhooks` queue.
 */
export class WebhookEvents {
  constructor(
    private readonly webhooks: WebhooksRepository,
    private readonly jobs: JobPublisher,
  ) {}

  /**
   * Records deliveries for subscribed endpoints; returns the ids created. Joins the caller's tenant
   * transaction if there is one: then enqueue() only after that transaction commits.
   */
  async record(tenantId: string, events: WebhookEvent[], now = new Date()): Promise<string[]> {
    if (events.length === 0) return [];
    const byType = new Map<string, { id: string; createdAt: Date }[]>();
    for (const type of new Set(events.map((e) => e.type)))
      byType.set(type, await this.webhooks.subscribers(tenantId, type));
    const rows = events.flatMap((e) =>
      (byType.get(e.type) ?? [])
        .filter(
          (endpoint) => !e.occurredAt || endpoint.createdAt.getTime() <= e.occurredAt.getTime(),
        )
        .map((endpoint) => ({
          endpointId: endpoint.id,
          eventType: e.type,
          eventKey: e.key,
          payload: { type: e.type, timestamp: now.toISOString(), data: e.data },
        })),
    );
    return this.webhooks.insertDeliveries(tenantId, rows);
  }

  async enqueue(tenantId: string, deliveryIds: string[]): Promise<void> {
    await this.jobs.publishAll(
      'webhook.deliver',
      deliveryIds.map((deliveryId) => ({ tenantId, deliveryId })),
    );
  }
}
