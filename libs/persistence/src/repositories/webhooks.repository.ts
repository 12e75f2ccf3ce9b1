import { WebhookDeliveryEntity, WebhookEndpointEntity } from '../entities';
import type { TenantDb } from '../tenant-db';
import { TenantScopedRepository } from '../tenant-scoped-repository';

export interface NewWebhookDelivery {
  endpointId: string;
  eventType: string;
  /** Unique per endpoint: the same event is recorded (and delivered) once. */
  eventKey: string;
  payload: unknown;
}

/** Webhook endpoints, their deliveries and each delivery attempt (the delivery log). */
export class WebhooksRepository extends TenantScopedRepository<WebhookEndpointEntity> {
  constructor(db: TenantDb) {
    super(db, WebhookEndpointEntity);
  }

  listEndpoints(tenantId: string): Promise<WebhookEndpointEntity[]> {
    return this.find(tenantId, {}, { order: { createdAt: 'ASC' }, take: 100 });
  }

  /** Endpoints subscribed to an event type. */
  subscribers(tenantId: string, eventType: string): Promise<WebhookEndpointEntity[]> {
    return this.run(tenantId, (m) =>
      m
        .createQueryBuilder(WebhookEndpointEntity, 'e')
        .where('e.tenant_id = :tenantId AND :eventType = ANY(e.events)', { tenantId, eventType })
        .getMany(),
    );
  }

  /** Records deliveries, skipping events already recorded for an endpoint; returns the ids created. */
  async insertDeliveries(tenantId: string, rows: NewWebhookDelivery[]): Promise<string[]> {
    if (rows.length === 0) return [];
    return this.run(tenantId, async (m) => {
      const created: { id: string }[] = await m.query(
        `INSERT INTO webhook_deliveries (tenant_id, endpoint_id, event_type, event_key, payload)
         SELECT $1, e, t, k, p FROM unnest($2::uuid[], $3::text[], $4::text[], $5::jsonb[]) AS x(e, t, k, p)
         ON CONFLICT (tenant_id, endpoint_id, event_key) DO NOTHING
         RETURNING id`,
        [
          tenantId,
          rows.map((r) => r.endpointId),
          rows.map((r) => r.eventType),
          rows.map((r) => r.eventKey),
          rows.map((r) => JSON.stringify(r.payload)),
        ],
      );
      return created.map((r) => r.id);
    });
  }

  /** Locks a delivery row for the enclosing tenant transaction, so two jobs never deliver it at once. */
  lockDelivery(tenantId: string, id: string): Promise<WebhookDeliveryEntity | null> {
    return this.run(tenantId, (m) =>
      m.findOne(WebhookDeliveryEntity, {
        where: { tenantId, id },
        lock: { mode: 'pessimistic_write' },
      }),
    );
  }

  getDelivery(tenantId: string, id: string): Promise<WebhookDeliveryEntity | null> {
    return this.run(tenantId, (m) => m.findOne(WebhookDeliveryEntity, { where: { tenantId, id } }));
  }

  /** Records one attempt and moves the delivery on: succeeded, failed for good, or still pending. */
  async recordAttempt(
    tenantId: string,
    deliveryId: string,
    attempt: { statusCode: number | null; error: string | null; durationMs: number },
    status: 'pending' | 'succeeded' | 'failed',
  ): Promise<void> {
    await this.run(tenantId, async (m) => {
      const [row]: { attempts: number }[] = await m
        .query(
          `UPDATE webhook_deliveries
            SET attempts = attempts + 1, status = $3, last_error = $4,
                delivered_at = CASE WHEN $3 = 'succeeded' THEN now() ELSE delivered_at END
          WHERE tenant_id = $1 AND id = $2 AND status = 'pending'
          RETURNING attempts`,
          [tenantId, deliveryId, status, attempt.error],
        )
        .then((r: [{ attempts: number }[], number]) => r[0]);
      if (!row) return;
      await m.query(
        `INSERT INTO webhook_delivery_attempts (tenant_id, delivery_id, attempt, status_code, error, duration_ms)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [tenantId, deliveryId, row.attempts, attempt.statusCode, attempt.error, attempt.durationMs],
      );
    });
  }

  /** Ends a delivery without an attempt (e.g. its endpoint was deleted). */
  async failDelivery(tenantId: string, deliveryId: string, reason: string): Promise<void> {
    await this.endDelivery(tenantId, deliveryId, 'failed', reason);
  }

  /** A delivery that must not go out any more (its deadline changed or its contract was deleted). */
  async cancelDelivery(tenantId: string, deliveryId: string, reason: string): Promise<void> {
    await this.endDelivery(tenantId, deliveryId, 'canceled', reason);
  }

  private async endDelivery(
    tenantId: string,
    deliveryId: string,
    status: 'failed' | 'canceled',
    reason: string,
  ): Promise<void> {
    await this.run(tenantId, (m) =>
      m.query(
        `UPDATE webhook_deliveries SET status = $3, last_error = $4 WHERE tenant_id = $1 AND id = $2 AND status = 'pending'`,
        [tenantId, deliveryId, status, reason],
      ),
    );
  }
}
