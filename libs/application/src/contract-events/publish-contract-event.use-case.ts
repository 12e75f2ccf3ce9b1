import type { JobPayloads, JobPublisher, LiveSignal } from '@cb/jobs';
import type { ContractEventEntity, ContractEventsRepository, TenantDb } from '@cb/persistence';
import type { WebhookEvent, WebhookEvents } from '../webhooks/webhook-events.service';

/** The event key of a parse outcome: one contract.parsed or contract.failed per contract and parse version. */
export function contractEventKey(
  type: 'contract.parsed' | 'contract.failed',
  contractId: string,
  parseVersion: number,
): string {
  return `${type}.${contractId}.${parseVersion}`;
}

/**
 * Hands one finished parse (a contract_events row) to its consumers, once: a webhook delivery for every
 * endpoint subscribed to it (and created before it), an alert refresh for the tenant when the contract was
 * read (an alert may be due at once), and a live signal for the tenant's open web UIs. The row is locked and
 * marked published in one transaction; the enqueues follow the commit, and each consumer is idempotent.
 */
export class PublishContractEvent {
  constructor(
    private readonly db: TenantDb,
    private readonly events: ContractEventsRepository,
    private readonly webhookEvents: WebhookEvents,
    private readonly jobs: JobPublisher,
    private readonly signal: LiveSignal,
    private readonly options: { appUrl: string },
  ) {}

  async execute(
    p: JobPayloads['contract-event.publish'],
  ): Promise<{ result: 'published' | 'skipped'; webhooks: number }> {
    const published = await this.db.run(p.tenantId, async () => {
      const event = await this.events.lockForPublish(p.tenantId, p.eventId);
      if (!event || event.publishedAt) return null;
      const deliveryIds = await this.webhookEvents.record(p.tenantId, [this.webhookEvent(event)]);
      await this.events.markPublished(p.tenantId, event.id);
      return { event, deliveryIds };
    });
    if (!published) return { result: 'skipped', webhooks: 0 };
    await this.webhookEvents.enqueue(p.tenantId, published.deliveryIds);
    if (published.event.type === 'contract.parsed')
      await this.jobs.tryPublish('alerts.refresh', { tenantId: p.tenantId });
    await this.signal.contractEvent(p.tenantId);
    return { result: 'published', webhooks: published.deliveryIds.length };
  }

  private webhookEvent(e: ContractEventEntity): WebhookEvent {
    return {
      type: e.type,
      key: contractEventKey(e.type, e.contractId, e.parseVersion),
      occurredAt: e.createdAt,
      data: {
        contractId: e.contractId,
        title: e.data.title,
        status: e.status,
        url: `${this.options.appUrl}/contracts/${e.contractId}`,
        ...(e.data.error ? { error: e.data.error } : {}),
      },
    };
  }
}
