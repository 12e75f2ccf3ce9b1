import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable } from '@nestjs/common';
import { JOB_OPTIONS, QUEUES, webhookDeliverJobId, type JobPayloads } from '@cb/jobs';
import { WebhooksRepository } from '@cb/persistence';
import type { Queue } from 'bullmq';

export type WebhookEventType = 'contract.parsed' | 'contract.failed' | 'deadline.upcoming';

export interface WebhookEvent {
  type: WebhookEventType;
  /** Unique per event (e.g. contract.parsed.<contractId>.<parseVersion>): recorded once per endpoint. */
  key: string;
  data: Record<string, unknown>;
}

/**
 * Records events for every endpoint subscribed to them (one webhook_deliveries row per endpoint and event
 * key, ON CONFLICT DO NOTHING) and enqueues a delivery job for each new row on the `webhooks` queue.
 */
@Injectable()
export class WebhookEventsService {
  constructor(
    @Inject(WebhooksRepository) private readonly webhooks: WebhooksRepository,
    @InjectQueue(QUEUES.webhooks) private readonly queue: Queue,
  ) {}

  /** Records events and enqueues the new deliveries (after the rows are committed). */
  async emit(tenantId: string, events: WebhookEvent[], now = new Date()): Promise<number> {
    const ids = await this.record(tenantId, events, now);
    await this.enqueue(tenantId, ids);
    return ids.length;
  }

  /**
   * Records deliveries for subscribed endpoints; returns the ids created. Joins the caller's tenant
   * transaction if there is one: then enqueue() only after that transaction commits.
   */
  async record(tenantId: string, events: WebhookEvent[], now = new Date()): Promise<string[]> {
    if (events.length === 0) return [];
    const byType = new Map<string, string[]>();
    for (const type of new Set(events.map((e) => e.type))) {
      byType.set(
        type,
        (await this.webhooks.subscribers(tenantId, type)).map((e) => e.id),
      );
    }
    const rows = events.flatMap((e) =>
      (byType.get(e.type) ?? []).map((endpointId) => ({
        endpointId,
        eventType: e.type,
        eventKey: e.key,
        payload: { type: e.type, timestamp: now.toISOString(), data: e.data },
      })),
    );
    return this.webhooks.insertDeliveries(tenantId, rows);
  }

  async enqueue(tenantId: string, deliveryIds: string[]): Promise<void> {
    if (deliveryIds.length === 0) return;
    await this.queue.addBulk(
      deliveryIds.map((deliveryId) => {
        const data: JobPayloads['webhook.deliver'] = { tenantId, deliveryId };
        return {
          name: 'webhook.deliver',
          data,
          opts: { ...JOB_OPTIONS['webhook.deliver'], jobId: webhookDeliverJobId(data) },
        };
      }),
    );
  }
}
