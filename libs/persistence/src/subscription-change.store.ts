import {
  applySubscriptionEvent,
  isPlanId,
  NotFoundError,
  type Subscription,
  type SubscriptionEvent,
  type SubscriptionStatus,
} from '@cb/domain';
import type { EntityManager } from 'typeorm';
import { SubscriptionEntity } from './entities/subscription.entity';
import type { AuditActorType } from './entities/audit-event.entity';
import { AuditEventsRepository } from './repositories/audit-events.repository';
import type { TenantDb } from './tenant-db';

export function toSubscription(row: SubscriptionEntity): Subscription {
  if (!isPlanId(row.plan))
    throw new Error(`subscription of tenant ${row.tenantId} has an unknown plan ${row.plan}`);
  return {
    plan: row.plan,
    status: row.status as SubscriptionStatus,
    trialEndsAt: row.trialEndsAt,
    currentPeriodEnd: row.currentPeriodEnd,
    canceledAt: row.canceledAt,
  };
}

/** What the row keeps beside the state machine's fields: the billing interval and the provider's ids. */
export interface SubscriptionBillingDetails {
  interval?: 'month' | 'year' | null;
  stripeCustomerId?: string | null;
  stripeSubscriptionId?: string | null;
}

export interface SubscriptionActor {
  type: AuditActorType;
  id: string | null;
}

/**
 * Applies subscription state-machine events to a tenant's row under a lock, with an audit event in the
 * same transaction. Used by the API (POST /v1/subscription, payment webhooks) and the operator CLI.
 */
export class SubscriptionChangeStore {
  constructor(
    private readonly db: TenantDb,
    private readonly audit: AuditEventsRepository = new AuditEventsRepository(db),
  ) {}

  /** The row, locked until the enclosing transaction ends (serializes limit checks and plan changes). */
  async lock(tenantId: string, m: EntityManager): Promise<SubscriptionEntity> {
    const row = await m.findOne(SubscriptionEntity, {
      where: { tenantId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!row) throw new NotFoundError('Subscription');
    return row;
  }

  /** The row itself (interval, period start, provider ids), in the caller's transaction when there is one. */
  async row(tenantId: string): Promise<SubscriptionEntity> {
    return this.db.run(tenantId, async (m) => {
      const row = await m.findOne(SubscriptionEntity, { where: { tenantId } });
      if (!row) throw new NotFoundError('Subscription');
      return row;
    });
  }

  async get(tenantId: string): Promise<Subscription> {
    return this.db.run(tenantId, async (m) => {
      const row = await m.findOne(SubscriptionEntity, { where: { tenantId } });
      if (!row) throw new NotFoundError('Subscription');
      return toSubscription(row);
    });
  }

  async apply(
    tenantId: string,
    event: SubscriptionEvent,
    now: Date,
    actor: SubscriptionActor,
    details: SubscriptionBillingDetails = {},
  ): Promise<Subscription> {
    return (await this.applyOnce(tenantId, null, event, now, actor, details)).subscription;
  }

  /**
   * Applies `event` unless one with the same `dedupeKey` (e.g. a payment provider's event id) was applied
   * before: the key is kept in the audit event, checked under the subscription row lock.
   */
  applyOnce(
    tenantId: string,
    dedupeKey: string | null,
    event: SubscriptionEvent,
    now: Date,
    actor: SubscriptionActor,
    details: SubscriptionBillingDetails = {},
  ): Promise<{ subscription: Subscription; applied: boolean }> {
    return this.db.run(tenantId, async (m) => {
      const row = await this.lock(tenantId, m);
      const before = toSubscription(row);
      if (dedupeKey) {
        const seen: unknown[] = await m.query(
          `SELECT 1 FROM audit_events WHERE tenant_id = $1 AND action = 'subscription.plan_changed' AND data->>'dedupeKey' = $2 LIMIT 1`,
          [tenantId, dedupeKey],
        );
        if (seen.length) return { subscription: before, applied: false };
      }
      const after = applySubscriptionEvent(before, event, now);
      // A new period starts when its end moved: a renewal continues from the old end, anything else now.
      const periodMoved =
        (after.currentPeriodEnd?.getTime() ?? null) !==
        (before.currentPeriodEnd?.getTime() ?? null);
      const renewedFrom =
        event.type === 'paymentSucceeded' &&
        before.currentPeriodEnd &&
        before.currentPeriodEnd > now
          ? before.currentPeriodEnd
          : now;
      await m.update(
        SubscriptionEntity,
        { tenantId },
        {
          plan: after.plan,
          status: after.status,
          trialEndsAt: after.trialEndsAt,
          currentPeriodEnd: after.currentPeriodEnd,
          canceledAt: after.canceledAt,
          ...(periodMoved
            ? { currentPeriodStart: after.currentPeriodEnd ? renewedFrom : null }
            : {}),
          ...details,
        },
      );
      await this.audit.insert(tenantId, {
        actorType: actor.type,
        actorId: actor.id,
        action: 'subscription.plan_changed',
        targetType: 'subscription',
        targetId: tenantId,
        data: {
          ...(dedupeKey ? { dedupeKey } : {}),
          event: event.type,
          ...(details.interval ? { interval: details.interval } : {}),
          from: { plan: before.plan, status: before.status },
          to: {
            plan: after.plan,
            status: after.status,
            currentPeriodEnd: after.currentPeriodEnd?.toISOString() ?? null,
          },
        },
      });
      return { subscription: after, applied: true };
    });
  }
}
