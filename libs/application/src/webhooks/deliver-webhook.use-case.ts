import { Logger } from '@nestjs/common';
import type { DeadlineKind } from '@cb/domain';
import type { JobPayloads } from '@cb/jobs';
import { UnsafeUrlError, postWebhook, signWebhook } from '@cb/notifications';
import type {
  AlertsRepository,
  TenantDb,
  WebhookDeliveryEntity,
  WebhooksRepository,
} from '@cb/persistence';

/** A receiver gets this long to answer; a slow one fails the attempt (and is retried) instead of holding a worker. */
export const WEBHOOK_TIMEOUT_MS = 10_000;

export type WebhookDeliverOutcome =
  | { result: 'succeeded' | 'skipped' }
  | { result: 'canceled'; reason: string }
  | { result: 'failed' | 'retry'; reason: string };

/**
 * Delivers one recorded event to one endpoint, signed per Standard Webhooks (webhook-id = the delivery id,
 * so a receiver can drop a repeat). Every attempt is recorded with its HTTP status or error. The delivery row
 * is locked while sending, so two jobs never deliver it at the same time. A deadline.upcoming event is
 * checked against the deadlines first, on every attempt: a corrected deadline or a deleted contract cancels it.
 */
export class DeliverWebhook {
  private readonly logger = new Logger(DeliverWebhook.name);

  constructor(
    private readonly db: TenantDb,
    private readonly webhooks: WebhooksRepository,
    private readonly alerts: AlertsRepository,
    private readonly options: { webhookAllowPrivateUrls: boolean },
  ) {}

  async execute(
    p: JobPayloads['webhook.deliver'],
    opts: { finalAttempt: boolean; now?: Date },
  ): Promise<WebhookDeliverOutcome> {
    return this.db.run(p.tenantId, async (): Promise<WebhookDeliverOutcome> => {
      const delivery = await this.webhooks.lockDelivery(p.tenantId, p.deliveryId);
      if (!delivery || delivery.status !== 'pending') return { result: 'skipped' };
      const stale = await this.staleReason(p.tenantId, delivery);
      if (stale) {
        await this.webhooks.cancelDelivery(p.tenantId, delivery.id, stale);
        return { result: 'canceled', reason: stale };
      }
      const endpoint = await this.webhooks.findOne(p.tenantId, { id: delivery.endpointId });
      if (!endpoint) {
        await this.webhooks.failDelivery(p.tenantId, delivery.id, 'endpoint deleted');
        return { result: 'failed', reason: 'endpoint deleted' };
      }
      const started = Date.now();
      let statusCode: number | null = null;
      let error: string | null = null;
      let permanent = false;
      try {
        const body = JSON.stringify(delivery.payload);
        const timestamp = Math.floor((opts.now ?? new Date()).getTime() / 1000);
        // Checked again at delivery, at connect time: the address judged public is the one connected to
        // (pinned, no second DNS look-up); redirects are not followed.
        statusCode = await postWebhook(endpoint.url, {
          allowPrivate: this.options.webhookAllowPrivateUrls,
          timeoutMs: WEBHOOK_TIMEOUT_MS,
          headers: {
            'content-type': 'application/json',
            'user-agent': 'ContractBank-Webhooks/1',
            'webhook-id': delivery.id,
            'webhook-timestamp': String(timestamp),
            'webhook-signature': signWebhook(endpoint.secret, delivery.id, timestamp, body),
          },
          body,
        });
        if (statusCode < 200 || statusCode >= 300) error = `HTTP ${statusCode}`;
      } catch (err) {
        permanent = err instanceof UnsafeUrlError;
        error =
          err instanceof Error
            ? err.name === 'TimeoutError'
              ? `timeout after ${WEBHOOK_TIMEOUT_MS} ms`
              : err.message
            : String(err);
      }
      const durationMs = Date.now() - started;
      if (error === null) {
        await this.webhooks.recordAttempt(
          p.tenantId,
          delivery.id,
          { statusCode, error: null, durationMs },
          'succeeded',
        );
        return { result: 'succeeded' };
      }
      const final = permanent || opts.finalAttempt;
      await this.webhooks.recordAttempt(
        p.tenantId,
        delivery.id,
        { statusCode, error, durationMs },
        final ? 'failed' : 'pending',
      );
      if (final)
        this.logger.warn(
          { tenantId: p.tenantId, deliveryId: delivery.id, error },
          'Webhook delivery failed for good',
        );
      return { result: final ? 'failed' : 'retry', reason: error };
    });
  }

  private async staleReason(
    tenantId: string,
    delivery: WebhookDeliveryEntity,
  ): Promise<string | null> {
    if (delivery.eventType !== 'deadline.upcoming') return null;
    const data = (delivery.payload as { data?: Record<string, unknown> }).data ?? {};
    const matches = await this.alerts.deadlineStillMatches(tenantId, {
      contractId: String(data.contractId),
      kind: data.kind as DeadlineKind,
      deadline: String(data.date),
      obligationId: typeof data.obligationId === 'string' ? data.obligationId : null,
    });
    return matches ? null : 'deadline changed or contract deleted before delivery';
  }
}
